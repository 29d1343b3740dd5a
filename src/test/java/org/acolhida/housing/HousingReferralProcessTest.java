package org.acolhida.housing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.Relation;
import org.acolhida.housing.HousingReferralProcess.Elements;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.InvalidFormException;
import org.acolhida.language.WorkLanguage;
import org.acolhida.language.Words;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.ShownToWorkers;
import org.acolhida.support.FormLabels;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of {@code housing-referral.bpmn} and {@code housing-stay.bpmn}, on the embedded engine
 * with the demo network (Sorocaba and Cremona shelters) and the real capacity tables on H2. The
 * clock is moved for the hold expiry, the daily re-check and the escalation.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:housing-referral-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false",
		// no monthly-report calendar started while the context loads, before coverage is set up
		"acolhida.monthly-report.calendar=false",
		// only the housing diagrams: this test does not depend on the other features' protocols
		"camunda.bpm.deployment-resource-pattern=classpath*:**/housing-*.bpmn,classpath*:**/*.form" })
@ActiveProfiles("demo")
@Import({ ProcessEngineCoverageConfiguration.class, HousingReferralProcessTest.Coverage.class })
class HousingReferralProcessTest {

	@TestConfiguration
	static class Coverage {

		@Bean
		ProcessEngineCoverageProperties coverageProperties() {
			return ProcessEngineCoverageProperties.Companion.builder()
				.assertClassCoverageAtLeast(0.9)
				.excludeProcessDefinitionKeys("reception", "documentation-guidance", "literacy-enrollment")
				.build();
		}

	}

	static final String SOR_MIGRANTS = "SOR-ACOLHIDA-MIGRANTE";

	static final String SOR_FAMILIES = "SOR-ABRIGO-RECOMECO";

	static final String SOR_WOMEN = "SOR-CASA-MULHER";

	static final String CRE_MEN = "CRE-CASA-ACCOGLIENZA";

	static final String CRE_FAMILIES = "CRE-CASA-FAMIGLIE";

	@Autowired
	ComposedTexts texts;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	IdentityService identity;

	@Autowired
	ManagementService management;

	@Autowired
	CaseFiles cases;

	@Autowired
	HousingReferralService referrals;

	@Autowired
	ShelterCapacity capacity;

	@Autowired
	HousingWaitlist waitlist;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		init(engine);
	}

	/** Each test starts from empty shelters: the tests share one database. */
	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identity.clearAuthentication();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery().list()) {
			runtime.deleteProcessInstance(instance.getId(), "test over", true, true);
		}
		jdbc.update("UPDATE bed_hold SET status = 'RELEASED', held_case = NULL, ended_at = expires_at WHERE status = 'HELD'");
		jdbc.update("UPDATE placement SET ended_at = since, end_reason = 'test over' WHERE ended_at IS NULL");
		jdbc.update("UPDATE waitlist_entry SET status = 'WITHDRAWN', waiting_case = NULL, ended_at = since WHERE status = 'WAITING'");
		jdbc.update("UPDATE shelter_capacity SET held = 0, occupied = 0");
		jdbc.update("UPDATE service_unit SET active = TRUE WHERE kind = 'SHELTER'");
	}

	// ---------------------------------------------------------------- helpers

	/** A case at the unit with a reference person aged 35 and children of the given ages. */
	String household(String unit, String district, String language, int... childrenAges) {
		LocalDate today = LocalDate.now();
		CaseFile file = cases.open(new NewCase(unit, new NewPerson(null, "Marie", "Joseph", today.minusYears(35),
				"Haiti", List.of(language), List.of()), district, false), "ana");
		List<NewPerson> children = new ArrayList<>();
		for (int age : childrenAges) {
			children.add(new NewPerson(Relation.CHILD, "Child" + children.size(), "Joseph",
					today.minusYears(age).minusDays(10), "Haiti", List.of(language), List.of()));
		}
		cases.registerHousehold(file.getCaseNumber(), children);
		return file.getCaseNumber();
	}

	ProcessInstance refer(String caseNumber, boolean immediate, String adultsAre) {
		ProcessInstance instance = referrals.refer(caseNumber, immediate);
		assertThat(instance).hasBusinessKey(caseNumber).isWaitingAt(Elements.HOUSEHOLD_NEEDS);
		complete(task(instance, Elements.HOUSEHOLD_NEEDS), withVariables(Variables.ADULTS_ARE, adultsAre,
				Variables.WHEELCHAIR_NEEDED, false));
		return instance;
	}

	Task task(ProcessInstance instance, String taskId) {
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).singleResult();
		assertThat(task).as("open task " + taskId).isNotNull();
		// every task a test works on is read as a worker of its unit reads it: no raw code, no ISO date
		ShownToWorkers.assertNoRawCode(task, tasks, forms, identity);
		return task;
	}

	List<String> groupsOf(Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
	}

	@SuppressWarnings("unchecked")
	List<String> candidateCodes(ProcessInstance instance) {
		Object candidates = runtime.getVariable(instance.getId(), Variables.SHELTER_CANDIDATES);
		return org.camunda.spin.Spin.JSON(candidates.toString()).elements().stream()
			.map(node -> node.prop("code").stringValue()).toList();
	}

	void choose(ProcessInstance instance, String shelter) {
		complete(task(instance, Elements.CHOOSE_SHELTER), withVariables(Variables.CHOSEN_SHELTER, shelter,
				Variables.REFERRAL_NOTES, "needs a ground-floor room"));
	}

	ShelterOccupancy occupancy(String shelter) {
		return capacity.occupancy(null).stream().filter(o -> o.code().equals(shelter)).findFirst().orElseThrow();
	}

	void fill(String shelter, int freeLeft) {
		jdbc.update("UPDATE shelter_capacity SET occupied = total - ? WHERE service_unit = "
				+ "(SELECT id FROM service_unit WHERE code = ?)", freeLeft, shelter);
	}

	void moveClock(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

	void runTimer(ProcessInstance instance, String activityId) {
		Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(timer).as("timer " + activityId).isNotNull();
		management.executeJob(timer.getId());
	}

	/** Delivers the asynchronous "beds freed" signals, as the job executor would. */
	int deliverSignals() {
		List<Job> deliveries = management.createJobQuery().messages().list();
		for (Job job : deliveries) {
			management.executeJob(job.getId());
		}
		return deliveries.size();
	}

	// ---------------------------------------------------------------- paths

	@Test
	void shouldPlaceAFamilyWhenTheShelterAcceptsAndFreeTheBedsWhenItLeaves() {
		String caseNumber = household("SOR-CRAS-NORTE", "Centro", "ht", 5);
		ProcessInstance instance = refer(caseNumber, false, "WOMEN");

		assertThat(instance).hasPassed(Elements.FIND_SHELTERS).isWaitingAt(Elements.CHOOSE_SHELTER)
			.hasNotPassed(Elements.EMERGENCY_PLACEMENT);
		// a mother with a child fits all three Sorocaba shelters: the houses made for her first (the women's
		// house in her district before the families' one elsewhere), the one that takes anyone last
		assertThat(candidateCodes(instance)).containsExactly(SOR_WOMEN, SOR_FAMILIES, SOR_MIGRANTS);
		assertThat(runtime.getVariable(instance.getId(), Variables.SHELTER_OPTIONS).toString())
			.contains("Casa de Acolhida do Migrante · acolhe qualquer pessoa · 30 vagas livres · mesmo bairro · fala haitiano");
		// no names, and in the words of the unit (Sorocaba: Portuguese)
		Words pt = texts.in(WorkLanguage.PT_BR);
		assertThat(runtime.getVariable(instance.getId(), Variables.HOUSEHOLD_SUMMARY))
			.isEqualTo(pt.text("household.withChildren", pt.text("household.adult", 1), pt.text("household.child", 1, 5))
					+ "; " + pt.text("household.womenAlone") + "; " + pt.text("household.speaks", "haitiano"))
			.isNotEqualTo(texts.in(WorkLanguage.EN).text("household.adult", 1) + ", "
					+ texts.in(WorkLanguage.EN).text("household.child", 1, 5) + "; "
					+ texts.in(WorkLanguage.EN).text("household.womenAlone") + "; "
					+ texts.in(WorkLanguage.EN).text("household.speaks", "ht"));
		Task choose = task(instance, Elements.CHOOSE_SHELTER);
		assertThat(groupsOf(choose)).containsExactly("housing.SOR-CRAS-NORTE");
		assertThat(choose.getName()).isEqualTo("Escolher um abrigo · " + caseNumber + " · Marie Joseph");

		choose(instance, SOR_MIGRANTS);

		assertThat(instance).hasPassed(Elements.HOLD_BEDS).isWaitingAt(Elements.SHELTER_ANSWER);
		assertThat(occupancy(SOR_MIGRANTS).held()).isEqualTo(2);
		Task answer = task(instance, Elements.SHELTER_ANSWER);
		assertThat(groupsOf(answer)).containsExactly("shelter." + SOR_MIGRANTS);
		Date expires = (Date) runtime.getVariable(instance.getId(), Variables.HOLD_EXPIRES_AT);
		BedHold hold = capacity.findHold(((Number) runtime.getVariable(instance.getId(), Variables.HOLD_ID)).longValue())
			.orElseThrow();
		assertThat(Duration.between(hold.heldAt(), hold.expiresAt())).isEqualTo(Duration.ofHours(48));
		assertThat(Duration.between(hold.expiresAt(), expires.toInstant())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
		assertThat(answer.getDueDate()).isEqualTo(expires);

		complete(answer, withVariables(Variables.SHELTER_ANSWER, "ACCEPT"));

		assertThat(instance).hasPassed(Elements.CONFIRM_PLACEMENT, Elements.START_STAY, Elements.END_PLACED).isEnded();
		Placement placement = capacity.currentPlacement(caseNumber).orElseThrow();
		assertThat(placement.shelterCode()).isEqualTo(SOR_MIGRANTS);
		assertThat(placement.beds()).isEqualTo(2);
		assertThat(occupancy(SOR_MIGRANTS)).extracting(ShelterOccupancy::held, ShelterOccupancy::occupied)
			.containsExactly(0, 2);
		ProcessInstance stay = runtime.createProcessInstanceQuery().processDefinitionKey(HousingReferralProcess.STAY_KEY)
			.processInstanceBusinessKey(caseNumber).singleResult();
		assertThat(stay).isWaitingAt(Elements.RECORD_DEPARTURE);
		assertThat(groupsOf(task(stay, Elements.RECORD_DEPARTURE))).containsExactly("housing.SOR-CRAS-NORTE");

		complete(task(stay, Elements.RECORD_DEPARTURE), withVariables(Variables.DEPARTURE_REASON, "rented a flat"));

		assertThat(stay).hasPassed(Elements.FREE_BEDS, Elements.STAY_THROW_BEDS_FREED).isEnded();
		assertThat(capacity.currentPlacement(caseNumber)).isEmpty();
		assertThat(occupancy(SOR_MIGRANTS).occupied()).isZero();
	}

	@Test
	void shouldShowTheReferralOnlyToTheChosenSheltersStaffInTheirLanguage() {
		String caseNumber = household("CRE-CARITAS-IMMIGRAZIONE", "Zaist", "en", 3);
		ProcessInstance instance = refer(caseNumber, false, "MIXED");
		assertThat(candidateCodes(instance)).containsExactly(CRE_FAMILIES);
		identity.setAuthentication("sara", List.of("housing", "housing.CRE-CARITAS-IMMIGRAZIONE"));
		choose(instance, CRE_FAMILIES);
		identity.clearAuthentication();
		String answerId = task(instance, Elements.SHELTER_ANSWER).getId();
		long holdId = ((Number) runtime.getVariable(instance.getId(), Variables.HOLD_ID)).longValue();
		assertThat(capacity.findHold(holdId).orElseThrow().heldBy()).isEqualTo("sara");

		identity.setAuthentication("francesca", List.of("shelter", "shelter." + CRE_FAMILIES, CRE_FAMILIES));
		List<Task> francescaSees = tasks.createTaskQuery().listPage(0, 100);
		String formKey = forms.getTaskFormData(answerId).getCamundaFormRef().getKey();
		DeployedForm francescaReads = DeployedForm.of(forms.getDeployedTaskForm(answerId));
		identity.setAuthentication("paula", List.of("shelter", "shelter." + SOR_MIGRANTS, SOR_MIGRANTS));
		List<Task> paulaSees = tasks.createTaskQuery().listPage(0, 100);
		identity.clearAuthentication();

		assertThat(francescaSees).extracting(Task::getId).containsExactly(answerId);
		assertThat(paulaSees).isEmpty();
		assertThat(formKey).isEqualTo("housing-shelter-answer");
		assertThat(francescaReads.id()).isEqualTo("housing-shelter-answer");
		assertThat(francescaReads.label("shelterAnswer"))
			.isEqualTo(FormLabels.of("housing-shelter-answer", "it").label("shelterAnswer"))
			.isNotEqualTo(FormLabels.of("housing-shelter-answer", "en").label("shelterAnswer"));
		assertThat(tasks.createTaskQuery().taskId(answerId).singleResult().getName())
			.isEqualTo("Rispondere all'invio · " + caseNumber + " · Marie Joseph");

		// the shelter's own staff answer under the engine's authorization checks
		identity.setAuthentication("francesca", List.of("shelter", "shelter." + CRE_FAMILIES, CRE_FAMILIES));
		tasks.complete(answerId, Map.of(Variables.SHELTER_ANSWER, "ACCEPT"));
		identity.clearAuthentication();

		assertThat(instance).isEnded();
		assertThat(capacity.currentPlacement(caseNumber).orElseThrow().shelterCode()).isEqualTo(CRE_FAMILIES);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(HousingReferralProcess.STAY_KEY)
			.processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseADeclineWithoutAReasonInItalianAtCremonaAndKeepTheTaskOpen() {
		String caseNumber = household("CRE-CARITAS-IMMIGRAZIONE", "Po", "fr", 7);
		ProcessInstance instance = refer(caseNumber, false, "WOMEN");
		choose(instance, CRE_FAMILIES);
		String answerId = task(instance, Elements.SHELTER_ANSWER).getId();

		assertThatThrownBy(() -> tasks.complete(answerId, Map.of(Variables.SHELTER_ANSWER, "DECLINE",
				Variables.DECLINE_REASON, " ")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Correggere per favore: Motivo del rifiuto: è obbligatorio quando si rifiuta");
		assertThat(instance).isWaitingAt(Elements.SHELTER_ANSWER);
		assertThat(tasks.createTaskQuery().taskId(answerId).count()).isEqualTo(1);
	}

	@Test
	void shouldOfferAnotherShelterAfterADeclineAndNeverTheDecliningOneAgain() {
		String caseNumber = household("SOR-CRAS-NORTE", "Éden", "es", 2, 9);
		ProcessInstance instance = refer(caseNumber, false, "WOMEN");
		choose(instance, SOR_FAMILIES);
		Task answer = task(instance, Elements.SHELTER_ANSWER);

		assertThatThrownBy(() -> tasks.complete(answer.getId(), Map.of(Variables.SHELTER_ANSWER, "DECLINE")))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Por favor, corrija: Motivo da recusa: é obrigatório ao recusar");
		assertThat(instance).isWaitingAt(Elements.SHELTER_ANSWER);
		assertThat(occupancy(SOR_FAMILIES).held()).isEqualTo(3);

		complete(answer, withVariables(Variables.SHELTER_ANSWER, "DECLINE", Variables.DECLINE_REASON,
				"no cot for the baby this week"));

		assertThat(instance).hasPassed(Elements.RECORD_DECLINE, Elements.THROW_BEDS_FREED)
			.hasNotPassed(Elements.HOLD_EXPIRED_NOTICE).isWaitingAt(Elements.CHOOSE_SHELTER);
		assertThat(occupancy(SOR_FAMILIES).held()).isZero();
		assertThat(candidateCodes(instance)).doesNotContain(SOR_FAMILIES).contains(SOR_MIGRANTS, SOR_WOMEN);
		assertThat(runtime.getVariable(instance.getId(), Variables.REFERRAL_PROBLEM))
			.isEqualTo(texts.in(WorkLanguage.PT_BR).text("referralProblem.declined", "Abrigo Familiar Recomeço",
					"no cot for the baby this week"));

		choose(instance, SOR_WOMEN);
		complete(task(instance, Elements.SHELTER_ANSWER), withVariables(Variables.SHELTER_ANSWER, "ACCEPT"));

		assertThat(instance).isEnded();
		assertThat(capacity.currentPlacement(caseNumber).orElseThrow().shelterCode()).isEqualTo(SOR_WOMEN);
	}

	@Test
	void shouldReleaseAnExpiredHoldTellTheCoordinatorAndOfferTheNextCandidate() {
		String caseNumber = household("SOR-CRAS-NORTE", "Centro", "fr");
		ProcessInstance instance = refer(caseNumber, false, "MEN");
		assertThat(candidateCodes(instance)).containsExactly(SOR_MIGRANTS);
		choose(instance, SOR_MIGRANTS);
		assertThat(occupancy(SOR_MIGRANTS).held()).isEqualTo(1);
		long holdId = ((Number) runtime.getVariable(instance.getId(), Variables.HOLD_ID)).longValue();

		moveClock(Duration.ofHours(47));
		assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(Elements.HOLD_EXPIRED_TIMER)
			.duedateLowerThan(ClockUtil.getCurrentTime()).count()).isZero();
		moveClock(Duration.ofHours(1).plusSeconds(2));
		runTimer(instance, Elements.HOLD_EXPIRED_TIMER);

		assertThat(instance).hasPassed(Elements.EXPIRE_HOLD, Elements.THROW_BEDS_FREED)
			.isWaitingAt(Elements.HOLD_EXPIRED_NOTICE, Elements.CHOOSE_SHELTER);
		assertThat(occupancy(SOR_MIGRANTS).held()).isZero();
		assertThat(capacity.findHold(holdId).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
		assertThat(groupsOf(task(instance, Elements.HOLD_EXPIRED_NOTICE))).containsExactly("coordinator.SOR-CRAS-NORTE");
		assertThat(runtime.getVariable(instance.getId(), Variables.REFERRAL_PROBLEM))
			.isEqualTo(texts.in(WorkLanguage.PT_BR).text("referralProblem.expired", "Casa de Acolhida do Migrante"));
		// nobody declined: the same shelter may be offered again (the coordinator calls it)
		assertThat(candidateCodes(instance)).containsExactly(SOR_MIGRANTS);

		complete(task(instance, Elements.HOLD_EXPIRED_NOTICE), withVariables(Variables.COORDINATOR_NOTES, "called them"));
		choose(instance, SOR_MIGRANTS);
		complete(task(instance, Elements.SHELTER_ANSWER), withVariables(Variables.SHELTER_ANSWER, "ACCEPT"));

		assertThat(instance).hasPassed(Elements.END_EXPIRY_NOTED, Elements.END_PLACED).isEnded();
	}

	@Test
	void shouldSearchAgainWhenTheChosenShelterFilledUpOrWasClosedMeanwhile() {
		String caseNumber = household("SOR-CRAS-NORTE", "Éden", "es", 4);
		ProcessInstance instance = refer(caseNumber, false, "WOMEN");
		assertThat(candidateCodes(instance)).contains(SOR_FAMILIES, SOR_WOMEN);

		fill(SOR_FAMILIES, 1); // someone else took the beds since the search
		choose(instance, SOR_FAMILIES);

		assertThat(instance).hasPassed(Elements.HOLD_BEDS).hasNotPassed(Elements.SHELTER_ANSWER)
			.isWaitingAt(Elements.CHOOSE_SHELTER);
		assertThat(runtime.getVariable(instance.getId(), Variables.HOLD_OUTCOME)).isEqualTo("NO_ROOM");
		assertThat(runtime.getVariable(instance.getId(), Variables.REFERRAL_PROBLEM))
			.isEqualTo(texts.in(WorkLanguage.PT_BR).text("referralProblem.NO_ROOM", "Abrigo Familiar Recomeço", 2));
		assertThat(candidateCodes(instance)).doesNotContain(SOR_FAMILIES);

		jdbc.update("UPDATE service_unit SET active = FALSE WHERE code = ?", SOR_WOMEN);
		choose(instance, SOR_WOMEN);

		assertThat(runtime.getVariable(instance.getId(), Variables.HOLD_OUTCOME)).isEqualTo("SHELTER_INACTIVE");
		assertThat(candidateCodes(instance)).containsExactly(SOR_MIGRANTS);
		assertThat(occupancy(SOR_WOMEN).held()).isZero();
		assertThat(instance).isWaitingAt(Elements.CHOOSE_SHELTER);
	}

	@Test
	void shouldSearchAgainWhenTheHoldEndedBeforeTheShelterAccepted() {
		String caseNumber = household("SOR-CRAS-NORTE", "Centro", "pt");
		ProcessInstance instance = refer(caseNumber, false, "MIXED");
		choose(instance, SOR_MIGRANTS);
		long holdId = ((Number) runtime.getVariable(instance.getId(), Variables.HOLD_ID)).longValue();
		capacity.release(holdId, "withdrawn by phone");

		complete(task(instance, Elements.SHELTER_ANSWER), withVariables(Variables.SHELTER_ANSWER, "ACCEPT"));

		assertThat(instance).hasPassed(Elements.CONFIRM_PLACEMENT).hasNotPassed(Elements.START_STAY)
			.isWaitingAt(Elements.CHOOSE_SHELTER);
		assertThat(runtime.getVariable(instance.getId(), Variables.PLACED)).isEqualTo(false);
		assertThat(capacity.currentPlacement(caseNumber)).isEmpty();
		assertThat(occupancy(SOR_MIGRANTS)).extracting(ShelterOccupancy::held, ShelterOccupancy::occupied)
			.containsExactly(0, 0);
	}

	@Test
	void shouldWaitlistWhenNoShelterHasRoomAndPlaceWhenADepartureFreesBeds() {
		fill(CRE_MEN, 1);
		String first = household("CRE-CARITAS-IMMIGRAZIONE", "Po", "ar");
		ProcessInstance firstReferral = refer(first, false, "MEN");
		choose(firstReferral, CRE_MEN);
		complete(task(firstReferral, Elements.SHELTER_ANSWER), withVariables(Variables.SHELTER_ANSWER, "ACCEPT"));
		assertThat(occupancy(CRE_MEN).free()).isZero();

		String second = household("CRE-CARITAS-IMMIGRAZIONE", "Centro", "fr");
		ProcessInstance instance = refer(second, false, "MEN");

		assertThat(instance).hasPassed(Elements.ADD_TO_WAITLIST).isWaitingAt(Elements.GW_WAIT_FOR);
		assertThat(waitlist.list("Cremona")).extracting(WaitlistEntry::caseNumber).containsExactly(second);

		// the daily re-check finds nothing yet and waits again
		moveClock(Duration.ofHours(24).plusMinutes(1));
		runTimer(instance, Elements.DAILY_RECHECK);
		assertThat(instance).hasPassed(Elements.RECHECK).isWaitingAt(Elements.GW_WAIT_FOR);

		referrals.departed(first, "moved to relatives in Milan");
		assertThat(occupancy(CRE_MEN).free()).isEqualTo(1);
		assertThat(deliverSignals()).isEqualTo(1);

		assertThat(instance).hasPassed(Elements.BEDS_FREED).isWaitingAt(Elements.CHOOSE_SHELTER);
		assertThat(candidateCodes(instance)).containsExactly(CRE_MEN);
		choose(instance, CRE_MEN);
		complete(task(instance, Elements.SHELTER_ANSWER), withVariables(Variables.SHELTER_ANSWER, "ACCEPT"));

		assertThat(instance).isEnded();
		assertThat(capacity.currentPlacement(second).orElseThrow().shelterCode()).isEqualTo(CRE_MEN);
		assertThat(waitlist.entryOf(second)).isEmpty();
		ProcessInstance firstStay = runtime.createProcessInstanceQuery().processInstanceBusinessKey(first)
			.processDefinitionKey(HousingReferralProcess.STAY_KEY).singleResult();
		assertThat(firstStay).isNull();
		assertThatThrownBy(() -> referrals.departed(first, "again"))
			.isInstanceOf(MismatchingMessageCorrelationException.class);
	}

	@Test
	void shouldEscalateALongWaitToTheCoordinatorWhoMayEndItAsHousedOutside() {
		fill(CRE_MEN, 0);
		String caseNumber = household("CRE-CARITAS-IMMIGRAZIONE", "Po", "ur");
		ProcessInstance instance = refer(caseNumber, false, "MEN");
		assertThat(instance).isWaitingAt(Elements.GW_WAIT_FOR);
		Job escalation = management.createJobQuery().processInstanceId(instance.getId())
			.activityId(Elements.WAITLIST_ESCALATION_TIMER).singleResult();
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), escalation.getDuedate().toInstant()))
			.isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24));

		moveClock(Duration.ofHours(24).plusMinutes(1));
		runTimer(instance, Elements.WAITLIST_ESCALATION_TIMER);

		assertThat(instance).isWaitingAt(Elements.WAITLIST_ESCALATION, Elements.GW_WAIT_FOR);
		assertThat(groupsOf(task(instance, Elements.WAITLIST_ESCALATION)))
			.containsExactly("coordinator.CRE-CARITAS-IMMIGRAZIONE");

		complete(task(instance, Elements.WAITLIST_ESCALATION), withVariables(Variables.ESCALATION_DECISION,
				"HOUSED_OUTSIDE", Variables.COORDINATOR_NOTES, "a parish took him in"));

		assertThat(instance).hasPassed(Elements.WITHDRAW_FROM_WAITLIST, Elements.END_HOUSED_OUTSIDE).isEnded();
		assertThat(waitlist.entryOf(caseNumber)).isEmpty();
	}

	@Test
	void shouldGiveAnImmediateCaseAnEmergencyTaskAtOnceAndEscalateAfterTwoHours() {
		fill(CRE_MEN, 0);
		String caseNumber = household("CRE-CARITAS-IMMIGRAZIONE", "Po", "ar");
		ProcessInstance instance = referrals.refer(caseNumber, true);

		// at once: before anybody has looked at the household's needs
		assertThat(instance).isWaitingAt(Elements.EMERGENCY_PLACEMENT, Elements.HOUSEHOLD_NEEDS);
		complete(task(instance, Elements.HOUSEHOLD_NEEDS), withVariables(Variables.ADULTS_ARE, "MEN"));

		assertThat(instance).isWaitingAt(Elements.EMERGENCY_PLACEMENT, Elements.GW_WAIT_FOR);
		assertThat(groupsOf(task(instance, Elements.EMERGENCY_PLACEMENT)))
			.containsExactly("housing.CRE-CARITAS-IMMIGRAZIONE");
		assertThat(waitlist.list("Cremona").get(0)).extracting(WaitlistEntry::caseNumber, WaitlistEntry::immediate)
			.containsExactly(caseNumber, true);
		Job escalation = management.createJobQuery().processInstanceId(instance.getId())
			.activityId(Elements.WAITLIST_ESCALATION_TIMER).singleResult();
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), escalation.getDuedate().toInstant()))
			.isBetween(Duration.ofHours(2).minusMinutes(1), Duration.ofHours(2));

		complete(task(instance, Elements.EMERGENCY_PLACEMENT), withVariables(Variables.EMERGENCY_SHELTER,
				"night shelter of the parish", Variables.EMERGENCY_NOTES, "one night"));
		moveClock(Duration.ofHours(2).plusMinutes(1));
		runTimer(instance, Elements.WAITLIST_ESCALATION_TIMER);
		complete(task(instance, Elements.WAITLIST_ESCALATION), withVariables(Variables.ESCALATION_DECISION,
				"KEEP_WAITING"));

		assertThat(instance).hasPassed(Elements.END_EMERGENCY, Elements.END_KEEP_WAITING)
			.isWaitingAt(Elements.GW_WAIT_FOR);
		assertThat(waitlist.entryOf(caseNumber)).isPresent();
	}

	@Test
	void shouldSendAHouseholdLargerThanAnyShelterToTheCoordinator() {
		int[] twelveChildren = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		String caseNumber = household("CRE-CARITAS-IMMIGRAZIONE", "Zaist", "it", twelveChildren);
		ProcessInstance instance = refer(caseNumber, false, "WOMEN");

		assertThat(instance).hasNotPassed(Elements.ADD_TO_WAITLIST).isWaitingAt(Elements.NO_SHELTER_FITS);
		assertThat(runtime.getVariable(instance.getId(), Variables.HOUSEHOLD_SIZE)).isEqualTo(13);
		assertThat(groupsOf(task(instance, Elements.NO_SHELTER_FITS))).containsExactly("coordinator.CRE-CARITAS-IMMIGRAZIONE");

		complete(task(instance, Elements.NO_SHELTER_FITS), withVariables(Variables.NO_FIT_DECISION, "SEARCH_AGAIN"));
		assertThat(instance).isWaitingAt(Elements.NO_SHELTER_FITS);
		complete(task(instance, Elements.NO_SHELTER_FITS), withVariables(Variables.NO_FIT_DECISION, "HOUSED_OUTSIDE",
				Variables.COORDINATOR_NOTES, "two flats of the municipality"));

		assertThat(instance).hasPassed(Elements.END_NO_SHELTER).isEnded();
		assertThat(waitlist.entryOf(caseNumber)).isEmpty();
		assertThat(capacity.currentPlacement(caseNumber)).isEmpty();
	}

	@Test
	void shouldGiveBackHeldBedsAndTheWaitlistPlaceWhenAReferralIsCancelled() {
		String held = household("SOR-CRAS-NORTE", "Centro", "ht");
		ProcessInstance holding = refer(held, false, "MEN");
		choose(holding, SOR_MIGRANTS);
		long holdId = ((Number) runtime.getVariable(holding.getId(), Variables.HOLD_ID)).longValue();
		fill(CRE_MEN, 0);
		String waiting = household("CRE-CARITAS-IMMIGRAZIONE", "Po", "ar");
		ProcessInstance waitlisted = refer(waiting, false, "MEN");
		assertThat(occupancy(SOR_MIGRANTS).held()).isEqualTo(1);
		assertThat(waitlist.entryOf(waiting)).isPresent();

		runtime.deleteProcessInstance(holding.getId(), "case closed");
		runtime.deleteProcessInstance(waitlisted.getId(), "case closed");

		assertThat(occupancy(SOR_MIGRANTS).held()).isZero();
		assertThat(capacity.findHold(holdId).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
		assertThat(waitlist.entryOf(waiting)).isEmpty();
	}

	@Test
	void shouldLetTheCoordinatorSearchAgainOnceAShelterCanTakeTheHousehold() {
		String caseNumber = household("SOR-CRAS-NORTE", "Centro", "es");
		jdbc.update("UPDATE service_unit SET active = FALSE WHERE code IN (?, ?, ?)", SOR_MIGRANTS, SOR_FAMILIES,
				SOR_WOMEN);
		ProcessInstance instance = refer(caseNumber, false, "MEN");
		assertThat(instance).isWaitingAt(Elements.NO_SHELTER_FITS);

		jdbc.update("UPDATE service_unit SET active = TRUE WHERE code = ?", SOR_MIGRANTS);
		complete(task(instance, Elements.NO_SHELTER_FITS), withVariables(Variables.NO_FIT_DECISION, "SEARCH_AGAIN"));

		assertThat(instance).isWaitingAt(Elements.CHOOSE_SHELTER);
		assertThat(candidateCodes(instance)).containsExactly(SOR_MIGRANTS);
	}

}
