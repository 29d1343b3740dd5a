package org.acolhida.monthlyreport;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.Relation;
import org.acolhida.monthlyreport.MonthlyReportProcess.Elements;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The monthly report of Cremona's Caritas desk through the real protocol on PostgreSQL: the calendar
 * opens a report per entry door, the draft waits for the desk's first working day (its summer closure
 * included), counts the month's cases as counted here by hand, the coordinator (paolo) is refused an
 * empty or negative figure in Italian, corrects and confirms through the engine's REST API; the month
 * is locked and a case opened afterwards shows as a difference; the reminder reaches the coordinators
 * and the managers and ends with the confirmation. The engine clock is moved for the timers, with the
 * job executor paused so that it neither races this test nor fires other tests' timers.
 */
@PostgresIntegrationTest
class MonthlyReportProcessIT {

	static final String DESK = "CRE-CARITAS-IMMIGRAZIONE";

	static final String TOWN_DESK = "CRE-SPORTELLO-COMUNE";

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	MonthlyReportService service;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	@Autowired
	CaseFiles cases;

	@Autowired
	UnitDirectory directory;

	@Autowired
	MonthlyCounts counts;

	@Autowired
	JdbcClient db;

	@Autowired
	List<MonthlyCount> allCounts;

	@Autowired
	TestRestTemplate rest;

	JobExecutor jobExecutor;

	@BeforeEach
	void pauseJobExecutor() {
		init(((ProcessEngineConfigurationImpl) engineConfiguration).getProcessEngine());
		jobExecutor = ((ProcessEngineConfigurationImpl) engineConfiguration).getJobExecutor();
		if (jobExecutor != null && jobExecutor.isActive()) {
			jobExecutor.shutdown();
		}
		else {
			jobExecutor = null;
		}
	}

	@AfterEach
	void resumeJobExecutor() {
		ClockUtil.reset();
		runtime.createProcessInstanceQuery().processDefinitionKey(MonthlyReportProcess.KEY).list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
		if (jobExecutor != null) {
			jobExecutor.start();
		}
	}

	@Test
	void shouldDraftOnTheFirstWorkingDayCountTheMonthAndLockWhatTheCoordinatorConfirms() {
		YearMonth month = YearMonth.of(2025, 3);
		// A case opened in February and still open is followed in March, not new in March.
		at("2025-02-20T10:00:00Z");
		CaseFile february = open(DESK, person(Relation.REFERENCE_PERSON, "Imran", "1980-05-01", "Pakistan"));
		at("2025-03-10T10:00:00Z");
		CaseFile haitian = open(DESK, person(Relation.REFERENCE_PERSON, "Marie", "1990-06-15", "Haiti"));
		cases.registerHousehold(haitian.getCaseNumber(), List.of(person(Relation.CHILD, "Jean", "2015-09-01", "Haiti")));
		CaseFile venezuelan = open(DESK, person(Relation.REFERENCE_PERSON, "Rosa", "1950-01-20", "Venezuela"));
		open(TOWN_DESK, person(Relation.REFERENCE_PERSON, "Ahmed", "1985-03-03", "Egypt"));
		at("2025-04-05T10:00:00Z");
		open(DESK, person(Relation.REFERENCE_PERSON, "Lucas", "1999-01-01", "Brazil"));

		ProcessInstance instance = service.start(DESK, month);
		assertThat(instance).isWaitingAt(Elements.FIRST_WORKING_DAY);
		assertThat(instance.getBusinessKey()).isEqualTo("CRE-CARITAS-IMMIGRAZIONE/2025-03");
		// 1 April 2025 is a Tuesday; the desk opens Monday to Friday at 09:00.
		Job draft = onlyJob(instance);
		assertThat(draft.getDuedate().toInstant()).isEqualTo(LocalDateTime.parse("2025-04-01T09:00").atZone(ROME).toInstant());
		assertThat(status(DESK, month)).isEqualTo("PLANNED");

		ClockUtil.setCurrentTime(draft.getDuedate());
		management.executeJob(draft.getId());
		assertThat(instance).isWaitingAt(Elements.REVIEW);
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
			.contains("coordinator." + DESK);
		assertThat(review.getDueDate().toInstant()).isEqualTo(LocalDateTime.parse("2025-04-30T23:59").atZone(ROME).toInstant());
		Map<String, Object> shown = runtime.getVariables(instance.getId());
		assertThat(shown).containsEntry("item_A_1", 2L) // Marie's and Rosa's, opened in March
			.containsEntry("item_A_3", 3L) // and Imran's, open since February
			.containsEntry("item_B_1", 4L) // Marie, Jean, Rosa, Imran
			.containsEntry("item_C_1", 1L) // Jean, 9
			.containsEntry("item_C_3", 2L) // Marie 34, Imran 44
			.containsEntry("item_C_5", 1L) // Rosa 75
			.containsEntry("item_C_2", 0L)
			.containsEntry("counted_A_1", true)
			.containsEntry("counted_B_2", false)
			.containsEntry("item_B_2", null);
		assertThat(shown.get("cases_A_1").toString()).contains(haitian.getCaseNumber(), venezuelan.getCaseNumber())
			.doesNotContain(february.getCaseNumber());
		assertThat(shown.get("breakdownText").toString()).contains("Haiti: 2", "Venezuela: 1", "Pakistan: 1")
			.doesNotContain("Egypt", "Brazil");
		assertThat(status(DESK, month)).isEqualTo("DRAFT");

		// The figures by sex are the coordinator's to fill: confirming without them is refused, in Italian.
		ResponseEntity<JsonNode> empty = complete("paolo", review, Map.of("item_B_3", 1L));
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody().path("message").asText()).contains("B.2 di cui donne", "è obbligatorio")
			.doesNotContain("B.3");
		ResponseEntity<JsonNode> negative = complete("paolo", review, Map.of("item_B_2", 2L, "item_B_3", 2L, "item_A_3", -1L));
		assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(negative.getBody().path("message").asText()).contains("A.3", "non può essere negativo");
		assertThat(instance).isWaitingAt(Elements.REVIEW);
		assertThat(status(DESK, month)).isEqualTo("DRAFT");

		// Paolo knows of a household the workflow missed, fills the figures by sex and confirms.
		ResponseEntity<JsonNode> confirmed = complete("paolo", review, Map.of("item_B_2", 2L, "item_B_3", 3L, "item_A_3", 4L));
		assertThat(confirmed.getStatusCode().is2xxSuccessful()).as("%s", confirmed.getBody()).isTrue();
		assertThat(instance).isEnded();
		assertThat(status(DESK, month)).isEqualTo("CONFIRMED");
		assertThat(db.sql("SELECT confirmed_by FROM monthly_report WHERE unit_code = ? AND report_month = ?")
			.params(DESK, month.toString()).query(String.class).single()).isEqualTo("paolo");

		// A case of March recorded after the confirmation does not rewrite the month: it shows as a difference.
		at("2025-04-10T10:00:00Z");
		CaseFile late = open(DESK, person(Relation.REFERENCE_PERSON, "Ana", "2001-02-02", "Peru"));
		db.sql("UPDATE case_file SET opened_at = ? WHERE case_number = ?")
			.params(java.sql.Timestamp.from(Instant.parse("2025-03-28T10:00:00Z")), late.getCaseNumber()).update();
		JsonNode report = call("paolo", "/api/reports/monthly/" + DESK + "/" + month).getBody();
		assertThat(report.path("status").asText()).isEqualTo("CONFIRMED");
		assertThat(report.path("confirmedBy").asText()).isEqualTo("paolo");
		JsonNode newCases = item(report, "A.1");
		assertThat(newCases.path("confirmed").asLong()).isEqualTo(2);
		assertThat(newCases.path("recount").asLong()).isEqualTo(3);
		assertThat(newCases.path("difference").asLong()).isEqualTo(1);
		assertThat(newCases.path("caseNumbers").toString()).contains(haitian.getCaseNumber());
		JsonNode followed = item(report, "A.3");
		assertThat(followed.path("countedValue").asLong()).isEqualTo(3);
		assertThat(followed.path("confirmed").asLong()).isEqualTo(4);
		assertThat(followed.path("recount").asLong()).isEqualTo(4);
		assertThat(followed.path("difference").asLong()).isZero();
		assertThat(item(report, "B.2").path("confirmed").asLong()).isEqualTo(2);
		assertThat(item(report, "B.2").path("recount").isNumber()).as("no recount of a figure the workflow does not record").isFalse();

		// Managers read the figures without the cases; staff of the desk in another role read nothing.
		JsonNode managers = call("helena", "/api/reports/monthly/" + DESK + "/" + month).getBody();
		assertThat(item(managers, "A.1").path("caseNumbers")).isEmpty();
		assertThat(call("giulia", "/api/reports/monthly/" + DESK + "/" + month).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("paolo", "/api/reports/monthly/" + DESK + "/2025-13").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRemindCoordinatorsAndManagersBeforeTheDeadlineUntilTheMonthIsConfirmed() {
		YearMonth month = YearMonth.of(2026, 7);
		ProcessInstance instance = service.start(DESK, month);
		// 1-2 August 2026 are a weekend and the desk is closed 3-14 August (summer rota): Monday the 17th.
		Job draft = onlyJob(instance);
		assertThat(draft.getDuedate().toInstant()).isEqualTo(LocalDateTime.parse("2026-08-17T09:00").atZone(ROME).toInstant());
		ClockUtil.setCurrentTime(draft.getDuedate());
		management.executeJob(draft.getId());

		// Due by the end of August; remind-before is 10 days.
		Job reminder = onlyJob(instance);
		assertThat(reminder.getDuedate().toInstant()).isEqualTo(LocalDate.parse("2026-08-21").atStartOfDay(ROME).toInstant());
		ClockUtil.setCurrentTime(reminder.getDuedate());
		management.executeJob(reminder.getId());
		assertThat(instance).isWaitingAt(Elements.REVIEW, Elements.REMIND_COORDINATOR, Elements.FOLLOW_UP);
		assertThat(groupsOf(instance, Elements.REMIND_COORDINATOR)).containsExactly("coordinator." + DESK);
		assertThat(groupsOf(instance, Elements.FOLLOW_UP)).containsExactly("managers");

		// paolo reads his reminder; the managers' follow-up is still open when he confirms.
		Task reminded = tasks.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(Elements.REMIND_COORDINATOR).singleResult();
		assertThat(reminded.getName()).contains("2026-07");
		assertThat(complete("paolo", reminded, Map.of()).getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(instance).hasPassed(Elements.END_REMINDED);
		assertThat(instance).isWaitingAt(Elements.REVIEW, Elements.FOLLOW_UP);
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Elements.REVIEW).singleResult();
		ResponseEntity<JsonNode> confirmed = complete("paolo", review, Map.of("item_B_2", 0L, "item_B_3", 0L));
		assertThat(confirmed.getStatusCode().is2xxSuccessful()).as("%s", confirmed.getBody()).isTrue();
		assertThat(instance).isEnded();
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).as("the managers' follow-up left open")
			.isZero();
		assertThat(instance).hasPassed(Elements.END_LOCKED).hasNotPassed(Elements.END_FOLLOWED_UP);
		assertThat(status(DESK, month)).isEqualTo("CONFIRMED");
	}

	@Test
	void shouldOpenOneReportPerEntryDoorThatReportsOnTheFirstOfTheMonth() {
		ProcessInstance calendar = runtime.createProcessInstanceQuery()
			.processDefinitionKey(MonthlyReportProcess.CALENDAR_KEY).singleResult();
		assertThat(calendar).as("the calendar opened at start-up").isNotNull();
		try {
			Job timer = onlyJob(calendar);
			Instant due = timer.getDuedate().toInstant();
			LocalDateTime dueUtc = LocalDateTime.ofInstant(due, ZoneOffset.UTC);
			assertThat(dueUtc.getDayOfMonth()).isEqualTo(1);
			assertThat(dueUtc.getHour()).isEqualTo(12);
			YearMonth reported = YearMonth.from(dueUtc).minusMonths(1);

			ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
			management.executeJob(timer.getId());
			for (Job open : management.createJobQuery().processInstanceId(calendar.getId()).executable().list()) {
				management.executeJob(open.getId());
			}
			Set<String> expected = db.sql("""
					SELECT code FROM service_unit WHERE active AND kind IN ('CRAS', 'CREAS', 'INTEGRATED_DESK')""")
				.query(String.class).list().stream()
				.filter(code -> counts.forUnit(directory.unit(code)).isPresent())
				.map(code -> code + "/" + reported)
				.collect(Collectors.toSet());
			assertThat(expected).contains(DESK + "/" + reported, TOWN_DESK + "/" + reported)
				.doesNotContain("AME-MIGRARE/" + reported); // a Brazilian desk sends no Italian summary
			Set<String> opened = runtime.createProcessInstanceQuery().processDefinitionKey(MonthlyReportProcess.KEY).list()
				.stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
			assertThat(opened).containsExactlyInAnyOrderElementsOf(expected);
			// and waits for the next month
			Job next = management.createJobQuery().processInstanceId(calendar.getId()).timers().singleResult();
			assertThat(LocalDateTime.ofInstant(next.getDuedate().toInstant(), ZoneOffset.UTC))
				.isEqualTo(reported.plusMonths(2).atDay(1).atTime(12, 0));
		}
		finally {
			runtime.deleteProcessInstance(calendar.getId(), "test over", true, true);
			ClockUtil.reset();
			service.openCalendar();
		}
	}

	/**
	 * Each report's review form has a number field for every item of the report shown as a field, and no
	 * other: an item the form lacks could never be filled, and the confirmation would refuse it forever.
	 */
	@Test
	void shouldHaveAReviewFormWithAFieldForEveryItemOfEveryReport() throws Exception {
		assertThat(allCounts).extracting(MonthlyCount::report).contains(DeskSummary.REPORT);
		List<String> entryDoors = db.sql("SELECT code FROM service_unit WHERE active AND kind IN ('CRAS', 'CREAS', 'INTEGRATED_DESK')")
			.query(String.class).list();
		for (MonthlyCount count : allCounts) {
			ServiceUnit unit = entryDoors.stream().map(directory::unit).filter(count::reportsFor).findFirst()
				.orElseThrow(() -> new AssertionError("no demo unit sends " + count.report()));
			Set<String> items = count.count(unit, YearMonth.of(2025, 1)).stream()
				.map(Figure::code)
				.filter(MonthlyReportProcess::isFormItem)
				.map(MonthlyReportProcess::itemField)
				.collect(Collectors.toSet());
			JsonNode form = new ObjectMapper().readTree(Path.of("processes", MonthlyReportForms.PREFIX + count.report() + ".form").toFile());
			Set<String> fields = new java.util.TreeSet<>();
			form.path("components").forEach(component -> {
				if (component.path("key").asText().startsWith("item_")) {
					fields.add(component.path("key").asText());
				}
			});
			assertThat(fields).as("the number fields of the review form of %s", count.report())
				.containsExactlyInAnyOrderElementsOf(items);
		}
	}

	private void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private CaseFile open(String unit, NewPerson reference) {
		return cases.open(new NewCase(unit, reference, "Centro", false), "giulia");
	}

	private static NewPerson person(Relation relation, String name, String born, String nationality) {
		return new NewPerson(relation, name, "Test", LocalDate.parse(born), nationality, List.of("fr"), List.of());
	}

	private Job onlyJob(ProcessInstance instance) {
		return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

	private String status(String unit, YearMonth month) {
		return db.sql("SELECT status FROM monthly_report WHERE unit_code = ? AND report_month = ?")
			.params(unit, month.toString()).query(String.class).single();
	}

	private List<String> groupsOf(ProcessInstance instance, String taskKey) {
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
		return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
			.filter(group -> group != null).toList();
	}

	private static JsonNode item(JsonNode report, String code) {
		for (JsonNode item : report.path("items")) {
			if (item.path("code").asText().equals(code)) {
				return item;
			}
		}
		throw new AssertionError("no item " + code + " in " + report);
	}

	private ResponseEntity<JsonNode> complete(String user, Task task, Map<String, Long> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "Long")));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "it");
		return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task.getId() + "/submit-form",
				HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
	}

	private ResponseEntity<JsonNode> call(String user, String path) {
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, JsonNode.class);
	}

}
