package org.acolhida.cases;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Hands a transferred case's work to the new unit: the open tasks of every process instance whose
 * business key is the case number lose the old unit's workgroups ({@code housing.SOR-CRAS-NORTE})
 * and get the new unit's workgroups of the same roles ({@code housing.SOR-CRAS-OESTE}); the
 * instances' {@value #UNIT_VARIABLE} variable changes too, so that tasks created later go there.
 */
@Component
class CaseTasks {

	/** The process variable holding the owning unit's code, read by every candidate-group expression. */
	static final String UNIT_VARIABLE = "unitCode";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	CaseTasks(TaskService tasks, RuntimeService runtime, IdentityService identity) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
	}

	void moveOpenTasks(String caseNumber, String fromUnit, String toUnit) {
		// The caller has been checked by CaseFiles' callers; the worker transferring need not hold
		// engine permissions on every instance of the case (e.g. a referral run by another role).
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			String oldSuffix = "." + fromUnit;
			for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).active().list()) {
				moveTask(task, oldSuffix, toUnit);
			}
			for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).suspended().list()) {
				moveTask(task, oldSuffix, toUnit);
			}
			List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNumber)
				.list();
			for (ProcessInstance instance : instances) {
				if (runtime.getVariable(instance.getId(), UNIT_VARIABLE) != null) {
					runtime.setVariable(instance.getId(), UNIT_VARIABLE, toUnit);
				}
			}
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

	private void moveTask(Task task, String oldSuffix, String toUnit) {
		for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
			String group = link.getGroupId();
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group != null && group.endsWith(oldSuffix)) {
				String role = group.substring(0, group.length() - oldSuffix.length());
				tasks.deleteCandidateGroup(task.getId(), group);
				tasks.addCandidateGroup(task.getId(), role + "." + toUnit);
			}
		}
	}

}
