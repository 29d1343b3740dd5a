package org.acolhida.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The one no-op that stands in, on the bare engine, for every delegate and listener of ours: it
 * does none of our work (no case files, no beds, no seats, no look-ups) but sets and removes the
 * same process variables our delegate did at the same element in a recorded journey of ours, so
 * that the bare engine takes the same path and writes the same variables. The recording is read
 * from our engine's FULL history (ACT_HI_DETAIL variable updates by activity instance): the k-th
 * run of a service task in an instance replays the k-th run recorded. Where one of our delegates
 * starts an instance of its own (the housing stay, the literacy follow-up, the document's renewal),
 * the no-op starts it the same way with the variables the recorded one started with.
 */
final class Replay implements JavaDelegate, ExecutionListener, TaskListener {

	/** One variable set (or removed) by a delegate. */
	record VariableOp(String name, TypedValue value, boolean removed) {
	}

	/** How a delegate of ours starts another instance; its variables come from the recording. */
	private record Starter(String processKey, String message, boolean correlate) {
	}

	private static final Map<String, Starter> STARTERS = Map.of(
			"housing-referral/service_start_stay", new Starter("housing-stay", null, false),
			"literacy-enrollment/service_start_follow_up", new Starter(null, "literacy-learner-follow-up", false),
			"documentation-guidance/service_record_issued", new Starter(null, "documentation-renewal-due", true));

	/** Definition key/activity id → the variable operations of each recorded run, in order. */
	private final Map<String, List<List<VariableOp>>> runs = new HashMap<>();

	/** Definition key of a started instance → its start variables. */
	private final Map<String, Map<String, TypedValue>> startVariables = new HashMap<>();

	/** Element variables of the multi-instance collections, by element variable name. */
	private final Map<String, List<Object>> collections = new HashMap<>();

	private final Map<String, Integer> occurrences = new HashMap<>();

	private final AtomicInteger cases = new AtomicInteger();

	/** Reads what our delegates did in the journey of this case from our engine's history. */
	static Replay record(HistoryService history, String caseNumber) {
		Replay replay = new Replay();
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().listPage(0, 50);
		for (HistoricProcessInstance instance : instances) {
			String key = instance.getProcessDefinitionKey();
			List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId()).orderPartiallyByOccurrence().asc().listPage(0, 2000);
			Map<String, HistoricActivityInstance> byId = new HashMap<>();
			activities.forEach(a -> byId.put(a.getId(), a));
			Set<String> deleted = new HashSet<>();
			for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(instance.getId()).includeDeleted().disableBinaryFetching()
				.disableCustomObjectDeserialization().listPage(0, 2000)) {
				if ("DELETED".equals(variable.getState())) {
					deleted.add(variable.getId());
				}
			}
			List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instance.getId())
				.variableUpdates().orderPartiallyByOccurrence().asc().listPage(0, 5000);
			// the last detail of a deleted variable is its deletion (FULL history writes one for it)
			Map<String, HistoricDetail> deletions = new HashMap<>();
			for (HistoricDetail detail : details) {
				HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
				if (deleted.contains(update.getVariableInstanceId())) {
					deletions.put(update.getVariableInstanceId(), detail);
				}
			}
			boolean started = instance.getSuperProcessInstanceId() == null && !"reception".equals(key);
			Map<String, TypedValue> startedWith = new HashMap<>();
			Map<String, List<VariableOp>> byActivityInstance = new HashMap<>();
			for (HistoricDetail detail : details) {
				HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
				HistoricActivityInstance activity = byId.get(detail.getActivityInstanceId());
				boolean removal = deletions.get(update.getVariableInstanceId()) == detail;
				if (activity != null && "serviceTask".equals(activity.getActivityType())) {
					byActivityInstance.computeIfAbsent(activity.getId(), a -> new ArrayList<>())
						.add(new VariableOp(update.getVariableName(), update.getTypedValue(), removal));
				}
				else if (started && !removal && (activity == null || activity.getActivityType().contains("Event"))) {
					startedWith.putIfAbsent(update.getVariableName(), update.getTypedValue());
				}
			}
			if (started) {
				replay.startVariables.putIfAbsent(key, startedWith);
			}
			for (HistoricActivityInstance activity : activities) {
				List<VariableOp> ops = byActivityInstance.get(activity.getId());
				if ("serviceTask".equals(activity.getActivityType())) {
					replay.runs.computeIfAbsent(key + "/" + activity.getActivityId(), k -> new ArrayList<>())
						.add(ops == null ? List.of() : ops);
				}
			}
			if (!started) {
				for (String element : List.of("learnerRef", "documentRequest", "referralKind")) {
					List<HistoricVariableInstance> values = history.createHistoricVariableInstanceQuery()
						.processInstanceIdIn(instance.getId()).variableName(element).listPage(0, 100);
					if (!values.isEmpty()) {
						// created in one command on a frozen clock: in the order of the elements' names (…-M1, …-M2)
						replay.collections.put(element, values.stream().map(HistoricVariableInstance::getValue)
							.sorted(Comparator.comparing(String::valueOf)).toList());
					}
				}
			}
		}
		return replay;
	}

	/** How many service tasks and started instances the recording holds (to check it is whole). */
	String summary() {
		return runs.size() + " service tasks " + runs.keySet() + ", started instances " + startVariables.keySet()
				+ ", collections " + collections;
	}

	List<Object> collection(String elementVariable) {
		return collections.getOrDefault(elementVariable, List.of());
	}

	@Override
	public void execute(DelegateExecution execution) {
		String definitionKey = execution.getProcessDefinitionId().split(":")[0];
		String key = definitionKey + "/" + execution.getCurrentActivityId();
		List<List<VariableOp>> recorded = runs.get(key);
		int k = occurrences.merge(execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId(), 1,
				Integer::sum) - 1;
		if (recorded == null || k >= recorded.size()) {
			throw new IllegalStateException("no recorded run " + k + " of " + key + ": the bare engine left the path");
		}
		for (VariableOp op : recorded.get(k)) {
			if (op.removed()) {
				execution.removeVariable(op.name());
			}
			else if ("caseNumber".equals(op.name())) {
				if (execution.getProcessBusinessKey() == null) {
					execution.setProcessBusinessKey("BARE-" + cases.incrementAndGet());
				}
				execution.setVariable(op.name(), execution.getProcessBusinessKey());
			}
			else {
				execution.setVariable(op.name(), op.value());
			}
		}
		Starter starter = STARTERS.get(key);
		if (starter != null) {
			start(execution, starter);
		}
	}

	private void start(DelegateExecution execution, Starter starter) {
		String key = starter.processKey() != null ? starter.processKey()
				: starter.correlate() ? "documentation-guidance" : "literacy-enrollment";
		Map<String, Object> variables = new HashMap<>(startVariables.getOrDefault(key, Map.of()));
		String caseNumber = execution.getProcessBusinessKey();
		variables.put("caseNumber", caseNumber);
		var runtime = execution.getProcessEngineServices().getRuntimeService();
		if (starter.processKey() != null) {
			runtime.createProcessInstanceByKey(starter.processKey()).businessKey(caseNumber).setVariables(variables)
				.execute();
		}
		else if (starter.correlate()) {
			runtime.createMessageCorrelation(starter.message()).processInstanceBusinessKey(caseNumber)
				.setVariables(variables).correlateStartMessage();
		}
		else {
			runtime.startProcessInstanceByMessage(starter.message(), caseNumber, variables);
		}
	}

	@Override
	public void notify(DelegateExecution execution) {
		// our execution listeners check answers or release what a cancelled element held: no variables
	}

	@Override
	public void notify(DelegateTask task) {
		// our task listener names the task: no variables
	}

	/** The settings beans' values for the demo configuration, without look-ups. */
	public static final class Settings {

		private final String followUp;

		Settings(String followUp) {
			this.followUp = followUp;
		}

		public String getFollowUp() {
			return followUp;
		}

		public int getNoShowsToCoordinator() {
			return 2;
		}

		public String getAttendanceCheck() {
			return "P7D";
		}

		public String getWaitlistRecheck() {
			return "P7D";
		}

		public String getRecheck() {
			return "P1D";
		}

		public String escalateAfter(Object scope) {
			return "PT24H";
		}

		public boolean isImmediate(Object scope) {
			return false;
		}

		public Date due(Object scope) {
			return new Date(ClockUtil.getCurrentTime().getTime() + 7L * 24 * 3600 * 1000);
		}

		public Date followUpDate(Object scope) {
			return null;
		}

	}

	/** A multi-instance collection: the element values of the recorded journey. */
	public static final class Collection {

		private final List<Object> values;

		Collection(List<Object> values) {
			this.values = values;
		}

		public List<Object> of(Object scope) {
			return values;
		}

		public boolean any(Object scope) {
			return !values.isEmpty();
		}

	}

}
