package org.acolhida.retention;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes every deployed process and decision definition keep its history for the configured retention
 * period ({@code acolhida.retention.after-closing}), whatever its file says: the files carry a time
 * to live because the engine requires one, the deployer chooses the period. Each definition whose
 * time to live is replaced is logged by name, with the file's value and the period that now applies,
 * so that the number a manager sees in Modeler is never changed without a word. Runs once the
 * application is up (the engine deploys the processes folder while it starts) and before each daily
 * erasure, so that a protocol a manager deployed during the day is aligned too. With the removal-time
 * strategy "end", the engine stamps each instance's history with end + time to live when the root
 * instance ends; history that ended before a change of the period is re-stamped by a batch, so that
 * the new period applies to it as well.
 */
@Component
class HistoryTimeToLive {

	private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);

	private final RepositoryService repository;

	private final HistoryService history;

	private final RetentionProperties properties;

	HistoryTimeToLive(RepositoryService repository, HistoryService history, RetentionProperties properties) {
		this.repository = repository;
		this.history = history;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void afterDeployment() {
		align();
	}

	/** Returns how many definitions were changed. */
	int align() {
		int days = properties.historyTimeToLiveDays();
		int changed = 0;
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
			if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
				// read before the update: the engine may hand back the same cached definition
				Integer before = definition.getHistoryTimeToLive();
				repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
				restamp(history.createHistoricProcessInstanceQuery().processDefinitionId(definition.getId()).finished());
				replaced("process", definition.getKey(), definition.getVersion(), definition.getResourceName(), before,
						days);
				changed++;
			}
		}
		for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
			if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
				// read before the update: the engine may hand back the same cached definition
				Integer before = definition.getHistoryTimeToLive();
				repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
				replaced("decision", definition.getKey(), definition.getVersion(), definition.getResourceName(), before,
						days);
				changed++;
			}
		}
		return changed;
	}

	/**
	 * Says which definition's time to live was replaced, from what, and why: the first time, the value was
	 * the one its file gives and Modeler shows.
	 */
	private static void replaced(String kind, String key, int version, String file, Integer before, int days) {
		log.info("History time to live of {} {} version {} ({}) set to {} days, the retention period "
				+ "(acolhida.retention.after-closing); it was {} days", kind, key, version, file, days, before);
	}

	/** Ended history keeps the removal time of the old period unless it is calculated again. */
	private void restamp(HistoricProcessInstanceQuery ended) {
		if (ended.count() > 0) {
			history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime().byQuery(ended).hierarchical()
				.executeAsync();
		}
	}

}
