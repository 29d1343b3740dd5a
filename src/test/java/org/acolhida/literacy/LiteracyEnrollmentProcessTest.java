package org.acolhida.literacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.Relation;
import org.acolhida.language.InvalidFormException;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Elements;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.FormLabels;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of {@code literacy-enrollment.bpmn}, on the embedded engine with the demo network:
 * Sorocaba (class SOR-CURSO-PT-A1, school SOR-EMEF-EDEN for Éden), Aracaju (ARA-CURSO-PT-ALFA) and
 * Cremona (CRE-ALFA-ADULTI). Each test works on a class of its own and gives back the seats it
 * changed, so the order of the tests does not matter.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:literacy-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false",
		// no monthly-report calendar started while the context loads, before coverage is set up
		"acolhida.monthly-report.calendar=false" })
@ActiveProfiles("demo")
@Import({ ProcessEngineCoverageConfiguration.class, LiteracyEnrollmentProcessTest.Coverage.class })
class LiteracyEnrollmentProcessTest {

	@TestConfiguration
	static class Coverage {

		@Bean
		ProcessEngineCoverageProperties coverageProperties() {
			return ProcessEngineCoverageProperties.Companion.builder()
				.assertClassCoverageAtLeast(0.9)
				.excludeProcessDefinitionKeys("reception", "documentation-guidance", "housing-referral")
				.build();
		}

	}

	static final String SOROCABA = "SOR-CRAS-NORTE";

	static final String SOROCABA_CLASS = "SOR-CURSO-PT-A1";

	static final String ARACAJU = "ARA-CRAS-SIQUEIRA";

	static final String ARACAJU_CLASS = "ARA-CURSO-PT-ALFA";

	static final String CREMONA = "CRE-CARITAS-IMMIGRAZIONE";

	static final String CREMONA_CLASS = "CRE-ALFA-ADULTI";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	FormService forms;

	@Autowired
	IdentityService identity;

	@Autowired
	CaseFiles cases;

	@Autowired
	ClassSeats seats;

	@Autowired
	JdbcTemplate jdbc;

	final Map<String, Integer> seatsBefore = new HashMap<>();

	@BeforeEach
	void setUp() {
		init(engine);
		for (String code : List.of(SOROCABA_CLASS, ARACAJU_CLASS, CREMONA_CLASS)) {
			seatsBefore.put(code, seatsOf(code));
		}
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identity.clearAuthentication();
		// Nobody waits once the test is over: another test's seat must not be offered to this one's learners.
		jdbc.update("UPDATE class_waitlist SET status = 'CANCELLED', open_learner = NULL, offered_class = NULL,"
				+ " offered_at = NULL WHERE status IN ('WAITING', 'OFFERED')");
		seatsBefore.forEach((code, count) -> jdbc.update(
				"UPDATE class_seats SET seats = GREATEST(?, taken) WHERE class_unit = (SELECT id FROM service_unit WHERE code = ?)",
				count, code));
	}

	// --- the household and the placement ---

	CaseFile household(String unit, String district, NewPerson... others) {
		CaseFile file = cases.open(new NewCase(unit, person(Relation.REFERENCE_PERSON, "Marie", 34), district, false),
				"davi");
		cases.registerHousehold(file.getCaseNumber(), List.of(others));
		return cases.find(file.getCaseNumber());
	}

	static NewPerson person(Relation relation, String givenName, int age) {
		return new NewPerson(relation, givenName, "Joseph", LocalDate.now().minusYears(age).minusDays(10), "Haiti",
				List.of("ht"), List.of());
	}

	ProcessInstance start(CaseFile file, String district) {
		Map<String, Object> in = new HashMap<>();
		in.put(Variables.CASE_NUMBER, file.getCaseNumber());
		in.put(Variables.UNIT_CODE, file.getOwningUnit());
		in.put(Variables.PERSON_NAME, file.getReferencePerson().fullName());
		in.put(Variables.DISTRICT, district);
		in.put("priority", "NORMAL");
		in.put("interpreterNeeded", false);
		return runtime.startProcessInstanceByKey(LiteracyEnrollmentProcess.KEY, file.getCaseNumber(), in);
	}

	static Map<String, Object> noClass() {
		return Map.of(Variables.NEEDS_CLASS, false);
	}

	static Map<String, Object> placement(String level, boolean literate, String days, String times) {
		Map<String, Object> answers = new HashMap<>();
		answers.put(Variables.NEEDS_CLASS, true);
		answers.put(Variables.LEVEL, level);
		answers.put(Variables.LITERATE_IN_OWN_LANGUAGE, literate);
		// as Tasklist submits a checklist: a JSON array
		answers.put(Variables.AVAILABLE_DAYS, org.camunda.spin.plugin.variable.SpinValues.jsonValue(days).create());
		answers.put(Variables.AVAILABLE_TIMES, times);
		return answers;
	}

	/** The open placement task of the named learner. */
	Task placementOf(ProcessInstance instance, String givenName) {
		return tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(Elements.PLACEMENT)
			.list()
			.stream()
			.filter(t -> t.getName().contains(givenName + " Joseph"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no placement task for " + givenName));
	}

	Task onlyTask(ProcessInstance instance) {
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	ProcessInstance followUpOf(String caseNumber, String learnerRef) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(LiteracyEnrollmentProcess.KEY)
			.processInstanceBusinessKey(caseNumber)
			.variableValueEquals(Variables.LEARNER_REF, learnerRef)
			.singleResult();
	}

	void executeJob(ProcessInstance instance) {
		Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
		management.executeJob(job.getId());
	}

	/** Moves the engine's clock past the instance's timer, checks its period, and fires it. */
	void weekPasses(ProcessInstance instance) {
		Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		assertThat(Duration.between(now, timer.getDuedate().toInstant())).isBetween(Duration.ofDays(7).minusMinutes(1),
				Duration.ofDays(7));
		ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
		management.executeJob(timer.getId());
	}

	List<String> groupsOf(Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
	}

	int seatsOf(String code) {
		return jdbc.queryForObject(
				"SELECT seats FROM class_seats WHERE class_unit = (SELECT id FROM service_unit WHERE code = ?)",
				Integer.class, code);
	}

	int takenOf(String code) {
		return jdbc.queryForObject(
				"SELECT taken FROM class_seats WHERE class_unit = (SELECT id FROM service_unit WHERE code = ?)",
				Integer.class, code);
	}

	/** No seat left: the class holds exactly the learners it has. */
	void fill(String code) {
		jdbc.update("UPDATE class_seats SET seats = taken WHERE class_unit = (SELECT id FROM service_unit WHERE code = ?)",
				code);
	}

	void oneMoreSeat(String code) {
		jdbc.update("UPDATE class_seats SET seats = taken + 1 WHERE class_unit = (SELECT id FROM service_unit WHERE code = ?)",
				code);
	}

	/** Places an adult of Sorocaba who can come Monday and Wednesday evenings and takes the seat. */
	ProcessInstance enrolledInSorocaba(CaseFile file) {
		ProcessInstance instance = start(file, "Éden");
		tasks.complete(placementOf(instance, "Marie").getId(), placement("A1", true, "[\"MONDAY\",\"WEDNESDAY\"]", "EVENING"));
		assertThat(instance).hasPassed(Elements.FIND_CLASS).isWaitingAt(Elements.TAKE_SEAT);
		executeJob(instance);
		assertThat(instance).hasPassed(Elements.TAKE_SEAT, Elements.START_FOLLOW_UP, Elements.END_LEARNERS_PLACED)
			.isEnded();
		ProcessInstance followUp = followUpOf(file.getCaseNumber(), Learners.ref(file.getCaseNumber(), 1));
		assertThat(followUp).isWaitingAt(Elements.ATTENDANCE_TIMER);
		return followUp;
	}

	// --- the paths ---

	@Test
	void shouldReferASchoolAgeChildToTheSchoolOfTheDistrict() {
		CaseFile file = household(SOROCABA, "Éden", person(Relation.CHILD, "Jean", 9), person(Relation.CHILD, "Lou", 3));
		ProcessInstance instance = start(file, "Éden");

		// the three-year-old is no learner: two placements
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(2);
		Task child = placementOf(instance, "Jean");
		assertThat(child.getName()).isEqualTo("Avaliação para curso de português · " + file.getCaseNumber() + " · Jean Joseph");
		assertThat(groupsOf(child)).containsExactly("literacy." + SOROCABA);
		tasks.complete(placementOf(instance, "Marie").getId(), noClass());
		// no level, no class hours for a child: what the school needs to enrol him
		String childTask = child.getId();
		assertThatThrownBy(() -> tasks.complete(childTask, Map.of(Variables.NEEDS_CLASS, true)))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Por favor, corrija: Escolaridade até agora: é obrigatório");
		assertThatThrownBy(() -> tasks.complete(childTask, Map.of(Variables.NEEDS_CLASS, true,
				Variables.SCHOOLING_SO_FAR, "SOMETIMES")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Por favor, corrija: Escolaridade até agora: 'SOMETIMES' não é uma das opções: Nunca frequentou a"
					+ " escola, Frequentou a escola com interrupções, Frequentou a escola regularmente");
		assertThat(placementOf(instance, "Jean").getId()).as("the refused placement stays open").isEqualTo(childTask);
		tasks.complete(childTask, Map.of(Variables.NEEDS_CLASS, true, Variables.SCHOOLING_SO_FAR, "INTERRUPTED",
				Variables.LAST_SCHOOL_YEAR, "3e année, Port-au-Prince", Variables.SCHOOL_RECORDS, false,
				Variables.SCHOOL_LANGUAGE_SUPPORT, true));

		Task referral = onlyTask(instance);
		assertThat(referral.getTaskDefinitionKey()).isEqualTo(Elements.REFER_TO_SCHOOL);
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.SCHOOL_UNIT_CODE)).isEqualTo("SOR-EMEF-EDEN");
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.SCHOOL_AGE)).isEqualTo(true);
		// the school referral shows his schooling, kept in his own scope (not his sister's or mother's)
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.SCHOOLING_SO_FAR)).isEqualTo("INTERRUPTED");
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.LAST_SCHOOL_YEAR))
			.isEqualTo("3e année, Port-au-Prince");
		assertThat(runtime.getVariableLocal(instance.getId(), Variables.SCHOOLING_SO_FAR)).as("on the case's instance")
			.isNull();
		tasks.complete(referral.getId(), Map.of(Variables.SCHOOL_OUTCOME, "REFERRED"));

		assertThat(instance).hasPassed(Elements.END_NO_CLASS_NEEDED, Elements.FIND_SCHOOL, Elements.END_LEARNERS_PLACED)
			.hasNotPassed(Elements.FIND_CLASS)
			.isEnded();
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(Variables.SCHOOL_OUTCOME)
			.list()
			.stream()
			.map(v -> v.getValue())
			.toList()).containsExactlyInAnyOrder("REFERRED", null);
		assertThat(followUpOf(file.getCaseNumber(), Learners.ref(file.getCaseNumber(), 2))).isNull();
	}

	@Test
	void shouldAskForASchoolByHandWhenNoSchoolServesTheDistrict() {
		CaseFile file = household(SOROCABA, "Éden", person(Relation.CHILD, "Rose", 12));
		ProcessInstance instance = start(file, "Éden");
		tasks.complete(placementOf(instance, "Marie").getId(), noClass());

		// the family lives in a district no school of the network serves
		tasks.complete(placementOf(instance, "Rose").getId(), Map.of(Variables.NEEDS_CLASS, true,
				Variables.SCHOOLING_SO_FAR, "REGULAR", Variables.LEARNER_DISTRICT, "Vila Helena"));

		Task byHand = onlyTask(instance);
		assertThat(byHand.getTaskDefinitionKey()).isEqualTo(Elements.ARRANGE_SCHOOL);
		assertThat(instance).hasPassed(Elements.NO_SCHOOL_FOUND).hasNotPassed(Elements.REFER_TO_SCHOOL);
		tasks.complete(byHand.getId(), Map.of(Variables.SCHOOL_NAME, "EE Vila Helena", Variables.SCHOOL_OUTCOME, "ENROLLED"));
		assertThat(instance).hasPassed(Elements.ARRANGE_SCHOOL).isEnded();
	}

	@Test
	void shouldEnrolAnAdultInTheClassThatFitsAndConfirmAttendanceAfterAWeek() {
		CaseFile file = household(SOROCABA, "Éden");
		int taken = takenOf(SOROCABA_CLASS);

		ProcessInstance followUp = enrolledInSorocaba(file);

		assertThat(takenOf(SOROCABA_CLASS)).isEqualTo(taken + 1);
		assertThat(seats.enrollmentsOfCase(file.getCaseNumber())).singleElement()
			.satisfies(e -> assertThat(e.classCode()).isEqualTo(SOROCABA_CLASS))
			.satisfies(e -> assertThat(e.status()).isEqualTo(Enrollment.Status.ENROLLED));
		assertThat(followUp).hasBusinessKey(file.getCaseNumber());
		weekPasses(followUp);
		Task attendance = onlyTask(followUp);
		assertThat(attendance.getTaskDefinitionKey()).isEqualTo(Elements.CONFIRM_ATTENDANCE);
		assertThat(groupsOf(attendance)).containsExactlyInAnyOrder("coordinator." + SOROCABA_CLASS,
				"coordinator." + SOROCABA);
		tasks.complete(attendance.getId(), Map.of(Variables.ATTENDED, "true"));

		assertThat(followUp).hasPassed(Elements.END_ATTENDING).isEnded();
		assertThat(takenOf(SOROCABA_CLASS)).isEqualTo(taken + 1);
	}

	@Test
	void shouldCallTheLearnerAfterOneNoShowAndKeepTheSeat() {
		CaseFile file = household(SOROCABA, "Éden");
		ProcessInstance followUp = enrolledInSorocaba(file);
		weekPasses(followUp);

		tasks.complete(onlyTask(followUp).getId(), Map.of(Variables.ATTENDED, "false"));

		Task call = onlyTask(followUp);
		assertThat(call.getTaskDefinitionKey()).isEqualTo(Elements.FOLLOW_UP_CALL);
		assertThat(runtime.getVariable(followUp.getId(), Variables.NO_SHOWS)).isEqualTo(1);
		tasks.complete(call.getId(), Map.of(Variables.CALL_OUTCOME, "REACHED"));
		weekPasses(followUp);
		tasks.complete(onlyTask(followUp).getId(), Map.of(Variables.ATTENDED, true));

		assertThat(followUp).hasPassed(Elements.RECORD_NO_SHOW, Elements.FOLLOW_UP_CALL, Elements.END_ATTENDING).isEnded();
		assertThat(seats.enrollmentsOfCase(file.getCaseNumber())).singleElement()
			.satisfies(e -> assertThat(e.noShows()).isEqualTo(1))
			.satisfies(e -> assertThat(e.holdsSeat()).isTrue());
	}

	@Test
	void shouldGiveTheSeatBackWhenTheCalledLearnerLeavesTheClass() {
		CaseFile file = household(SOROCABA, "Éden");
		ProcessInstance followUp = enrolledInSorocaba(file);
		int taken = takenOf(SOROCABA_CLASS);
		weekPasses(followUp);
		tasks.complete(onlyTask(followUp).getId(), Map.of(Variables.ATTENDED, "false"));

		tasks.complete(onlyTask(followUp).getId(), Map.of(Variables.CALL_OUTCOME, "WITHDRAWS", Variables.CALL_NOTES,
				"found work in the evenings"));

		assertThat(followUp).hasPassed(Elements.WITHDRAW, Elements.END_WITHDRAWN).isEnded();
		assertThat(seats.enrollmentsOfCase(file.getCaseNumber())).singleElement()
			.satisfies(e -> assertThat(e.status()).isEqualTo(Enrollment.Status.WITHDRAWN));
		assertThat(takenOf(SOROCABA_CLASS)).isEqualTo(taken - 1);
	}

	@Test
	void shouldReleaseTheSeatAfterTwoNoShowsAndOfferItToTheLearnerWaitingLongest() {
		CaseFile absent = household(SOROCABA, "Éden");
		ProcessInstance absentFollowUp = enrolledInSorocaba(absent);
		fill(SOROCABA_CLASS);
		// a second learner finds the class full: waitlist
		CaseFile waiting = household(SOROCABA, "Cajuru do Sul");
		ProcessInstance waitingPlacement = start(waiting, "Cajuru do Sul");
		tasks.complete(placementOf(waitingPlacement, "Marie").getId(),
				placement("A1", true, "[\"MONDAY\",\"WEDNESDAY\",\"FRIDAY\"]", "AFTERNOON,EVENING"));
		assertThat(waitingPlacement).hasPassed(Elements.ADD_TO_WAITLIST).hasNotPassed(Elements.TAKE_SEAT).isEnded();
		ProcessInstance waitingFollowUp = followUpOf(waiting.getCaseNumber(), Learners.ref(waiting.getCaseNumber(), 1));
		assertThat(waitingFollowUp).isWaitingAt(Elements.GW_WAIT_FOR_SEAT);
		int taken = takenOf(SOROCABA_CLASS);

		weekPasses(absentFollowUp);
		tasks.complete(onlyTask(absentFollowUp).getId(), Map.of(Variables.ATTENDED, "false"));
		tasks.complete(onlyTask(absentFollowUp).getId(), Map.of(Variables.CALL_OUTCOME, "NOT_REACHED"));
		weekPasses(absentFollowUp);
		tasks.complete(onlyTask(absentFollowUp).getId(), Map.of(Variables.ATTENDED, "false"));

		assertThat(absentFollowUp).hasPassed(Elements.END_SEAT_RELEASED).isEnded();
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(absentFollowUp.getId())
			.variableName(Variables.ENROLLMENT_STATUS)
			.singleResult()
			.getValue()).isEqualTo("NO_SHOW_RELEASED");
		assertThat(seats.enrollmentsOfCase(absent.getCaseNumber())).singleElement()
			.satisfies(e -> assertThat(e.status()).isEqualTo(Enrollment.Status.NO_SHOW_RELEASED));
		assertThat(takenOf(SOROCABA_CLASS)).isEqualTo(taken - 1);

		// the freed seat went to the waiting learner's instance by message
		Task offer = onlyTask(waitingFollowUp);
		assertThat(offer.getTaskDefinitionKey()).isEqualTo(Elements.OFFER_SEAT);
		assertThat(runtime.getVariable(waitingFollowUp.getId(), Variables.CLASS_CODE)).isEqualTo(SOROCABA_CLASS);
		tasks.complete(offer.getId(), Map.of(Variables.OFFER_ANSWER, "ACCEPTED"));
		assertThat(waitingFollowUp).hasPassed(Elements.TAKE_OFFERED_SEAT).isWaitingAt(Elements.ATTENDANCE_TIMER);
		assertThat(takenOf(SOROCABA_CLASS)).isEqualTo(taken);
		assertThat(seats.enrollmentsOfCase(waiting.getCaseNumber())).singleElement()
			.satisfies(e -> assertThat(e.holdsSeat()).isTrue());
	}

	@Test
	void shouldOfferASeatFoundAtTheWeeklyLookAtTheWaitlist() {
		fill(ARACAJU_CLASS);
		CaseFile file = household(ARACAJU, "Siqueira Campos");
		ProcessInstance placement = start(file, "Siqueira Campos");
		// cannot read in their own language: a literacy class, whatever they speak
		tasks.complete(placementOf(placement, "Marie").getId(),
				placement("A2", false, "[\"TUESDAY\",\"THURSDAY\"]", "EVENING"));
		ProcessInstance followUp = followUpOf(file.getCaseNumber(), Learners.ref(file.getCaseNumber(), 1));
		long entryId = (Long) runtime.getVariable(followUp.getId(), Variables.WAITLIST_ENTRY_ID);
		assertThat(seats.waitlistEntry(entryId).orElseThrow().need().level().name()).isEqualTo("PRE_LITERATE");

		// nothing free at the first look: waits again
		weekPasses(followUp);
		assertThat(followUp).hasPassed(Elements.RECHECK_WAITLIST).isWaitingAt(Elements.GW_WAIT_FOR_SEAT);

		// a seat comes (the manager raised the seats) and the next look offers it; this class is not wanted
		oneMoreSeat(ARACAJU_CLASS);
		weekPasses(followUp);
		assertThat(onlyTask(followUp).getTaskDefinitionKey()).isEqualTo(Elements.OFFER_SEAT);
		assertThat(runtime.getVariable(followUp.getId(), Variables.CLASS_CODE)).isEqualTo(ARACAJU_CLASS);
		tasks.complete(onlyTask(followUp).getId(), Map.of(Variables.OFFER_ANSWER, "KEEP_WAITING"));
		assertThat(seats.waitlistEntry(entryId).orElseThrow().status()).isEqualTo(WaitlistEntry.Status.WAITING);

		// offered again, but another learner is enrolled in the seat before the answer
		weekPasses(followUp);
		assertThat(onlyTask(followUp).getTaskDefinitionKey()).isEqualTo(Elements.OFFER_SEAT);
		assertThat(seats.enroll("ARA-OTHER-M1", "ARA-OTHER", ARACAJU_CLASS)).isPresent();
		tasks.complete(onlyTask(followUp).getId(), Map.of(Variables.OFFER_ANSWER, "ACCEPTED"));
		assertThat(followUp).isWaitingAt(Elements.GW_WAIT_FOR_SEAT);
		assertThat(seats.enrollmentsOfCase(file.getCaseNumber())).isEmpty();

		// and once more: the learner no longer wants a class
		oneMoreSeat(ARACAJU_CLASS);
		weekPasses(followUp);
		tasks.complete(onlyTask(followUp).getId(), Map.of(Variables.OFFER_ANSWER, "STOP_WAITING"));
		assertThat(followUp).hasPassed(Elements.DECLINE_OFFER, Elements.END_STOPPED_WAITING).isEnded();
		assertThat(seats.waitlistEntry(entryId).orElseThrow().status()).isEqualTo(WaitlistEntry.Status.CANCELLED);
	}

	@Test
	void shouldLookAgainAndWaitWhenAnotherLearnerTookTheLastSeat() {
		oneMoreSeat(CREMONA_CLASS);
		CaseFile file = household(CREMONA, "Centro");
		ProcessInstance instance = start(file, "Centro");
		tasks.complete(placementOf(instance, "Marie").getId(),
				placement("PRE_LITERATE", true, "[\"TUESDAY\",\"THURSDAY\"]", "EVENING"));
		assertThat(runtime.getVariable(onlyJobExecution(instance), Variables.CLASS_CODE)).isEqualTo(CREMONA_CLASS);

		// between the look-up and the seat, another learner takes the last one
		assertThat(seats.enroll("CRE-OTHER-M1", "CRE-OTHER", CREMONA_CLASS)).isPresent();
		executeJob(instance);

		assertThat(instance).hasPassed(Elements.TAKE_SEAT, Elements.ADD_TO_WAITLIST).isEnded();
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(Elements.FIND_CLASS)
			.count()).isEqualTo(2);
		ProcessInstance followUp = followUpOf(file.getCaseNumber(), Learners.ref(file.getCaseNumber(), 1));
		assertThat(followUp).isWaitingAt(Elements.GW_WAIT_FOR_SEAT);
		assertThat(seats.enrollmentsOfCase(file.getCaseNumber())).isEmpty();
	}

	String onlyJobExecution(ProcessInstance instance) {
		return management.createJobQuery().processInstanceId(instance.getId()).singleResult().getExecutionId();
	}

	@Test
	void shouldRefuseAPlacementInItalianAtCremonaNamingTheDaysAsWords() {
		CaseFile file = household(CREMONA, "Po");
		ProcessInstance instance = start(file, "Po");
		String taskId = placementOf(instance, "Marie").getId();

		assertThatThrownBy(() -> tasks.complete(taskId, placement("A1", true, "[\"MOONDAY\"]", "EVENING")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Correggere per favore: Giorni in cui può venire: 'MOONDAY' non è tra le opzioni: Lunedì,"
					+ " Martedì, Mercoledì, Giovedì, Venerdì, Sabato, Domenica");
		assertThat(instance).isWaitingAt(Elements.PLACEMENT);
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseAPlacementWithoutDaysAndKeepTheTaskOpen() {
		CaseFile file = household(SOROCABA, "Éden");
		ProcessInstance instance = start(file, "Éden");
		String taskId = placementOf(instance, "Marie").getId();
		Map<String, Object> noDays = new HashMap<>(placement("A1", true, "[]", "EVENING"));

		assertThatThrownBy(() -> tasks.complete(taskId, noDays)).isInstanceOf(InvalidFormException.class)
			.hasMessage("Por favor, corrija: Dias em que pode vir: escolha pelo menos um");
		Map<String, Object> badLevel = new HashMap<>(placement("C2", true, "[\"MONDAY\"]", "EVENING"));
		assertThatThrownBy(() -> tasks.complete(taskId, badLevel)).isInstanceOf(InvalidFormException.class)
			.hasMessage("Por favor, corrija: Nível na língua local: 'C2' não é uma das opções: "
					+ Stream.of("PRE_LITERATE", "BEGINNER", "A1", "A2", "B1")
						.map(level -> FormLabels.of("literacy-placement", "pt-BR").option("level", level))
						.collect(Collectors.joining(", ")));

		assertThat(instance).isWaitingAt(Elements.PLACEMENT);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM class_waitlist WHERE case_number = ?", Integer.class,
				file.getCaseNumber())).isZero();
	}

	@Test
	void shouldShowThePlacementFormInTheWorkersLanguage() {
		CaseFile sorocaba = household(SOROCABA, "Éden");
		CaseFile cremona = household(CREMONA, "Centro");
		String inSorocaba = placementOf(start(sorocaba, "Éden"), "Marie").getId();
		String inCremona = placementOf(start(cremona, "Centro"), "Marie").getId();

		identity.setAuthentication("davi", List.of("literacy", "literacy." + SOROCABA));
		String sorocabaForm = formText(inSorocaba);
		assertThat(DeployedForm.of(sorocabaForm).id()).isEqualTo("literacy-placement");
		assertThat(sorocabaForm).contains("Dias em que pode vir");
		identity.setAuthentication("luca", List.of("literacy", "literacy." + CREMONA));
		String cremonaForm = formText(inCremona);
		assertThat(DeployedForm.of(cremonaForm).id()).isEqualTo("literacy-placement");
		assertThat(cremonaForm).contains("Giorni in cui può venire");
		identity.clearAuthentication();
		assertThat(tasks.createTaskQuery().taskId(inCremona).singleResult().getName())
			.startsWith("Valutazione per corso di italiano");
	}

	String formText(String taskId) {
		try (InputStream form = forms.getDeployedTaskForm(taskId)) {
			return new String(form.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void shouldTranslateEveryFormOfTheProcess() {
		List<String> deployed = engine.getRepositoryService()
			.createDeploymentQuery()
			.list()
			.stream()
			.flatMap(d -> engine.getRepositoryService().getDeploymentResourceNames(d.getId()).stream())
			.map(name -> name.substring(name.lastIndexOf('/') + 1))
			.toList();
		List<String> missing = new ArrayList<>();
		for (String form : List.of("literacy-placement", "literacy-school", "literacy-arrange-school",
				"literacy-attendance", "literacy-follow-up-call", "literacy-seat-offer")) {
			if (!deployed.contains(form + ".form")) {
				missing.add(form + ".form");
			}
			for (String language : List.of(WorkLanguage.PT_BR, WorkLanguage.IT)) {
				if (ProtocolTexts.fromClasspath(ProtocolTexts.fileName(form, language)).isEmpty()) {
					missing.add(ProtocolTexts.fileName(form, language));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

}
