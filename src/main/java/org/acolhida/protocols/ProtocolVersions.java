package org.acolhida.protocols;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Service;

/**
 * The versions of each protocol, the cases running on each, and the move of running cases from one
 * version to another with Camunda's migration API (Cockpit's migration screen is enterprise-only).
 * A new version never moves running cases by itself: a manager previews the plan, then runs it.
 * Every call runs as the signed-in manager, so the engine's authorizations apply.
 */
@Service
class ProtocolVersions {

	/** How many cases one listing or one migration addresses at most. */
	static final int MAX_CASES = 1000;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final HistoryService history;

	ProtocolVersions(RepositoryService repository, RuntimeService runtime, ManagementService management,
			HistoryService history) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.history = history;
	}

	record Version(String id, int version, String name, Date deployedAt, String deployment, String source,
			long runningCases) {
	}

	record Protocol(String key, String name, List<Version> versions) {
	}

	record Instruction(List<String> from, List<String> to) {
	}

	/**
	 * A migration plan as a manager reviews it.
	 *
	 * @param instructions where each step of the old version goes in the new one
	 * @param problems why the plan cannot run (empty when it can)
	 */
	record Plan(String key, int fromVersion, int toVersion, long cases, List<Instruction> instructions,
			List<String> problems) {

		boolean valid() {
			return problems.isEmpty();
		}

	}

	record MigrationStarted(String batchId, long cases, Plan plan) {
	}

	record MigrationStatus(String batchId, int total, int remaining, int failed, boolean done) {
	}

	List<Protocol> protocols() {
		Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
		repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey().asc()
			.orderByProcessDefinitionVersion().desc()
			.listPage(0, MAX_CASES)
			.forEach(definition -> byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(definition));
		return byKey.entrySet().stream()
			.map(entry -> new Protocol(entry.getKey(), entry.getValue().get(0).getName(),
					entry.getValue().stream().map(this::version).toList()))
			.toList();
	}

	/** Case numbers running on one version of a protocol. */
	List<String> cases(String key, int version) {
		ProcessDefinition definition = definition(key, version, "version");
		return runtime.createProcessInstanceQuery()
			.processDefinitionId(definition.getId())
			.orderByBusinessKey().asc()
			.listPage(0, MAX_CASES)
			.stream()
			.map(ProcessInstance::getBusinessKey)
			.toList();
	}

	/**
	 * The plan that maps every step of one version to the step with the same id in the other, and
	 * what keeps it from running: steps the engine cannot map, and running cases that wait in a step
	 * the new version does not have.
	 */
	Plan plan(String key, int fromVersion, int toVersion, List<String> caseNumbers) {
		ProcessDefinition from = definition(key, fromVersion, "fromVersion");
		ProcessDefinition to = definition(key, toVersion, "toVersion");
		if (from.getId().equals(to.getId())) {
			throw new InvalidInputException("toVersion", "is the version the cases run on already");
		}
		List<String> problems = new ArrayList<>();
		MigrationPlan plan;
		try {
			plan = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
		}
		catch (MigrationPlanValidationException e) {
			e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures()
				.forEach(failure -> problems.add(describe(report.getMigrationInstruction()) + ": " + failure)));
			return new Plan(key, fromVersion, toVersion, instances(from, caseNumbers).count(), List.of(), problems);
		}
		Set<String> mapped = new LinkedHashSet<>();
		plan.getInstructions().forEach(instruction -> mapped.add(instruction.getSourceActivityId()));
		Map<String, Integer> stranded = new LinkedHashMap<>();
		for (ProcessInstance instance : instances(from, caseNumbers).listPage(0, MAX_CASES)) {
			activeSteps(runtime.getActivityInstance(instance.getId()), stranded, mapped);
		}
		stranded.forEach((step, count) -> problems.add(count + " case(s) wait in '" + step
				+ "', which version " + toVersion + " does not have: map it or finish those cases first"));
		List<Instruction> instructions = plan.getInstructions().stream()
			.map(instruction -> new Instruction(List.of(instruction.getSourceActivityId()),
					List.of(instruction.getTargetActivityId())))
			.toList();
		return new Plan(key, fromVersion, toVersion, instances(from, caseNumbers).count(), instructions, problems);
	}

	/**
	 * Moves the cases of one version to the other as a batch, if the plan holds: all of them, or
	 * those with the given case numbers.
	 */
	MigrationStarted migrate(String key, int fromVersion, int toVersion, List<String> caseNumbers) {
		Plan preview = plan(key, fromVersion, toVersion, caseNumbers);
		if (!preview.valid()) {
			throw new InvalidInputException(preview.problems().stream()
				.map(problem -> new InvalidInputException.FieldMessage("plan", problem))
				.toList());
		}
		if (preview.cases() == 0) {
			throw new InvalidInputException("fromVersion", "no such case runs on version " + fromVersion);
		}
		ProcessDefinition from = definition(key, fromVersion, "fromVersion");
		ProcessDefinition to = definition(key, toVersion, "toVersion");
		MigrationPlan plan = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
		Batch batch = runtime.newMigration(plan).processInstanceQuery(instances(from, caseNumbers)).executeAsync();
		return new MigrationStarted(batch.getId(), preview.cases(), preview);
	}

	MigrationStatus status(String batchId) {
		BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
		if (statistics != null) {
			return new MigrationStatus(batchId, statistics.getTotalJobs(), statistics.getRemainingJobs(),
					statistics.getFailedJobs(), false);
		}
		HistoricBatch finished = history.createHistoricBatchQuery().batchId(batchId).singleResult();
		if (finished == null) {
			throw new NotFoundException("No migration with id '" + batchId + "'");
		}
		return new MigrationStatus(batchId, finished.getTotalJobs(), 0, 0, finished.getEndTime() != null);
	}

	private Version version(ProcessDefinition definition) {
		Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
			.singleResult();
		return new Version(definition.getId(), definition.getVersion(), definition.getName(),
				deployment == null ? null : deployment.getDeploymentTime(),
				deployment == null ? null : deployment.getName(), deployment == null ? null : deployment.getSource(),
				running(definition));
	}

	/** The running cases of a version: all, or those with the given case numbers. */
	private ProcessInstanceQuery instances(ProcessDefinition definition, List<String> caseNumbers) {
		ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId());
		if (caseNumbers != null && !caseNumbers.isEmpty()) {
			Set<String> ids = new LinkedHashSet<>();
			for (String caseNumber : caseNumbers) {
				runtime.createProcessInstanceQuery().processDefinitionId(definition.getId())
					.processInstanceBusinessKey(caseNumber)
					.listPage(0, MAX_CASES)
					.forEach(instance -> ids.add(instance.getId()));
			}
			// No id matches "-": the listed cases do not run on this version.
			query.processInstanceIds(ids.isEmpty() ? Set.of("-") : ids);
		}
		return query;
	}

	private long running(ProcessDefinition definition) {
		return runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
	}

	private ProcessDefinition definition(String key, int version, String field) {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
			throw new NotFoundException("No protocol with key '" + key + "'");
		}
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult();
		if (definition == null) {
			throw new InvalidInputException(field, "protocol '" + key + "' has no version " + version);
		}
		return definition;
	}

	private static void activeSteps(ActivityInstance instance, Map<String, Integer> stranded, Set<String> mapped) {
		if (instance == null) {
			return;
		}
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			if (!mapped.contains(child.getActivityId())) {
				stranded.merge(child.getActivityId(), 1, Integer::sum);
			}
			activeSteps(child, stranded, mapped);
		}
	}

	private static String describe(MigrationInstruction instruction) {
		return instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId();
	}

}
