package org.acolhida.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.acolhida.audit.CaseHistory.ProcessPath;
import org.acolhida.audit.TimelineEntry.Kind;
import org.acolhida.audit.TimelineEntry.NamedValue;
import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.CaseTransfer;
import org.acolhida.cases.Member;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * Reconstructs a case's history from the engine's history (level FULL) and the case file: every
 * process instance with the case number as business key, its steps with who did them, its decisions
 * with inputs and outputs, its variable changes from → to, its incidents and the operations users
 * performed on it; from the case file its opening, transfers and closing. Everything is read through
 * the engine's query API as the signed-in user, so the engine's authorizations decide what is shown.
 */
@Service
class CaseTimeline {

	/** Longer values (JSON lists of household members, notes) are cut here so that a line stays a line. */
	static final int MAX_VALUE_LENGTH = 400;

	/** Operations already shown as a step or a variable change. */
	private static final Set<String> FOLDED_OPERATIONS = Set.of(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
			UserOperationLogEntry.OPERATION_TYPE_CREATE, UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE,
			UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE);

	private final CaseFiles cases;

	private final HistoryService history;

	CaseTimeline(CaseFiles cases, HistoryService history) {
		this.cases = cases;
		this.history = history;
	}

	/** The history of a case; {@link org.acolhida.errors.NotFoundException} if there is no such case. */
	CaseHistory of(String caseNumber) {
		CaseFile file = cases.find(caseNumber);
		List<TimelineEntry> timeline = new ArrayList<>();
		List<CaseTransfer> transfers = file.getTransfers().stream()
			.sorted(Comparator.comparing(CaseTransfer::transferredAt))
			.toList();
		String openingUnit = transfers.isEmpty() ? file.getOwningUnit() : transfers.get(0).fromUnit();
		timeline.add(TimelineEntry.of(file.getOpenedAt(), Kind.CASE, "Case opened at " + openingUnit,
				file.getOpenedBy()));
		for (CaseTransfer transfer : transfers) {
			timeline.add(new TimelineEntry(transfer.transferredAt(), null, Kind.TRANSFER, null, null, null, null,
					"Transferred from " + transfer.fromUnit() + " to " + transfer.toUnit() + ": " + transfer.reason(),
					transfer.transferredBy(), List.of(), List.of(), null, transfer.fromUnit(), transfer.toUnit()));
		}
		if (file.getClosedAt() != null) {
			timeline.add(TimelineEntry.of(file.getClosedAt(), Kind.CASE, file.getMergedInto()
				.map(other -> "Case closed as the same household as " + other)
				.orElse("Case closed"), null));
		}
		List<HistoricProcessInstance> instances = Pages.all(history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.orderByProcessInstanceStartTime()
			.asc());
		Map<String, String> processNames = new HashMap<>();
		instances.forEach(i -> processNames.put(i.getId(), processName(i)));
		List<ProcessPath> paths = new ArrayList<>();
		for (HistoricProcessInstance instance : instances) {
			paths.add(collect(instance, processNames, timeline));
		}
		// stable: lines of the same instant keep the order in which they were collected (case file,
		// then each process's steps in the order the engine ran them, then decisions and variables)
		timeline.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
		List<Member> members = file.getMembers();
		return new CaseHistory(file.getCaseNumber(), members.isEmpty() ? null : members.get(0).fullName(),
				members.stream().map(m -> m.fullName() + " (" + m.relation() + ")").toList(), file.getOwningUnit(),
				file.getStatus().name(), file.getOpenedAt(), file.getClosedAt(), file.getMergedInto().orElse(null),
				paths, timeline);
	}

	private ProcessPath collect(HistoricProcessInstance instance, Map<String, String> processNames,
			List<TimelineEntry> timeline) {
		String id = instance.getId();
		String process = processNames.get(id);
		String calledBy = instance.getSuperProcessInstanceId() == null ? null
				: processNames.getOrDefault(instance.getSuperProcessInstanceId(), instance.getSuperProcessInstanceId());
		timeline.add(new TimelineEntry(instant(instance.getStartTime()), instant(instance.getEndTime()), Kind.PROCESS,
				instance.getState(), id, process, null,
				process + (calledBy == null ? " started" : " started by " + calledBy) + " (version "
						+ instance.getProcessDefinitionVersion() + ")",
				instance.getStartUserId(), List.of(), List.of(), null, null, null));

		List<UserOperationLogEntry> operations = Pages.all(history.createUserOperationLogQuery()
			.processInstanceId(id)
			.orderByTimestamp()
			.asc());
		Map<String, String> completedBy = new HashMap<>();
		Map<String, String> userOfOperation = new HashMap<>();
		for (UserOperationLogEntry entry : operations) {
			if (entry.getOperationId() != null && entry.getUserId() != null) {
				userOfOperation.put(entry.getOperationId(), entry.getUserId());
			}
			if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())
					&& entry.getTaskId() != null && entry.getUserId() != null) {
				completedBy.put(entry.getTaskId(), entry.getUserId());
			}
		}
		Map<String, String> taskNames = new HashMap<>();
		for (HistoricTaskInstance task : Pages.all(history.createHistoricTaskInstanceQuery().processInstanceId(id))) {
			taskNames.put(task.getId(), task.getName());
		}

		List<HistoricActivityInstance> activities = Pages.all(history.createHistoricActivityInstanceQuery()
			.processInstanceId(id)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc());
		Map<String, String> activityNames = new HashMap<>();
		Set<String> visited = new LinkedHashSet<>();
		List<String> active = new ArrayList<>();
		for (HistoricActivityInstance activity : activities) {
			activityNames.put(activity.getId(), activity.getActivityName());
			visited.add(activity.getActivityId());
			if (activity.getEndTime() == null) {
				active.add(activity.getActivityId());
			}
			String who = activity.getAssignee();
			if (activity.getTaskId() != null && completedBy.containsKey(activity.getTaskId())) {
				who = completedBy.get(activity.getTaskId());
			}
			if (who == null && activity.getActivityType().equals("startEvent")
					&& activity.getParentActivityInstanceId().equals(id)) {
				who = instance.getStartUserId();
			}
			String what = activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
			if (activity.getTaskId() != null && taskNames.get(activity.getTaskId()) != null) {
				what = taskNames.get(activity.getTaskId());
			}
			if (activity.isCanceled()) {
				what += " (cancelled)";
			}
			timeline.add(new TimelineEntry(instant(activity.getStartTime()), instant(activity.getEndTime()), Kind.STEP,
					activity.getActivityType(), id, process, activity.getActivityId(), what, who, List.of(), List.of(),
					null, null, null));
		}

		for (HistoricDecisionInstance decision : Pages.all(history.createHistoricDecisionInstanceQuery()
			.processInstanceId(id)
			.includeInputs()
			.includeOutputs()
			.disableCustomObjectDeserialization()
			.orderByEvaluationTime()
			.asc())) {
			List<NamedValue> inputs = new ArrayList<>();
			for (HistoricDecisionInputInstance input : decision.getInputs()) {
				inputs.add(new NamedValue(label(input.getClauseName(), input.getClauseId()), text(input.getTypedValue())));
			}
			List<NamedValue> outputs = new ArrayList<>();
			for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
				String name = label(output.getClauseName(), output.getVariableName());
				outputs.add(new NamedValue(name, text(output.getTypedValue())));
			}
			String table = decision.getDecisionDefinitionName() == null ? decision.getDecisionDefinitionKey()
					: decision.getDecisionDefinitionName();
			timeline.add(new TimelineEntry(instant(decision.getEvaluationTime()), null, Kind.DECISION, "decision", id,
					process, decision.getActivityId(), "Decision: " + table, decision.getUserId(), inputs, outputs,
					null, null, null));
		}

		Map<String, String> lastValue = new HashMap<>();
		for (HistoricDetail detail : Pages.all(history.createHistoricDetailQuery()
			.processInstanceId(id)
			.variableUpdates()
			.disableCustomObjectDeserialization()
			.disableBinaryFetching()
			.orderByTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc())) {
			HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
			String value = text(update.getTypedValue());
			boolean known = lastValue.containsKey(update.getVariableInstanceId());
			String before = lastValue.put(update.getVariableInstanceId(), value);
			if (known && java.util.Objects.equals(before, value)) {
				continue;
			}
			String where = activityNames.get(update.getActivityInstanceId());
			timeline.add(new TimelineEntry(instant(update.getTime()), null, Kind.VARIABLE, update.getTypeName(), id,
					process, null,
					(known ? "Changed " : "Set ") + update.getVariableName() + (where == null ? "" : " in " + where),
					userOfOperation.get(update.getUserOperationId()), List.of(), List.of(), update.getVariableName(),
					before, value));
		}

		List<String> failed = new ArrayList<>();
		for (HistoricIncident incident : Pages.all(history.createHistoricIncidentQuery().processInstanceId(id))) {
			if (incident.isOpen()) {
				failed.add(incident.getActivityId());
			}
			String state = incident.isResolved() ? "resolved" : incident.isDeleted() ? "deleted" : "open";
			timeline.add(new TimelineEntry(instant(incident.getCreateTime()), instant(incident.getEndTime()),
					Kind.INCIDENT, incident.getIncidentType(), id, process, incident.getActivityId(),
					"Incident (" + state + "): " + incident.getIncidentMessage(), null, List.of(), List.of(), null, null,
					null));
		}

		Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
		for (UserOperationLogEntry entry : operations) {
			if (!FOLDED_OPERATIONS.contains(entry.getOperationType())) {
				byOperation.computeIfAbsent(entry.getOperationId() == null ? entry.getId() : entry.getOperationId(),
						key -> new ArrayList<>()).add(entry);
			}
		}
		for (List<UserOperationLogEntry> entries : byOperation.values()) {
			UserOperationLogEntry first = entries.get(0);
			StringBuilder what = new StringBuilder(first.getOperationType()).append(' ').append(first.getEntityType());
			if (first.getTaskId() != null && taskNames.get(first.getTaskId()) != null) {
				what.append(" “").append(taskNames.get(first.getTaskId())).append('”');
			}
			List<NamedValue> changes = entries.stream()
				.filter(e -> e.getProperty() != null)
				.map(e -> new NamedValue(e.getProperty(), orNone(e.getOrgValue()) + " → " + orNone(e.getNewValue())))
				.toList();
			timeline.add(new TimelineEntry(instant(first.getTimestamp()), null, Kind.OPERATION,
					first.getOperationType(), id, process, null, what.toString(), first.getUserId(), List.of(), changes,
					null, null, null));
		}

		return new ProcessPath(id, instance.getProcessDefinitionId(), instance.getProcessDefinitionKey(), process,
				instance.getProcessDefinitionVersion(), instant(instance.getStartTime()), instant(instance.getEndTime()),
				instance.getState(), instance.getStartUserId(), calledBy, List.copyOf(visited), active, failed);
	}

	private static String processName(HistoricProcessInstance instance) {
		return instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
				: instance.getProcessDefinitionName();
	}

	private static String label(String name, String fallback) {
		return name == null || name.isBlank() ? fallback : name;
	}

	/** A variable's or a decision value's value as a person reads it; objects as their JSON. */
	static String text(TypedValue typed) {
		if (typed == null) {
			return null;
		}
		Object value;
		if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
			value = serializable.getValueSerialized();
		}
		else {
			value = typed.getValue();
		}
		if (value == null) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof byte[]) {
			return "(binary)";
		}
		return cut(value.toString());
	}

	private static String orNone(String value) {
		return value == null ? "—" : cut(value);
	}

	private static String cut(String value) {
		if (value == null) {
			return null;
		}
		return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
