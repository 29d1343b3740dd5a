package org.acolhida.reception;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.CaseStatus;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.NewPerson.NewDocument;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.InvalidFormException;
import org.acolhida.language.WorkLanguage;
import org.acolhida.language.Words;
import org.acolhida.literacy.LiteracyEnrollmentProcess;
import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.FormLabels;
import org.acolhida.support.ShownToWorkers;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Every path of {@code reception.bpmn}, on the embedded engine with the demo network. */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:reception-process;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false",
		// no monthly-report calendar started while the context loads, before coverage is set up
		"acolhida.monthly-report.calendar=false" })
@ActiveProfiles("demo")
@Import({ ProcessEngineCoverageConfiguration.class, ReceptionProcessTest.Coverage.class })
class ReceptionProcessTest {

	@TestConfiguration
	static class Coverage {

		@Bean
		ProcessEngineCoverageProperties coverageProperties() {
			return ProcessEngineCoverageProperties.Companion.builder()
				.assertClassCoverageAtLeast(0.9)
				.excludeProcessDefinitionKeys(ReceptionProcess.DOCUMENTATION_GUIDANCE,
						ReceptionProcess.HOUSING_REFERRAL, "housing-stay", ReceptionProcess.LITERACY_ENROLLMENT)
				.build();
		}

	}

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
	CaseFiles cases;

	@Autowired
	ReceptionService receptions;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		init(engine);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	static Map<String, Object> startForm(String unit, String given, String family, String birthDate, String document) {
		Map<String, Object> form = new HashMap<>();
		form.put(Variables.UNIT_CODE, unit);
		form.put(Variables.GIVEN_NAME, given);
		form.put(Variables.FAMILY_NAME, family);
		form.put(Variables.BIRTH_DATE, birthDate);
		form.put(Variables.NATIONALITY, "Haiti");
		form.put(Variables.LANGUAGES, "ht, fr");
		form.put(Variables.DISTRICT, "Éden");
		form.put(Variables.INTERPRETER_NEEDED, true);
		if (document != null) {
			form.put(Variables.DOCUMENT_TYPE, "PASSPORT");
			form.put(Variables.DOCUMENT_NUMBER, document);
		}
		return form;
	}

	static Map<String, Object> listening(String... needs) {
		Map<String, Object> answers = new HashMap<>();
		for (String flag : List.of(Variables.NEEDS_DOCUMENTATION, Variables.NEEDS_HOUSING, Variables.NEEDS_LITERACY,
				Variables.NEEDS_LEGAL_AID, Variables.NEEDS_HEALTH, Variables.SLEEPING_ROUGH_TONIGHT,
				Variables.CHILDREN_IN_HOUSEHOLD, Variables.PROTECTION_CONCERN, Variables.CONSENT_TO_SHARE)) {
			answers.put(flag, List.of(needs).contains(flag));
		}
		return answers;
	}

	ProcessInstance startAtDesk(String unit, String given, String document) {
		return runtime.startProcessInstanceByKey(ReceptionProcess.KEY,
				startForm(unit, given, "Joseph", "1990-03-01", document));
	}

	/** From the start to the listening task, with one child in the household. */
	ProcessInstance untilListening(String unit, String given) {
		ProcessInstance instance = startAtDesk(unit, given, null);
		assertThat(instance).isWaitingAt(Elements.REGISTER_HOUSEHOLD);
		complete(task(), withVariables(Variables.HOUSEHOLD_MEMBERS, SpinValues.jsonValue("""
				[{"relation":"CHILD","givenName":"Jean","familyName":"Joseph","birthDate":"2019-04-02",
				  "nationality":"Haiti","languages":"ht"}]""").create()));
		assertThat(instance).isWaitingAt(Elements.QUALIFIED_LISTENING);
		return instance;
	}

	String caseOf(ProcessInstance instance) {
		return (String) runtime.getVariable(instance.getId(), Variables.CASE_NUMBER);
	}

	void followUpAndClose(ProcessInstance instance) {
		assertThat(instance).isWaitingAt(Elements.FOLLOW_UP_TIMER);
		Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), timer.getDuedate().toInstant()))
			.isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
		engine.getManagementService().executeJob(timer.getId());
		assertThat(instance).isWaitingAt(Elements.FOLLOW_UP_INTERVIEW);
		complete(task(), withVariables(Variables.FOLLOW_UP_DECISION, "CLOSE"));
		assertThat(instance).hasPassed(Elements.CLOSE_CASE).isEnded();
	}

	@Test
	void shouldOpenCaseFromStartFormAndTriageNormalWithDocumentationReferral() {
		ProcessInstance instance = untilListening("SOR-CRAS-NORTE", "Marie");
		String caseNumber = caseOf(instance);

		assertThat(caseNumber).matches("SOR-\\d{4}-\\d{6}");
		assertThat(instance).hasBusinessKey(caseNumber);
		assertThat(runtime.getVariable(instance.getId(), Variables.GIVEN_NAME)).isNull();
		assertThat(runtime.getVariable(instance.getId(), Variables.CHILDREN_IN_HOUSEHOLD)).isEqualTo(true);
		assertThat(cases.find(caseNumber).getMembers()).hasSize(2);
		Task listeningTask = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(listeningTask.getName()).isEqualTo("Escuta qualificada · " + caseNumber + " · Marie Joseph");
		assertThat(tasks.getIdentityLinksForTask(listeningTask.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("reception.SOR-CRAS-NORTE");

		complete(task(), listening(Variables.NEEDS_DOCUMENTATION));

		assertThat(instance).hasPassed(Elements.TRIAGE).isWaitingAt(Elements.CALL_DOCUMENTATION);
		assertThat(runtime.getVariable(instance.getId(), Variables.PRIORITY)).isEqualTo("NORMAL");
		ProcessInstance referral = runtime.createProcessInstanceQuery()
			.processDefinitionKey(ReceptionProcess.DOCUMENTATION_GUIDANCE)
			.processInstanceBusinessKey(caseNumber)
			.singleResult();
		assertThat(referral).isNotNull();
		Task guidance = tasks.createTaskQuery().processInstanceId(referral.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(guidance.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("documentation.SOR-CRAS-NORTE");
		tasks.complete(guidance.getId(), Map.of("referralNotes", "explained CRNM"));

		followUpAndClose(instance);
		assertThat(cases.find(caseNumber).getStatus()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void shouldLinkADuplicateToTheExistingCase() {
		CaseFile existing = cases.open(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Rose", "Pierre",
				LocalDate.of(1988, 2, 2), "Haiti", List.of("ht"), List.of(new NewDocument("PASSPORT", "HT-555-01"))),
				"Éden", false), "ana");

		ProcessInstance instance = startAtDesk("SOR-CRAS-NORTE", "Rosie", "ht55501");
		String registration = caseOf(instance);

		assertThat(instance).isWaitingAt(Elements.RESOLVE_DUPLICATE);
		assertThat(runtime.getVariable(instance.getId(), Variables.DUPLICATE_CANDIDATES).toString())
			.contains(existing.getCaseNumber());
		complete(task(), withVariables(Variables.DUPLICATE_DECISION, "LINK", Variables.LINKED_CASE_NUMBER,
				existing.getCaseNumber()));

		assertThat(instance).hasPassed(Elements.LINK_CASE).isWaitingAt(Elements.REGISTER_HOUSEHOLD);
		assertThat(instance).hasBusinessKey(existing.getCaseNumber());
		assertThat(caseOf(instance)).isEqualTo(existing.getCaseNumber());
		assertThat(cases.find(registration).getMergedInto()).contains(existing.getCaseNumber());
		assertThat(cases.find(registration).getStatus()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void shouldKeepANewCaseWhenTheWorkerConfirmsItIsAnotherHousehold() {
		startAtDesk("SOR-CRAS-NORTE", "Paul", "X-42");
		ProcessInstance instance = startAtDesk("SOR-CRAS-NORTE", "Paula", "X-42");

		assertThat(instance).isWaitingAt(Elements.RESOLVE_DUPLICATE);
		complete(task(), withVariables(Variables.DUPLICATE_DECISION, "NEW"));

		assertThat(instance).hasNotPassed(Elements.LINK_CASE).isWaitingAt(Elements.REGISTER_HOUSEHOLD);
		assertThat(cases.find(caseOf(instance)).getStatus()).isEqualTo(CaseStatus.OPEN);
	}

	@Test
	void shouldReferAFamilyOutsideTheCadastroUnicoAndWithoutBpcToTheCrasOfItsDistrict() {
		ProcessInstance instance = untilListening("SOR-CRAS-NORTE", "Rosa");
		Task listeningTask = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(tasks.getVariable(listeningTask.getId(), Variables.UNIT_COUNTRY)).isEqualTo("BR");
		Map<String, Object> answers = listening();
		answers.putAll(Map.of(Variables.PAIF, true, Variables.INCOME_PER_PERSON, 95.5, Variables.BOLSA_FAMILIA, true,
				Variables.BPC_MISSING, true, Variables.CAD_UNICO, "NOT_REGISTERED"));

		complete(task(), answers);

		assertThat(instance).hasPassed(Elements.RECORD_LISTENING, Elements.TRIAGE).isWaitingAt(Elements.RECORD_REFERRAL_OUTCOME);
		Words pt = texts.in(WorkLanguage.PT_BR);
		List<Task> referrals = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
		assertThat(referrals).hasSize(2);
		assertThat(referrals).extracting(t -> runtime.getVariable(t.getExecutionId(), Variables.REFERRAL_UNIT_CODE))
			.containsOnly("SOR-CRAS-NORTE");
		assertThat(referrals).extracting(t -> runtime.getVariable(t.getExecutionId(), Variables.REFERRAL_KIND_TEXT))
			.containsExactlyInAnyOrder(pt.word("referralKind", "CADUNICO_INCLUSION"), pt.word("referralKind", "BPC"));
		// kept in the case file, not in the process
		for (String fact : List.of(Variables.PAIF, Variables.INCOME_PER_PERSON, Variables.BOLSA_FAMILIA,
				Variables.BPC_MISSING, Variables.CAD_UNICO)) {
			assertThat(runtime.getVariable(instance.getId(), fact)).as(fact).isNull();
		}
		assertThat(jdbc.queryForMap("""
				SELECT l.paif, l.income_per_person, l.bolsa_familia, l.bpc_missing, l.cad_unico, l.unit_code
				FROM case_listening l JOIN case_file cf ON cf.id = l.case_file WHERE cf.case_number = ?""",
				caseOf(instance)))
			.containsEntry("PAIF", true).containsEntry("BOLSA_FAMILIA", true).containsEntry("BPC_MISSING", true)
			.containsEntry("CAD_UNICO", "NOT_REGISTERED").containsEntry("UNIT_CODE", "SOR-CRAS-NORTE")
			.hasEntrySatisfying("INCOME_PER_PERSON", income -> assertThat(income.toString()).isEqualTo("95.50"));
	}

	@Test
	void shouldAskAnItalianDeskNothingOfBrazilsSocialAssistance() {
		ProcessInstance instance = untilListening("CRE-CARITAS-IMMIGRAZIONE", "Giulia");
		Task listeningTask = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(tasks.getVariable(listeningTask.getId(), Variables.UNIT_COUNTRY)).isEqualTo("IT");

		complete(task(), listening(Variables.NEEDS_HEALTH));

		assertThat(instance).hasPassed(Elements.RECORD_LISTENING, Elements.TRIAGE);
		assertThat(runtime.getVariable(instance.getId(), Variables.REFER_CAD_UNICO_INCLUSION)).isEqualTo(false);
		assertThat(runtime.getVariable(instance.getId(), Variables.REFER_BPC)).isEqualTo(false);
		assertThat(jdbc.queryForMap("""
				SELECT l.paif, l.cad_unico, l.bpc_missing FROM case_listening l JOIN case_file cf ON cf.id = l.case_file
				WHERE cf.case_number = ?""", caseOf(instance)))
			.containsEntry("PAIF", null).containsEntry("CAD_UNICO", null).containsEntry("BPC_MISSING", null);
	}

	@Test
	void shouldRouteAProtectionConcernImmediatelyToTheDistrictsCreas() {
		ProcessInstance instance = untilListening("SOR-CRAS-NORTE", "Lucie");

		complete(task(), listening(Variables.PROTECTION_CONCERN, Variables.CHILDREN_IN_HOUSEHOLD));

		assertThat(instance).isWaitingAt(Elements.RECORD_REFERRAL_OUTCOME);
		assertThat(runtime.getVariable(instance.getId(), Variables.PRIORITY)).isEqualTo("IMMEDIATE");
		Task referral = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.REFERRAL_UNIT_CODE)).isEqualTo("SOR-CREAS-1");
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.REFERRAL_NEXT_OPENING)).isNotEqualTo("-");
		// the referral's kind and next opening in the words of Sorocaba, as its worker reads them
		Words pt = texts.in(WorkLanguage.PT_BR);
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.REFERRAL_KIND_TEXT))
			.isEqualTo(pt.word("unitKind", "CREAS"));
		assertThat(runtime.getVariable(referral.getExecutionId(), Variables.REFERRAL_NEXT_OPENING).toString())
			.doesNotContain(texts.in(WorkLanguage.EN).text("opening.open"));
		assertThat(ShownToWorkers.assertNoRawCode(referral, tasks, forms, identity))
			.anyMatch(text -> text.contains(pt.word("unitKind", "CREAS")));
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), referral.getDueDate().toInstant()))
			.isLessThanOrEqualTo(Duration.ofHours(4));

		complete(task(), withVariables(Variables.REFERRAL_OUTCOME, "REFERRED"));
		followUpAndClose(instance);
	}

	@Test
	void shouldHouseSomeoneSleepingRoughTonight() {
		ProcessInstance instance = untilListening("SOR-CRAS-NORTE", "Jacques");

		complete(task(), listening(Variables.SLEEPING_ROUGH_TONIGHT));

		assertThat(instance).isWaitingAt(Elements.CALL_HOUSING);
		assertThat(runtime.getVariable(instance.getId(), Variables.PRIORITY)).isEqualTo("IMMEDIATE");
		ProcessInstance housing = runtime.createProcessInstanceQuery()
			.processDefinitionKey(ReceptionProcess.HOUSING_REFERRAL)
			.processInstanceBusinessKey(caseOf(instance))
			.singleResult();
		assertThat(runtime.getVariable(housing.getId(), Variables.IMMEDIATE_HOUSING)).isEqualTo(true);
	}

	@Test
	void shouldGiveAFamilyNeedingHousingHighPriorityAndEnrolTheChildren() {
		ProcessInstance instance = untilListening("SOR-CRAS-NORTE", "Anne");

		complete(task(), listening(Variables.NEEDS_HOUSING, Variables.CHILDREN_IN_HOUSEHOLD,
				Variables.NEEDS_LITERACY));

		assertThat(instance).isWaitingAt(Elements.CALL_HOUSING, Elements.CALL_LITERACY);
		assertThat(runtime.getVariable(instance.getId(), Variables.PRIORITY)).isEqualTo("HIGH");
		for (Task placeholder : tasks.createTaskQuery().processInstanceBusinessKey(caseOf(instance)).list()) {
			// A placement offers "enrol in a class" ticked; here the children are only referred, so untick it.
			tasks.complete(placeholder.getId(),
					LiteracyEnrollmentProcess.Elements.PLACEMENT.equals(placeholder.getTaskDefinitionKey())
							? Map.of("referralNotes", "done", LiteracyEnrollmentProcess.Variables.NEEDS_CLASS, false)
							: Map.of("referralNotes", "done"));
		}
		// housing-referral: after the household needs, choose a shelter and let it accept
		ProcessInstance housing = runtime.createProcessInstanceQuery()
			.processDefinitionKey(ReceptionProcess.HOUSING_REFERRAL)
			.processInstanceBusinessKey(caseOf(instance))
			.singleResult();
		tasks.complete(task(housing).getId(), Map.of("chosenShelter", "SOR-ACOLHIDA-MIGRANTE"));
		tasks.complete(task(housing).getId(), Map.of("shelterAnswer", "ACCEPT"));
		assertThat(instance).isWaitingAt(Elements.FOLLOW_UP_TIMER);
	}

	@Test
	void shouldReferHealthAndLegalAidOnlyWithConsent() {
		ProcessInstance instance = untilListening("SOR-CRAS-NORTE", "Eddy");

		complete(task(), listening(Variables.NEEDS_HEALTH, Variables.NEEDS_LEGAL_AID));

		assertThat(runtime.getVariable(instance.getId(), Variables.PRIORITY)).isEqualTo("HIGH");
		assertThat(instance).hasNotPassed(Elements.GENERIC_REFERRALS).isWaitingAt(Elements.FOLLOW_UP_TIMER);
	}

	@Test
	void shouldArrangeAReferralByHandWhenTheNetworkHasNoUnit() {
		// Aracaju's demo network has no legal aid service
		ProcessInstance instance = runtime.startProcessInstanceByKey(ReceptionProcess.KEY,
				startForm("ARA-CRAS-SANTOS-DUMONT", "Yusuf", "Ali", "1979-11-30", null));
		complete(task(instance), withVariables(Variables.HOUSEHOLD_MEMBERS, "[]"));

		complete(task(instance), listening(Variables.NEEDS_LEGAL_AID, Variables.NEEDS_HEALTH,
				Variables.CONSENT_TO_SHARE));

		assertThat(instance).isWaitingAt(Elements.ARRANGE_REFERRAL);
		List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
		assertThat(open).extracting(Task::getTaskDefinitionKey)
			.contains(Elements.ARRANGE_REFERRAL);
		for (Task t : open) {
			tasks.complete(t.getId(), Map.of(Variables.REFERRAL_OUTCOME, "ARRANGED_OUTSIDE", Variables.REFERRAL_NOTES,
					"called the public defender"));
		}
		assertThat(instance).hasPassed(Elements.ARRANGE_REFERRAL).isWaitingAt(Elements.FOLLOW_UP_TIMER);
	}

	@Test
	void shouldListenAgainWhenTheFollowUpFindsNeedsStillOpen() {
		ProcessInstance instance = untilListening("CRE-CARITAS-IMMIGRAZIONE", "Amina");
		complete(task(), listening());
		assertThat(instance).isWaitingAt(Elements.FOLLOW_UP_TIMER);
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
		engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
			.processInstanceId(instance.getId()).singleResult().getId());

		complete(task(), withVariables(Variables.FOLLOW_UP_DECISION, "REOPEN"));

		assertThat(instance).hasPassed(Elements.REOPEN_CASE).isWaitingAt(Elements.QUALIFIED_LISTENING);
		assertThat(runtime.getVariable(instance.getId(), Variables.PRIORITY)).isNull();
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getName())
			.startsWith("Ascolto qualificato · CRE-");
	}

	@Test
	void shouldHandOpenTasksToTheNewUnitOnTransfer() {
		ProcessInstance instance = startAtDesk("SOR-CRAS-NORTE", "Nadia", null);
		String caseNumber = caseOf(instance);

		cases.transfer(caseNumber, "SOR-CRAS-OESTE", "family moved to Vila Helena", "ana");

		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("reception.SOR-CRAS-OESTE");
		complete(task(instance), withVariables(Variables.HOUSEHOLD_MEMBERS, "[]"));
		Task listening = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(listening.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("reception.SOR-CRAS-OESTE");
	}

	@Test
	void shouldShowEachWorkerTheFormInTheirUnitsLanguage() {
		String sorocaba = task(startAtDesk("SOR-CRAS-NORTE", "Joelle", null)).getId();
		String cremona = task(startAtDesk("CRE-CARITAS-IMMIGRAZIONE", "Giovanna", null)).getId();

		identity.setAuthentication("giulia", List.of("reception", "reception.CRE-CARITAS-IMMIGRAZIONE"));
		DeployedForm giuliaSees = DeployedForm.of(forms.getDeployedTaskForm(cremona));
		identity.setAuthentication("ana", List.of("reception", "reception.SOR-CRAS-NORTE"));
		DeployedForm anaSees = DeployedForm.of(forms.getDeployedTaskForm(sorocaba));
		identity.clearAuthentication();
		DeployedForm withoutWorker = DeployedForm.of(forms.getDeployedTaskForm(cremona));

		assertThat(forms.getTaskFormData(sorocaba).getCamundaFormRef().getKey()).isEqualTo("reception-household");
		assertThat(List.of(giuliaSees.id(), anaSees.id(), withoutWorker.id())).containsOnly("reception-household");
		assertThat(anaSees.label("membersCount")).isEqualTo("Familiares que vieram junto");
		assertThat(anaSees.option("relation", "CHILD")).isEqualTo("Filho(a)");
		assertThat(giuliaSees.label("membersCount"))
			.isEqualTo(FormLabels.of("reception-household", "it").label("membersCount"))
			.isNotEqualTo(withoutWorker.label("membersCount"));
		assertThat(withoutWorker.label("membersCount")).isEqualTo("Family members who came with them");
	}

	@Test
	void shouldOfferTheStartFormInTheWorkersLanguage() {
		String definition = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey(ReceptionProcess.KEY).latestVersion().singleResult().getId();

		identity.setAuthentication("giulia", List.of("reception"));
		DeployedForm giuliaSees = DeployedForm.of(forms.getDeployedStartForm(definition));
		identity.setAuthentication("ana", List.of("reception"));
		DeployedForm anaSees = DeployedForm.of(forms.getDeployedStartForm(definition));
		identity.setAuthentication("admin", List.of("camunda-admin"));
		DeployedForm adminSees = DeployedForm.of(forms.getDeployedStartForm(definition));
		String formRef = forms.getStartFormData(definition).getCamundaFormRef().getKey();

		assertThat(formRef).isEqualTo("reception-start");
		assertThat(giuliaSees.label("birthDate")).isEqualTo(FormLabels.of("reception-start", "it").label("birthDate"));
		assertThat(anaSees.label("birthDate")).isEqualTo("Data de nascimento");
		assertThat(adminSees.label("birthDate")).isEqualTo("Birth date");
		assertThat(giuliaSees.label("birthDate")).isNotEqualTo(adminSees.label("birthDate"));
	}

	@Test
	void shouldRefuseBadStartFormsWithoutWritingACase() {
		Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class);
		String tomorrow = LocalDate.now().plusDays(1).toString();

		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ReceptionProcess.KEY,
				startForm("SOR-CRAS-NORTE", " ", "Joseph", "1990-01-01", null)))
			.isInstanceOf(InvalidFormException.class).hasMessage("Por favor, corrija: Nome: é obrigatório");
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ReceptionProcess.KEY,
				startForm("SOR-NOWHERE", "Ana", "Joseph", "1990-01-01", null)))
			.isInstanceOf(InvalidFormException.class).hasMessageContaining("Please correct: " + FormLabels.of("reception-start", "en").label("unitCode")
					+ ": 'SOR-NOWHERE' is not an active unit");
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ReceptionProcess.KEY,
				startForm("SOR-CRAS-NORTE", "Ana", "Joseph", tomorrow, null)))
			.isInstanceOf(InvalidFormException.class).hasMessageContaining("Data de nascimento: está no futuro");
		assertThatThrownBy(() -> receptions.start(new NewCase("SOR-CRAS-NORTE", null, null, false), "ana"))
			.hasMessageContaining("referencePerson: is required");

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class)).isEqualTo(before);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReceptionProcess.KEY).list())
			.allSatisfy(p -> assertThat(p.getBusinessKey()).isNotNull());
	}

	@Test
	void shouldStartFromJavaWithTheCaseNumberAsBusinessKey() {
		ProcessInstance instance = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Omar", "Haddad",
				LocalDate.of(1970, 6, 1), "Syria", List.of("ar"), List.of()), "Éden", true), "ana");

		assertThat(instance).hasBusinessKey(caseOf(instance)).isWaitingAt(Elements.REGISTER_HOUSEHOLD);
		String taskId = task(instance).getId();
		assertThatThrownBy(() -> tasks.complete(taskId, Map.of(Variables.HOUSEHOLD_MEMBERS, SpinValues.jsonValue("""
				[{"relation":"CHILD","givenName":"Lina","familyName":"Haddad","birthDate":"2099-01-01","nationality":"Syria"}]
				""").create())))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining(member("pt-BR", "birthDate") + ": está no futuro");
		assertThat(instance).isWaitingAt(Elements.REGISTER_HOUSEHOLD);
		assertThat(cases.find(caseOf(instance)).getMembers()).hasSize(1);
	}

	@Test
	void shouldRefuseAHouseholdInItalianAtCremonaAndKeepTheTaskOpen() {
		ProcessInstance instance = receptions.start(new NewCase("CRE-CARITAS-IMMIGRAZIONE", new NewPerson(null,
				"Amina", "Diallo", LocalDate.of(1985, 2, 1), "Senegal", List.of("fr"), List.of()), null, false),
				"giulia");
		String taskId = task(instance).getId();

		assertThatThrownBy(() -> tasks.complete(taskId, Map.of(Variables.HOUSEHOLD_MEMBERS, SpinValues.jsonValue("""
				[{"relation":"CHILD","givenName":"","familyName":"Diallo","birthDate":"2015-01-01","nationality":"Senegal"}]
				""").create())))
			.isInstanceOf(InvalidFormException.class)
			.hasMessage("Correggere per favore: " + member("it", "givenName") + ": è obbligatorio");
		assertThat(instance).isWaitingAt(Elements.REGISTER_HOUSEHOLD);
		assertThat(cases.find(caseOf(instance)).getMembers()).hasSize(1);
	}

	/** A field of the first family member as the household form names it: "Familiar 1 · Data de nascimento". */
	private static String member(String language, String field) {
		FormLabels household = FormLabels.of("reception-household", language);
		return household.label("member1") + " · " + household.label(field);
	}

}
