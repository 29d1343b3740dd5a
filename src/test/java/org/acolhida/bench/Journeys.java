package org.acolhida.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Drives whole journeys through an engine the way Tasklist does: reception → documentation issued →
 * housing placed → learner enrolled → reception's follow-up closes the case. Every user task is
 * found with a bounded task query and submitted with {@link FormService#submitTaskForm} as the demo
 * worker of the right unit, signed in with {@link IdentityService#setAuthentication} so that the
 * engine's authorization checks apply; timers are fired by moving the engine clock to their due
 * date and executing their job, as the (paused) job executor would.
 * <p>
 * Free of test frameworks: a benchmark of another JVM (a load driver, a main class) can use it with
 * any engine whose demo users and grants match Acolhida's. Not thread-safe (the engine clock is
 * JVM-wide); one journey at a time.
 * <p>
 * What stays open after a journey, on purpose: the document's renewal instance (its timer comes due
 * 60 days before the document expires, two years later) and the housing stay (the household lives in
 * the shelter until a departure is recorded). Everything else has ended.
 */
public final class Journeys {

	/** Wednesday 4 March 2026, 10:00 in Sorocaba: every journey starts then, timers move on from it. */
	public static final Instant START = Instant.parse("2026-03-04T13:00:00Z");

	public static final String UNIT = "SOR-CRAS-NORTE";

	public static final String SHELTER = "SOR-ACOLHIDA-MIGRANTE";

	/** What a journey left: the case number and the instances still running, by definition key. */
	public record Journey(String caseNumber, String receptionId, List<String> running) {
	}

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final FormService forms;

	private final ManagementService management;

	private final IdentityService identity;

	private final String receptionDefinition;

	private final Map<String, List<String>> groups = new HashMap<>();

	public Journeys(ProcessEngine engine) {
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.forms = engine.getFormService();
		this.management = engine.getManagementService();
		this.identity = engine.getIdentityService();
		this.receptionDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey("reception").latestVersion().singleResult().getId();
	}

	/** One whole journey; {@code n} makes the household unique (names, document numbers). */
	public Journey run(int n) {
		ClockUtil.setCurrentTime(Date.from(START));
		try {
			return journey(n);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private Journey journey(int n) {
		String given = "Yolette" + letters(n);
		as("ana");
		ProcessInstance started = forms.submitStartForm(receptionDefinition, vars("givenName", given, "familyName",
				"Pierre", "birthDate", "1987-07-14", "nationality", "Haiti", "languages", "ht,fr", "documentType",
				"PASSPORT", "documentNumber", "HT-" + n, "district", "Éden", "interpreterNeeded", false));
		String reception = started.getId();
		String caseNumber = instance(reception).getBusinessKey();
		check(caseNumber != null, "reception has no case number");

		submit("ana", reception, "task_register_household", vars("membersCount", 1L, "member1",
				SpinValues.jsonValue("{\"relation\":\"SPOUSE\",\"givenName\":\"Jean" + letters(n)
						+ "\",\"familyName\":\"Pierre\",\"birthDate\":\"1985-02-03\",\"nationality\":\"Haiti\","
						+ "\"languages\":\"ht\"}").create()));
		Map<String, Object> listening = new HashMap<>();
		for (String flag : List.of("needsLegalAid", "needsHealth", "sleepingRoughTonight", "childrenInHousehold",
				"protectionConcern")) {
			listening.put(flag, false);
		}
		for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "consentToShare")) {
			listening.put(flag, true);
		}
		submit("ana", reception, "task_qualified_listening", listening);

		String documentation = calledBy(reception, "documentation-guidance");
		String housing = calledBy(reception, "housing-referral");
		String literacy = calledBy(reception, "literacy-enrollment");

		// housing: needs, a shelter, the shelter accepts; the stay starts
		submit("carla", housing, "task_household_needs", vars("adultsAre", "MIXED", "wheelchairNeeded", false));
		submit("carla", housing, "task_choose_shelter", vars("chosenShelter", SHELTER, "referralNotes",
				"ground floor if possible"));
		submit("paula", housing, "task_shelter_answer", vars("shelterAnswer", "ACCEPT"));
		ended(housing, "housing referral");

		// literacy: the reference person needs no class, the spouse takes a seat and attends
		as("davi");
		List<Task> placements = tasks.createTaskQuery().processInstanceId(literacy)
			.taskDefinitionKey("task_placement").listPage(0, 10);
		check(placements.size() == 2, "two placement tasks, found " + placements.size());
		for (Task placement : placements) {
			String learner = (String) tasks.getVariable(placement.getId(), "learnerRef");
			Map<String, Object> answers = learner.endsWith("-M1") ? vars("needsClass", false)
					: vars("needsClass", true, "level", "A1", "literateInOwnLanguage", true, "availableDays",
							SpinValues.jsonValue("[\"MONDAY\",\"WEDNESDAY\"]").create(), "availableTimes",
							SpinValues.jsonValue("[\"EVENING\"]").create());
			forms.submitTaskForm(placement.getId(), answers);
		}
		runJobs(literacy);
		ended(literacy, "literacy enrollment");
		String followUp = running(caseNumber, "literacy-enrollment");
		fire(followUp, "timer_attendance_check");
		submit("rita", followUp, "task_confirm_attendance", vars("attended", "true"));
		ended(followUp, "literacy follow-up");

		// documentation: choice, orientation, appointment, reminder, attendance, outcome: issued
		submit("bruno", documentation, "task_choose_documents", vars("chosenDocuments",
				SpinValues.jsonValue("[\"CRNM:1\"]").create(), "householdSituation", "HUMANITARIAN_VISA"));
		submit("bruno", documentation, "task_orientation", vars("papersComplete", true));
		submit("bruno", documentation, "task_schedule_appointment", vars("appointmentDate", "2026-03-16",
				"appointmentTime", "10:00", "officeName", "Polícia Federal Sorocaba"));
		fire(documentation, "timer_reminder");
		submit("bruno", documentation, "task_confirm_attendance", vars("attendance", "CONFIRMED"));
		fire(documentation, "timer_outcome_due");
		submit("bruno", documentation, "task_record_outcome", vars("outcome", "ISSUED", "documentNumber",
				"F" + n + "-0", "expiryDate", "2028-03-16"));
		ended(documentation, "documentation guidance");

		// reception follows up a month later and closes the case
		fire(reception, "timer_follow_up");
		submit("ana", reception, "task_follow_up_interview", vars("followUpDecision", "CLOSE"));
		ended(reception, "reception");

		identity.clearAuthentication();
		List<String> running = new ArrayList<>();
		for (ProcessInstance left : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.listPage(0, 20)) {
			running.add(left.getProcessDefinitionId().split(":")[0]);
		}
		running.sort(null);
		check(running.equals(List.of("documentation-guidance", "housing-stay")),
				"left running: the renewal and the stay only, found " + running);
		return new Journey(caseNumber, reception, running);
	}

	private void as(String user) {
		identity.setAuthentication(user, groups.computeIfAbsent(user, u -> {
			identity.clearAuthentication();
			return identity.createGroupQuery().groupMember(u).listPage(0, 100).stream().map(Group::getId).toList();
		}));
	}

	private void submit(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
		as(user);
		List<Task> found = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
			.listPage(0, 10);
		check(found.size() == 1, user + " sees one task " + taskKey + ", found " + found.size());
		forms.submitTaskForm(found.get(0).getId(), variables);
		identity.clearAuthentication();
	}

	private ProcessInstance instance(String id) {
		identity.clearAuthentication();
		return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	private String calledBy(String parent, String key) {
		identity.clearAuthentication();
		List<ProcessInstance> called = runtime.createProcessInstanceQuery().superProcessInstanceId(parent)
			.processDefinitionKey(key).listPage(0, 10);
		check(called.size() == 1, "reception calls " + key);
		return called.get(0).getId();
	}

	private String running(String caseNumber, String key) {
		identity.clearAuthentication();
		List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(key)
			.processInstanceBusinessKey(caseNumber).listPage(0, 10);
		check(found.size() == 1, "one running " + key + " for " + caseNumber + ", found " + found.size());
		return found.get(0).getId();
	}

	private void ended(String processInstanceId, String what) {
		check(instance(processInstanceId) == null, what + " has not ended");
	}

	/** Moves the engine clock to the timer's due date (never back) and fires it. */
	private void fire(String processInstanceId, String activityId) {
		identity.clearAuthentication();
		List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
			.timers().listPage(0, 10);
		check(timers.size() == 1, "one timer " + activityId + ", found " + timers.size());
		Job timer = timers.get(0);
		if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
			ClockUtil.setCurrentTime(timer.getDuedate());
		}
		management.executeJob(timer.getId());
	}

	/** Runs the instance's asynchronous continuations, as the job executor would. */
	private void runJobs(String processInstanceId) {
		identity.clearAuthentication();
		List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().listPage(0, 10);
		check(!jobs.isEmpty(), "an asynchronous continuation to run");
		for (Job job : jobs) {
			management.executeJob(job.getId());
		}
	}

	private static Map<String, Object> vars(Object... namesAndValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return variables;
	}

	/** n as letters (a name holds no digits): 0 → a, 25 → z, 26 → ba. */
	static String letters(int n) {
		StringBuilder s = new StringBuilder();
		int rest = n;
		do {
			s.insert(0, (char) ('a' + rest % 26));
			rest /= 26;
		}
		while (rest > 0);
		return s.toString();
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException("journey did not reach its end: " + message);
		}
	}

}
