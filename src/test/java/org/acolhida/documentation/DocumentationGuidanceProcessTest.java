package org.acolhida.documentation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.Relation;
import org.acolhida.documentation.DocumentationProcess.Elements;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.InvalidFormException;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.acolhida.language.Words;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.FormLabels;
import org.acolhida.support.ShownToWorkers;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of {@code documentation-guidance.bpmn}, on the embedded engine with the demo network.
 * The engine clock is fixed at the start of each test and moved to fire timers.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:documentation-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false",
		// no monthly-report calendar started while the context loads, before coverage is set up
		"acolhida.monthly-report.calendar=false" })
@ActiveProfiles("demo")
@Import({ ProcessEngineCoverageConfiguration.class, DocumentationGuidanceProcessTest.Coverage.class })
class DocumentationGuidanceProcessTest {

	@TestConfiguration
	static class Coverage {

		@Bean
		ProcessEngineCoverageProperties coverageProperties() {
			return ProcessEngineCoverageProperties.Companion.builder()
				.assertClassCoverageAtLeast(0.9)
				.excludeProcessDefinitionKeys("reception", "housing-referral", "literacy-enrollment")
				.build();
		}

	}

	/** Wednesday 4 March 2026, 10:00 in Sorocaba. */
	static final Instant WEDNESDAY = Instant.parse("2026-03-04T13:00:00Z");

	@Autowired
	ComposedTexts texts;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	FormService forms;

	@Autowired
	IdentityService identity;

	@Autowired
	CaseFiles cases;

	@Autowired
	UnitDirectory units;

	@Autowired
	DocumentationService documentation;

	@BeforeEach
	void setUp() {
		init(engine);
		ClockUtil.setCurrentTime(Date.from(WEDNESDAY));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	// --- helpers -------------------------------------------------------------------------------

	String openCase(String unit, String district, String given, LocalDate birth, NewPerson... others) {
		CaseFile file = cases.open(new NewCase(unit, new NewPerson(null, given, "Joseph", birth, "Haiti", List.of("ht"),
				List.of()), district, false), "ana");
		if (others.length > 0) {
			cases.registerHousehold(file.getCaseNumber(), List.of(others));
		}
		return file.getCaseNumber();
	}

	ProcessInstance startFor(String caseNumber) {
		return documentation.start(caseNumber, "bruno");
	}

	Task task(ProcessInstance instance, String taskKey) {
		List<Task> found = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
			.listPage(0, 10);
		assertThat(found).as("open tasks " + taskKey).hasSize(1);
		// every task a test works on is read as a worker of its unit reads it: no raw code, no ISO date
		ShownToWorkers.assertNoRawCode(found.get(0), tasks, forms, identity);
		return found.get(0);
	}

	void complete(ProcessInstance instance, String taskKey, Object... keyValues) {
		tasks.complete(task(instance, taskKey).getId(), vars(keyValues));
	}

	static Map<String, Object> vars(Object... keyValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	void choose(ProcessInstance instance, String situation, String... requests) {
		complete(instance, Elements.CHOOSE_DOCUMENTS, Variables.CHOSEN_DOCUMENTS,
				SpinValues.jsonValue(toJson(requests)).create(), Variables.HOUSEHOLD_SITUATION, situation);
	}

	static String toJson(String... values) {
		return "[" + String.join(",", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList()) + "]";
	}

	Job timer(ProcessInstance instance, String activityId) {
		Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("timer " + activityId).isNotNull();
		return job;
	}

	/** Moves the engine clock to the timer's due date and fires it. */
	void fire(ProcessInstance instance, String activityId) {
		Job job = timer(instance, activityId);
		ClockUtil.setCurrentTime(job.getDuedate());
		management.executeJob(job.getId());
	}

	Object local(Task task, String name) {
		return runtime.getVariable(task.getExecutionId(), name);
	}

	List<String> groupsOf(Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
	}

	ZonedDateTime at(String unit, LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(units.unit(unit).getZone());
	}

	/** From orientation (papers complete) to the reminder timer, for an appointment at a day and time. */
	void orientAndBook(ProcessInstance instance, LocalDate day, String time) {
		complete(instance, Elements.ORIENTATION, Variables.PAPERS_COMPLETE, true);
		complete(instance, Elements.SCHEDULE_APPOINTMENT, Variables.APPOINTMENT_DATE, day.toString(),
				Variables.APPOINTMENT_TIME, time, Variables.OFFICE_NAME, "as found");
		assertThat(instance).isWaitingAt(Elements.REMINDER_TIMER);
	}

	/** Through the reminder (confirmed) to the outcome task. */
	void attend(ProcessInstance instance) {
		fire(instance, Elements.REMINDER_TIMER);
		complete(instance, Elements.CONFIRM_ATTENDANCE, Variables.ATTENDANCE, "CONFIRMED");
		assertThat(instance).isWaitingAt(Elements.OUTCOME_TIMER);
		fire(instance, Elements.OUTCOME_TIMER);
		assertThat(instance).isWaitingAt(Elements.RECORD_OUTCOME);
	}

	// --- paths ---------------------------------------------------------------------------------

	@Test
	void shouldIssueWriteToTheCaseFileAndOpenTheRenewalAtTheOwningUnitYearsLater() {
		String caseNumber = openCase("SOR-CRAS-NORTE", "Éden", "Marie", LocalDate.of(1990, 3, 1));
		ProcessInstance instance = startFor(caseNumber);

		assertThat(instance).hasBusinessKey(caseNumber).isWaitingAt(Elements.CHOOSE_DOCUMENTS);
		Task choice = task(instance, Elements.CHOOSE_DOCUMENTS);
		assertThat(groupsOf(choice)).containsExactly("documentation.SOR-CRAS-NORTE");
		assertThat(choice.getName()).isEqualTo("Escolher documentos · " + caseNumber + " · Marie Joseph");
		Words pt = texts.in(WorkLanguage.PT_BR);
		assertThat(runtime.getVariable(instance.getId(), Variables.DOCUMENT_OPTIONS).toString())
			.contains("CRNM:1", "CPF:1", "CTPS_DIGITAL:1").doesNotContain("PERMESSO")
			.contains(pt.text("documentOption", pt.word("documentType", "CTPS_DIGITAL"), "Marie Joseph"))
			.doesNotContain("\"CTPS_DIGITAL ·");

		choose(instance, "HUMANITARIAN_VISA", "CRNM:1");

		assertThat(instance).hasPassed(Elements.CHECKLIST, Elements.FIND_OFFICE).isWaitingAt(Elements.ORIENTATION);
		Task orientation = task(instance, Elements.ORIENTATION);
		assertThat(local(orientation, Variables.SITUATION)).isEqualTo("HUMANITARIAN_VISA");
		assertThat(local(orientation, Variables.OFFICE_KIND)).isEqualTo("FEDERAL_POLICE");
		assertThat(local(orientation, Variables.FEE_WAIVED)).isEqualTo(true);
		assertThat(local(orientation, Variables.OFFICE_CODE)).isEqualTo("SOR-PF");
		assertThat(local(orientation, Variables.OFFICE_NEXT_OPENING)).isNotEqualTo("-");
		// the trail's task names the member and the document in words; the form shows the checklist in Portuguese
		assertThat(orientation.getName()).endsWith("Marie Joseph · " + pt.word("documentType", "CRNM"));
		assertThat(local(orientation, Variables.DOCUMENT_TYPE_TEXT)).isEqualTo(pt.word("documentType", "CRNM"));
		assertThat(local(orientation, Variables.SITUATION_TEXT)).isEqualTo(pt.word("situation", "HUMANITARIAN_VISA"));
		assertThat(local(orientation, Variables.OFFICE_KIND_TEXT)).isEqualTo(pt.word("officeKind", "FEDERAL_POLICE"));
		assertThat(local(orientation, Variables.PAPERS_TO_BRING))
			.isEqualTo(pt.textOr("checklist.br_crnm_humanitarian.papers", null));
		assertThat(local(orientation, Variables.FEE)).isEqualTo(pt.textOr("checklist.br_crnm_humanitarian.fee", null));
		assertThat(runtime.getVariable(instance.getId(), Variables.OFFICE_CODE)).as("local to the trail").isNull();

		LocalDate monday = LocalDate.of(2026, 3, 9);
		orientAndBook(instance, monday, "10:00");

		// the working day before a Monday appointment is the Friday, when the adviser's unit opens
		ZonedDateTime reminder = timer(instance, Elements.REMINDER_TIMER).getDuedate().toInstant()
			.atZone(units.unit("SOR-CRAS-NORTE").getZone());
		assertThat(reminder.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(reminder.toLocalDate()).isEqualTo(monday.minusDays(3));
		assertThat(reminder.toInstant()).isEqualTo(units
			.nextOpening("SOR-CRAS-NORTE", monday.minusDays(3).atStartOfDay(reminder.getZone()).toInstant())
			.orElseThrow().opens().toInstant());
		fire(instance, Elements.REMINDER_TIMER);
		assertThat(groupsOf(task(instance, Elements.CONFIRM_ATTENDANCE))).containsExactly("documentation.SOR-CRAS-NORTE");
		assertThat(local(task(instance, Elements.CONFIRM_ATTENDANCE), Variables.APPOINTMENT_TEXT)).isEqualTo(pt.dateTime(
				monday.atTime(10, 0).atZone(units.unit("SOR-PF").getZone()).toInstant(), units.unit("SOR-PF").getZone()));
		complete(instance, Elements.CONFIRM_ATTENDANCE, Variables.ATTENDANCE, "CONFIRMED");
		assertThat(timer(instance, Elements.OUTCOME_TIMER).getDuedate().toInstant())
			.isEqualTo(at("SOR-PF", monday, LocalTime.of(10, 0)).toInstant().plus(Duration.ofHours(2)));
		fire(instance, Elements.OUTCOME_TIMER);
		complete(instance, Elements.RECORD_OUTCOME, Variables.OUTCOME, "ISSUED", Variables.DOCUMENT_NUMBER, "V123456-X",
				Variables.EXPIRY_DATE, "2028-03-01");

		assertThat(instance).hasPassed(Elements.RECORD_ISSUED, Elements.END_ISSUED, Elements.END_DONE).isEnded();
		assertThat(documentation.issuedDocuments(caseNumber)).singleElement().satisfies(d -> {
			assertThat(d.memberNo()).isEqualTo(1);
			assertThat(d.documentType()).isEqualTo("CRNM");
			assertThat(d.documentNumber()).isEqualTo("V123456-X");
			assertThat(d.expiresOn()).isEqualTo(LocalDate.of(2028, 3, 1));
			assertThat(d.issuingOffice()).isEqualTo("SOR-PF");
		});

		// the renewal waits in an instance of its own, with the same business key
		ProcessInstance renewal = runtime.createProcessInstanceQuery().processDefinitionKey(DocumentationProcess.KEY)
			.processInstanceBusinessKey(caseNumber).active().singleResult();
		assertThat(renewal).isNotNull().isWaitingAt(Elements.RENEWAL_TIMER);
		assertThat(timer(renewal, Elements.RENEWAL_TIMER).getDuedate().toInstant()).isEqualTo(
				LocalDate.of(2028, 3, 1).minusDays(60).atStartOfDay(ZoneId.of("America/Sao_Paulo")).toInstant());

		// years later the case is closed and owned by another unit: the task goes there all the same
		cases.transfer(caseNumber, "SOR-CRAS-OESTE", "moved to Vila Helena", "ana");
		cases.close(caseNumber);
		fire(renewal, Elements.RENEWAL_TIMER);
		Task renew = task(renewal, Elements.RENEWAL_REMINDER);
		assertThat(groupsOf(renew)).containsExactly("documentation.SOR-CRAS-OESTE");
		assertThat(runtime.getVariable(renewal.getId(), LoadCaseDelegate.RENEWAL_SUMMARY).toString())
			.isEqualTo(pt.text("renewalSummary", pt.word("documentType", "CRNM"), "Marie Joseph", "V123456-X",
					pt.date(LocalDate.of(2028, 3, 1))))
			.doesNotContain("2028-03-01");

		complete(renewal, Elements.RENEWAL_REMINDER, Variables.RENEWAL_DECISION, "RENEW");

		Task renewalOrientation = task(renewal, Elements.ORIENTATION);
		assertThat(local(renewalOrientation, Variables.SITUATION)).isEqualTo("RENEWAL");
		assertThat(local(renewalOrientation, Variables.PAPERS_TO_BRING))
			.isEqualTo(pt.textOr("checklist.br_crnm_renewal.papers", null));
	}

	@Test
	void shouldBringTheOrientationBackWhenNothingHappenedWhileGatheringPapers() {
		ProcessInstance instance = startFor(openCase("SOR-CRAS-NORTE", "Éden", "Paul", LocalDate.of(1985, 1, 1)));
		choose(instance, "REFUGEE", "CRNM:1");

		complete(instance, Elements.ORIENTATION, Variables.PAPERS_COMPLETE, false, Variables.MISSING_PAPERS,
				"CONARE decision");

		assertThat(instance).isWaitingAt(Elements.HELP_GATHER);
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(),
				timer(instance, Elements.GATHER_FOLLOW_UP).getDuedate().toInstant())).isEqualTo(Duration.ofDays(14));
		fire(instance, Elements.GATHER_FOLLOW_UP);

		assertThat(instance).hasPassed(Elements.GATHER_FOLLOW_UP).isWaitingAt(Elements.ORIENTATION);
		complete(instance, Elements.ORIENTATION, Variables.PAPERS_COMPLETE, false, Variables.MISSING_PAPERS,
				"still the CONARE decision");
		complete(instance, Elements.HELP_GATHER, Variables.GATHER_NOTES, "printed from the Diário Oficial");

		assertThat(instance).isWaitingAt(Elements.SCHEDULE_APPOINTMENT);
		assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void shouldWaitForTheNewDateWhenTheOutcomeIsPendingAndRebookWhenThePersonCannotGo() {
		ProcessInstance instance = startFor(openCase("SOR-CRAS-NORTE", "Éden", "Rose", LocalDate.of(1992, 5, 5)));
		choose(instance, "FAMILY_REUNION", "CRNM:1");
		orientAndBook(instance, LocalDate.of(2026, 3, 10), "09:00");

		fire(instance, Elements.REMINDER_TIMER);
		complete(instance, Elements.CONFIRM_ATTENDANCE, Variables.ATTENDANCE, "CANCELLED");
		assertThat(instance).isWaitingAt(Elements.SCHEDULE_APPOINTMENT);
		complete(instance, Elements.SCHEDULE_APPOINTMENT, Variables.APPOINTMENT_DATE, "2026-03-12",
				Variables.APPOINTMENT_TIME, "14:30", Variables.OFFICE_NAME, "Polícia Federal");

		// nobody confirmed: the appointment time passes and the outcome is asked for anyway
		fire(instance, Elements.REMINDER_TIMER);
		fire(instance, Elements.APPOINTMENT_STARTED);
		assertThat(instance).hasPassed(Elements.APPOINTMENT_STARTED).isWaitingAt(Elements.OUTCOME_TIMER);
		fire(instance, Elements.OUTCOME_TIMER);
		complete(instance, Elements.RECORD_OUTCOME, Variables.OUTCOME, "PENDING", Variables.APPOINTMENT_DATE,
				"2026-03-24", Variables.APPOINTMENT_TIME, "11:00");

		assertThat(instance).isWaitingAt(Elements.REMINDER_TIMER);
		ZonedDateTime reminder = timer(instance, Elements.REMINDER_TIMER).getDuedate().toInstant()
			.atZone(ZoneId.of("America/Sao_Paulo"));
		assertThat(reminder.toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 23));
		Task waiting = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(waiting).isNull();
	}

	@Test
	void shouldReferARefusalToCremonasThursdayLegalDeskAndSkipTheDesksSummerClosing() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-07-20T08:00:00Z")));
		ProcessInstance instance = startFor(openCase("CRE-CARITAS-IMMIGRAZIONE", "Centro", "Amina",
				LocalDate.of(1995, 2, 2)));
		choose(instance, "ASYLUM_SEEKER", "PERMESSO_SOGGIORNO:1");
		Task orientation = task(instance, Elements.ORIENTATION);
		assertThat(local(orientation, Variables.OFFICE_CODE)).isEqualTo("CRE-QUESTURA");
		assertThat(local(orientation, Variables.OFFICE_KIND)).isEqualTo("QUESTURA");
		assertThat(orientation.getName()).startsWith("Orientamento sui documenti da portare · ");
		Words it = texts.in(WorkLanguage.IT);
		assertThat(orientation.getName()).endsWith(" · " + it.word("documentType", "PERMESSO_SOGGIORNO"));
		assertThat(local(orientation, Variables.OFFICE_KIND_TEXT)).isEqualTo(it.word("officeKind", "QUESTURA"));
		assertThat(local(orientation, Variables.SITUATION_TEXT)).isEqualTo(it.word("situation", "ASYLUM_SEEKER"));
		assertThat(local(orientation, Variables.PAPERS_TO_BRING))
			.isEqualTo(it.textOr("checklist.it_permesso_asylum.papers", null));

		orientAndBook(instance, LocalDate.of(2026, 8, 17), "09:30");

		// the Caritas desk is closed 3-14 August: the working day before is Friday 31 July
		ZonedDateTime reminder = timer(instance, Elements.REMINDER_TIMER).getDuedate().toInstant()
			.atZone(ZoneId.of("Europe/Rome"));
		assertThat(reminder.toLocalDate()).isEqualTo(LocalDate.of(2026, 7, 31));
		attend(instance);
		complete(instance, Elements.RECORD_OUTCOME, Variables.OUTCOME, "REFUSED", Variables.REFUSAL_REASON,
				"no proof of address");

		Task referral = task(instance, Elements.REFER_LEGAL_AID);
		assertThat(local(referral, Variables.LEGAL_AID_FOUND)).isEqualTo(true);
		assertThat(local(referral, Variables.LEGAL_AID_CODE)).isEqualTo("CRE-CARITAS-LEGALE");
		assertThat(units.nextOpening("CRE-CARITAS-LEGALE", ClockUtil.getCurrentTime().toInstant()).orElseThrow()
			.opens().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
		assertThat(local(referral, Variables.LEGAL_AID_NEXT_OPENING).toString()).startsWith("giovedì");
		complete(instance, Elements.REFER_LEGAL_AID, Variables.LEGAL_AID_OUTCOME, "REFERRED");

		assertThat(instance).hasPassed(Elements.FIND_LEGAL_AID, Elements.END_REFUSED).isEnded();
		assertThat(documentation.issuedDocuments(instance.getBusinessKey())).isEmpty();
	}

	@Test
	void shouldAskTheCoordinatorAfterTwoNoShows() {
		ProcessInstance instance = startFor(openCase("CRE-CARITAS-IMMIGRAZIONE", "Po", "Omar",
				LocalDate.of(1980, 6, 1)));
		choose(instance, "OTHER", "CODICE_FISCALE:1");
		orientAndBook(instance, LocalDate.of(2026, 3, 9), "09:00");
		attend(instance);

		String outcomeTask = task(instance, Elements.RECORD_OUTCOME).getId();
		assertThatThrownBy(() -> tasks.complete(outcomeTask, vars(Variables.OUTCOME, "LOST")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Correggere per favore: Esito: 'LOST' non è tra le opzioni: "
					+ options("documentation-outcome", "it", "outcome", "ISSUED", "PENDING", "REFUSED", "NO_SHOW"));
		assertThat(instance).isWaitingAt(Elements.RECORD_OUTCOME);
		complete(instance, Elements.RECORD_OUTCOME, Variables.OUTCOME, "NO_SHOW");
		assertThat(instance).hasPassed(Elements.RECORD_NO_SHOW).isWaitingAt(Elements.SCHEDULE_APPOINTMENT);
		complete(instance, Elements.SCHEDULE_APPOINTMENT, Variables.APPOINTMENT_DATE, "2026-03-16",
				Variables.APPOINTMENT_TIME, "09:00", Variables.OFFICE_NAME, "Agenzia delle Entrate");
		attend(instance);
		complete(instance, Elements.RECORD_OUTCOME, Variables.OUTCOME, "NO_SHOW");

		Task coordinator = task(instance, Elements.COORDINATOR_NO_SHOWS);
		assertThat(groupsOf(coordinator)).containsExactly("coordinator.CRE-CARITAS-IMMIGRAZIONE");
		assertThat(local(coordinator, Variables.NO_SHOWS)).isEqualTo(2);
		complete(instance, Elements.COORDINATOR_NO_SHOWS, Variables.COORDINATOR_DECISION, "TRY_AGAIN",
				"coordinatorNotes", "the person works mornings now");
		complete(instance, Elements.SCHEDULE_APPOINTMENT, Variables.APPOINTMENT_DATE, "2026-03-23",
				Variables.APPOINTMENT_TIME, "11:00", Variables.OFFICE_NAME, "Agenzia delle Entrate");
		attend(instance);
		complete(instance, Elements.RECORD_OUTCOME, Variables.OUTCOME, "NO_SHOW");
		complete(instance, Elements.COORDINATOR_NO_SHOWS, Variables.COORDINATOR_DECISION, "CLOSE",
				"coordinatorNotes", "moved away");

		assertThat(instance).hasPassed(Elements.END_GIVEN_UP).isEnded();
	}

	@Test
	void shouldAskTheAdviserToFindTheOfficeWhenTheDirectoryHasNone() {
		// Aracaju's demo network has no document office
		ProcessInstance instance = startFor(openCase("ARA-CRAS-SANTOS-DUMONT", "Lamarão", "Yusuf",
				LocalDate.of(1979, 11, 30)));
		choose(instance, "ASYLUM_SEEKER", "CPF:1");

		assertThat(instance).hasPassed(Elements.NO_OFFICE_FOUND).isWaitingAt(Elements.ARRANGE_OFFICE);
		complete(instance, Elements.ARRANGE_OFFICE, Variables.OFFICE_NAME, "Receita Federal online",
				Variables.OFFICE_WHERE, "gov.br");

		assertThat(instance).isWaitingAt(Elements.ORIENTATION);
		assertThat(local(task(instance, Elements.ORIENTATION), Variables.OFFICE_KIND)).isEqualTo("RECEITA_FEDERAL");
	}

	@Test
	void shouldRunOneTrailPerDocumentAndTreatAChildAsAMinor() {
		String caseNumber = openCase("SOR-CRAS-NORTE", "Éden", "Anne", LocalDate.of(1988, 8, 8),
				new NewPerson(Relation.CHILD, "Jean", "Joseph", LocalDate.of(2019, 4, 2), "Haiti", List.of("ht"), List.of()));
		ProcessInstance instance = startFor(caseNumber);
		assertThat(runtime.getVariable(instance.getId(), Variables.DOCUMENT_OPTIONS).toString())
			.as("a work card offered for Anne, none for her son of 7")
			.contains("CTPS_DIGITAL:1", "CPF:2", "CRNM:2")
			.doesNotContain("CTPS_DIGITAL:2");
		choose(instance, "HUMANITARIAN_VISA", "CPF:1", "CRNM:2", "CPF:1");

		List<Task> trails = tasks.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(Elements.ORIENTATION).list();
		assertThat(trails).hasSize(2);
		Map<Object, Task> byRequest = new HashMap<>();
		trails.forEach(t -> byRequest.put(local(t, Variables.DOCUMENT_REQUEST), t));
		assertThat(byRequest).containsOnlyKeys("CPF:1", "CRNM:2");
		assertThat(local(byRequest.get("CRNM:2"), Variables.SITUATION)).isEqualTo("MINOR");
		assertThat(local(byRequest.get("CRNM:2"), Variables.MEMBER_NAME)).isEqualTo("Jean Joseph");
		assertThat(local(byRequest.get("CPF:1"), Variables.SITUATION)).isEqualTo("HUMANITARIAN_VISA");
		assertThat(byRequest.get("CRNM:2").getName())
			.endsWith("Jean Joseph · " + texts.in(WorkLanguage.PT_BR).word("documentType", "CRNM"));

		// answers of one trail stay in it
		tasks.complete(byRequest.get("CRNM:2").getId(), vars(Variables.PAPERS_COMPLETE, false,
				Variables.MISSING_PAPERS, "birth certificate"));
		tasks.complete(byRequest.get("CPF:1").getId(), vars(Variables.PAPERS_COMPLETE, true));
		assertThat(instance).isWaitingAt(Elements.HELP_GATHER, Elements.SCHEDULE_APPOINTMENT);
	}

	@Test
	void shouldEndWhenNoDocumentIsNeeded() {
		ProcessInstance instance = startFor(openCase("SOR-CRAS-NORTE", "Éden", "Eddy", LocalDate.of(1970, 1, 1)));

		choose(instance, "OTHER");

		assertThat(instance).hasPassed(Elements.END_NO_DOCUMENTS).isEnded();
	}

	@Test
	void shouldRefuseABadChoiceAndAnAppointmentInThePast() {
		ProcessInstance instance = startFor(openCase("SOR-CRAS-NORTE", "Éden", "Lucie", LocalDate.of(1991, 1, 1)));
		String choiceTask = task(instance, Elements.CHOOSE_DOCUMENTS).getId();

		assertThatThrownBy(() -> tasks.complete(choiceTask, vars(Variables.CHOSEN_DOCUMENTS, "CPF:7",
				Variables.HOUSEHOLD_SITUATION, "OTHER")))
			.isInstanceOf(InvalidFormException.class).hasMessageContaining("Documentos: a família não tem o membro 7");
		assertThatThrownBy(() -> tasks.complete(choiceTask, vars(Variables.CHOSEN_DOCUMENTS, "PASSPORT:1",
				Variables.HOUSEHOLD_SITUATION, "OTHER")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("'PASSPORT:1' não é um documento de um membro da família");
		assertThat(instance).isWaitingAt(Elements.CHOOSE_DOCUMENTS);

		choose(instance, "OTHER", "CPF:1");
		String orientation = task(instance, Elements.ORIENTATION).getId();
		assertThatThrownBy(() -> tasks.complete(orientation, vars(Variables.PAPERS_COMPLETE, false)))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Por favor, corrija: Documentos que faltam: é obrigatório quando faltam documentos");
		assertThat(instance).isWaitingAt(Elements.ORIENTATION);
		complete(instance, Elements.ORIENTATION, Variables.PAPERS_COMPLETE, true);
		String booking = task(instance, Elements.SCHEDULE_APPOINTMENT).getId();
		assertThatThrownBy(() -> tasks.complete(booking, vars(Variables.APPOINTMENT_DATE, "2026-03-02",
				Variables.APPOINTMENT_TIME, "10:00")))
			.isInstanceOf(InvalidFormException.class).hasMessageContaining(
					FormLabels.of("documentation-appointment", "pt-BR").label("appointmentDate") + ": deve estar no futuro");
		assertThatThrownBy(() -> tasks.complete(booking, vars(Variables.APPOINTMENT_DATE, "2026-03-12",
				Variables.APPOINTMENT_TIME, "ten")))
			.isInstanceOf(InvalidFormException.class).hasMessageContaining(
					FormLabels.of("documentation-appointment", "pt-BR").label("appointmentTime") + ": não é um horário");
		assertThat(instance).isWaitingAt(Elements.SCHEDULE_APPOINTMENT);
	}

	@Test
	void shouldRefuseToStartForAnUnknownCaseAndStartFromTheFormForAKnownOne() {
		long before = runtime.createProcessInstanceQuery().processDefinitionKey(DocumentationProcess.KEY).count();

		assertThatThrownBy(() -> documentation.start("SOR-2026-999999", "bruno"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("caseNumber: no case with number 'SOR-2026-999999'");
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DocumentationProcess.KEY,
				vars(Variables.CASE_NUMBER, "CRE-2026-424242")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("Case number: no case with number 'CRE-2026-424242'");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DocumentationProcess.KEY).count())
			.isEqualTo(before);

		String caseNumber = openCase("CRE-CARITAS-IMMIGRAZIONE", "Centro", "Giovanna", LocalDate.of(1960, 1, 1));
		ProcessInstance fromForm = runtime.startProcessInstanceByKey(DocumentationProcess.KEY,
				vars(Variables.CASE_NUMBER, " " + caseNumber + " ", Variables.INITIATOR, "marco"));

		assertThat(fromForm).hasBusinessKey(caseNumber).isWaitingAt(Elements.CHOOSE_DOCUMENTS);
		assertThat(groupsOf(task(fromForm, Elements.CHOOSE_DOCUMENTS)))
			.containsExactly("documentation.CRE-CARITAS-IMMIGRAZIONE");
		identity.setAuthentication("marco", List.of("documentation", "documentation.CRE-CARITAS-IMMIGRAZIONE"));
		String choose = task(fromForm, Elements.CHOOSE_DOCUMENTS).getId();
		assertThat(forms.getTaskFormData(choose).getCamundaFormRef().getKey()).isEqualTo("documentation-choose");
		String heading = DeployedForm.of(forms.getDeployedTaskForm(choose)).json().at("/components/0/text").asText();
		assertThat(heading).isEqualTo(ProtocolTexts
			.fromClasspath(ProtocolTexts.fileName("documentation-choose", WorkLanguage.IT)).get("heading.text"))
			.contains("fascicolo");
	}

	@Test
	void shouldEndARenewalThatIsNoLongerNeeded() {
		String caseNumber = openCase("CRE-CARITAS-IMMIGRAZIONE", "Centro", "Samir", LocalDate.of(1990, 9, 9));
		ProcessInstance renewal = documentation.scheduleRenewal(new IssuedDocument(null, caseNumber, 1,
				"PERMESSO_SOGGIORNO", "I123", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), "CRE-QUESTURA",
				Instant.now(), null));

		// due in less than 60 days: the renewal task opens at once
		fire(renewal, Elements.RENEWAL_TIMER);
		String reminder = task(renewal, Elements.RENEWAL_REMINDER).getId();
		assertThatThrownBy(() -> tasks.complete(reminder, vars(Variables.RENEWAL_DECISION, "RENW")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Correggere per favore: Decisione: 'RENW' non è tra le opzioni: "
					+ options("documentation-renewal", "it", "renewalDecision", "RENEW", "NOT_NEEDED"));
		assertThat(renewal).isWaitingAt(Elements.RENEWAL_REMINDER);
		complete(renewal, Elements.RENEWAL_REMINDER, Variables.RENEWAL_DECISION, "NOT_NEEDED", "renewalNotes",
				"left for France");

		assertThat(renewal).hasPassed(Elements.END_RENEWAL_NOT_NEEDED).isEnded();
		assertThat(documentation.scheduleRenewal(new IssuedDocument(null, caseNumber, 1, "CODICE_FISCALE", "CF1",
				LocalDate.of(2026, 3, 1), null, null, Instant.now(), null))).as("no expiry, no renewal").isNull();
	}

	/** The words a form shows for these options of a field, as a refusal lists them. */
	private static String options(String form, String language, String field, String... values) {
		FormLabels labels = FormLabels.of(form, language);
		return java.util.Arrays.stream(values).map(value -> labels.option(field, value))
			.collect(java.util.stream.Collectors.joining(", "));
	}

}
