package org.acolhida.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.housing.HousingReferralProcess;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Who may see and do what, as a matrix of (person, action, target, expected outcome), each row
 * checked twice: through the engine's Java API with the person's authentication, and through REST
 * ({@code /engine-rest}, {@code /api}) with their HTTP Basic login. The targets are real cases,
 * received through the reception process at two units of different countries, and the tasks they
 * produced. The matrix as tested is written to {@code target/access-matrix.md}.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

	static final String SOR = "SOR-CRAS-NORTE";

	static final String CRE = "CRE-CARITAS-IMMIGRAZIONE";

	static final String SOR_SHELTER = "SOR-ACOLHIDA-MIGRANTE";

	static final String CRE_SHELTER = "CRE-CASA-FAMIGLIE";

	/** A unit of a third municipality that no test of this class works with, for the directory rows. */
	static final String UNIT_TO_EDIT = "AME-CRAS-PRAIA-AZUL";

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	enum Outcome {
		ALLOWED, DENIED
	}

	/** What a person tries to do. Some actions exist only in our own REST API ({@code /api}). */
	enum Action {

		SEE_TASK("see the task (task list)", true),
		COMPLETE_TASK("complete the task", true),
		CLAIM_TASK("claim the task", true),
		HAND_OVER_TASK("add another unit's workgroup to the task", true),
		SEE_TASK_FORM("read the task's form variables", true),
		READ_PROTOCOL("read the process definition", true),
		START_RECEPTION("start a reception (new case)", true),
		SET_VARIABLE("change a process variable of the case", true),
		READ_RUNNING_CASE("see the case's running process instances", true),
		READ_VARIABLES("read the case's running process variables", true),
		READ_CASE_FILE("read the case file (/api/cases)", false),
		TRANSFER_CASE("transfer the case (/api/cases/…/transfer)", false),
		DEPLOY("deploy a diagram", true),
		READ_UNITS("read the unit directory (/api/units)", false),
		CHANGE_UNIT("change a unit (/api/units)", false),
		READ_HISTORY("read historic process instances of the case", true),
		READ_HISTORIC_TASKS("read historic tasks of the case", true),
		READ_HISTORIC_VARIABLES("read the case's variable history", true),
		READ_DECISIONS("read the case's decisions (DMN history)", true),
		READ_OPERATION_LOG("read the case's operation log", true);

		final String label;

		final boolean javaApi;

		Action(String label, boolean javaApi) {
			this.label = label;
			this.javaApi = javaApi;
		}

	}

	/** What the action is tried on; the tasks are of real cases at the two units. */
	enum Target {

		RECEPTION_TASK_SOR("reception task, " + SOR + " case"),
		RECEPTION_TASK_CRE("reception task, " + CRE + " case"),
		HOUSING_TASK_SOR("housing task, " + SOR + " case"),
		HOUSING_TASK_CRE("housing task, " + CRE + " case"),
		DOCUMENTATION_TASK_SOR("documentation task, " + SOR + " case"),
		DOCUMENTATION_TASK_CRE("documentation task, " + CRE + " case"),
		SHELTER_TASK_SOR("referral sent to " + SOR_SHELTER),
		SHELTER_TASK_CRE("referral sent to " + CRE_SHELTER),
		CASE_SOR("a " + SOR + " case"),
		CASE_CRE("a " + CRE + " case"),
		RECEPTION_PROTOCOL("process 'reception'"),
		HOUSING_PROTOCOL("process 'housing-referral'"),
		DOCUMENTATION_PROTOCOL("process 'documentation-guidance'"),
		LITERACY_PROTOCOL("process 'literacy-enrollment'"),
		NEW_DIAGRAM("a new diagram"),
		DIRECTORY("the units of Sorocaba"),
		UNIT("unit " + UNIT_TO_EDIT + " (PUT of its own details)");

		final String label;

		Target(String label) {
			this.label = label;
		}

	}

	static final Map<String, String> PEOPLE = new LinkedHashMap<>();

	static {
		PEOPLE.put("ana", "reception, " + SOR);
		PEOPLE.put("giulia", "reception, " + CRE);
		PEOPLE.put("bruno", "documentation, " + SOR);
		PEOPLE.put("marco", "documentation, " + CRE);
		PEOPLE.put("carla", "housing, " + SOR);
		PEOPLE.put("sara", "housing, " + CRE);
		PEOPLE.put("davi", "literacy, " + SOR);
		PEOPLE.put("luca", "literacy, " + CRE);
		PEOPLE.put("paula", "shelter, " + SOR_SHELTER);
		PEOPLE.put("francesca", "shelter, " + CRE_SHELTER);
		PEOPLE.put("rita", "coordinator, " + SOR);
		PEOPLE.put("helena", "manager");
		PEOPLE.put("otavio", "auditor");
	}

	record Row(String who, Action action, Target target, Outcome expected) {

		@Override
		public String toString() {
			return who + " (" + PEOPLE.get(who) + ") · " + action.label + " · " + target.label + " → " + expected;
		}

	}

	static Row row(String who, Action action, Target target, Outcome expected) {
		return new Row(who, action, target, expected);
	}

	static final Outcome ALLOWED = Outcome.ALLOWED;

	static final Outcome DENIED = Outcome.DENIED;

	/** The access matrix: read it as "who · does what · on what → expected". */
	static Stream<Row> matrix() {
		return Stream.of(
				// reception workers: their unit's reception work, their unit's case files
				row("ana", Action.SEE_TASK, Target.RECEPTION_TASK_SOR, ALLOWED),
				row("ana", Action.COMPLETE_TASK, Target.RECEPTION_TASK_SOR, ALLOWED),
				row("ana", Action.SEE_TASK, Target.RECEPTION_TASK_CRE, DENIED),
				row("ana", Action.COMPLETE_TASK, Target.RECEPTION_TASK_CRE, DENIED),
				row("ana", Action.SEE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("ana", Action.START_RECEPTION, Target.CASE_SOR, ALLOWED),
				row("ana", Action.START_RECEPTION, Target.CASE_CRE, DENIED),
				row("ana", Action.READ_CASE_FILE, Target.CASE_SOR, ALLOWED),
				row("ana", Action.READ_CASE_FILE, Target.CASE_CRE, DENIED),
				row("ana", Action.TRANSFER_CASE, Target.CASE_CRE, DENIED),
				row("giulia", Action.SEE_TASK, Target.RECEPTION_TASK_CRE, ALLOWED),
				row("giulia", Action.COMPLETE_TASK, Target.RECEPTION_TASK_CRE, ALLOWED),
				row("giulia", Action.SEE_TASK, Target.RECEPTION_TASK_SOR, DENIED),
				row("giulia", Action.READ_CASE_FILE, Target.CASE_SOR, DENIED),
				// documentation advisers
				row("bruno", Action.SEE_TASK, Target.DOCUMENTATION_TASK_SOR, ALLOWED),
				row("bruno", Action.SEE_TASK_FORM, Target.DOCUMENTATION_TASK_SOR, ALLOWED),
				row("bruno", Action.SEE_TASK, Target.DOCUMENTATION_TASK_CRE, DENIED),
				row("bruno", Action.SEE_TASK_FORM, Target.DOCUMENTATION_TASK_CRE, DENIED),
				row("bruno", Action.SEE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("bruno", Action.READ_PROTOCOL, Target.DOCUMENTATION_PROTOCOL, ALLOWED),
				row("marco", Action.SEE_TASK, Target.DOCUMENTATION_TASK_CRE, ALLOWED),
				row("marco", Action.SEE_TASK, Target.DOCUMENTATION_TASK_SOR, DENIED),
				// housing workers: their unit's housing work only
				row("carla", Action.SEE_TASK, Target.HOUSING_TASK_SOR, ALLOWED),
				row("carla", Action.COMPLETE_TASK, Target.HOUSING_TASK_SOR, ALLOWED),
				row("carla", Action.SEE_TASK_FORM, Target.HOUSING_TASK_SOR, ALLOWED),
				row("carla", Action.CLAIM_TASK, Target.HOUSING_TASK_SOR, ALLOWED),
				row("carla", Action.HAND_OVER_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("carla", Action.SEE_TASK, Target.HOUSING_TASK_CRE, DENIED),
				row("carla", Action.COMPLETE_TASK, Target.HOUSING_TASK_CRE, DENIED),
				row("carla", Action.SEE_TASK_FORM, Target.HOUSING_TASK_CRE, DENIED),
				row("carla", Action.SEE_TASK, Target.RECEPTION_TASK_SOR, DENIED),
				row("carla", Action.COMPLETE_TASK, Target.RECEPTION_TASK_SOR, DENIED),
				row("carla", Action.SEE_TASK, Target.SHELTER_TASK_SOR, DENIED),
				row("carla", Action.READ_CASE_FILE, Target.CASE_SOR, ALLOWED),
				row("carla", Action.READ_CASE_FILE, Target.CASE_CRE, DENIED),
				row("carla", Action.SET_VARIABLE, Target.CASE_CRE, DENIED),
				row("carla", Action.READ_RUNNING_CASE, Target.CASE_CRE, DENIED),
				row("carla", Action.READ_VARIABLES, Target.CASE_CRE, DENIED),
				row("carla", Action.READ_UNITS, Target.DIRECTORY, ALLOWED),
				row("carla", Action.READ_HISTORY, Target.CASE_CRE, DENIED),
				row("carla", Action.START_RECEPTION, Target.CASE_SOR, DENIED),
				row("carla", Action.READ_PROTOCOL, Target.HOUSING_PROTOCOL, ALLOWED),
				row("carla", Action.DEPLOY, Target.NEW_DIAGRAM, DENIED),
				row("carla", Action.CHANGE_UNIT, Target.UNIT, DENIED),
				row("sara", Action.SEE_TASK, Target.HOUSING_TASK_CRE, ALLOWED),
				row("sara", Action.COMPLETE_TASK, Target.HOUSING_TASK_CRE, ALLOWED),
				row("sara", Action.SEE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("sara", Action.COMPLETE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("sara", Action.READ_CASE_FILE, Target.CASE_SOR, DENIED),
				// literacy workers and coordinators: nothing of housing or of another unit
				row("davi", Action.SEE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("davi", Action.READ_PROTOCOL, Target.LITERACY_PROTOCOL, ALLOWED),
				row("luca", Action.SEE_TASK, Target.DOCUMENTATION_TASK_CRE, DENIED),
				row("rita", Action.SEE_TASK, Target.RECEPTION_TASK_SOR, DENIED),
				row("rita", Action.SEE_TASK, Target.HOUSING_TASK_CRE, DENIED),
				row("rita", Action.READ_PROTOCOL, Target.LITERACY_PROTOCOL, ALLOWED),
				row("rita", Action.READ_PROTOCOL, Target.DOCUMENTATION_PROTOCOL, ALLOWED),
				// shelter staff: only the referrals sent to their shelter
				row("paula", Action.SEE_TASK, Target.SHELTER_TASK_SOR, ALLOWED),
				row("paula", Action.COMPLETE_TASK, Target.SHELTER_TASK_SOR, ALLOWED),
				row("paula", Action.SEE_TASK, Target.SHELTER_TASK_CRE, DENIED),
				row("paula", Action.COMPLETE_TASK, Target.SHELTER_TASK_CRE, DENIED),
				row("paula", Action.SEE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("paula", Action.READ_CASE_FILE, Target.CASE_SOR, DENIED),
				row("francesca", Action.SEE_TASK, Target.SHELTER_TASK_CRE, ALLOWED),
				row("francesca", Action.COMPLETE_TASK, Target.SHELTER_TASK_CRE, ALLOWED),
				row("francesca", Action.SEE_TASK, Target.SHELTER_TASK_SOR, DENIED),
				// managers: protocols, the directory, every unit's running cases; no staff work
				row("helena", Action.DEPLOY, Target.NEW_DIAGRAM, ALLOWED),
				row("helena", Action.READ_PROTOCOL, Target.RECEPTION_PROTOCOL, ALLOWED),
				row("helena", Action.READ_RUNNING_CASE, Target.CASE_SOR, ALLOWED),
				row("helena", Action.READ_RUNNING_CASE, Target.CASE_CRE, ALLOWED),
				row("helena", Action.READ_VARIABLES, Target.CASE_CRE, ALLOWED),
				row("helena", Action.READ_CASE_FILE, Target.CASE_CRE, ALLOWED),
				row("helena", Action.READ_HISTORY, Target.CASE_SOR, DENIED),
				row("helena", Action.READ_UNITS, Target.DIRECTORY, ALLOWED),
				row("helena", Action.CHANGE_UNIT, Target.UNIT, ALLOWED),
				row("helena", Action.SEE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("helena", Action.COMPLETE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("helena", Action.CLAIM_TASK, Target.RECEPTION_TASK_CRE, DENIED),
				row("helena", Action.HAND_OVER_TASK, Target.RECEPTION_TASK_CRE, DENIED),
				row("helena", Action.SEE_TASK_FORM, Target.HOUSING_TASK_SOR, DENIED),
				row("helena", Action.SEE_TASK_FORM, Target.SHELTER_TASK_CRE, DENIED),
				row("helena", Action.SET_VARIABLE, Target.CASE_SOR, DENIED),
				row("helena", Action.START_RECEPTION, Target.CASE_SOR, DENIED),
				// auditors: every case's history, nothing else, and no change at all
				row("otavio", Action.READ_HISTORY, Target.CASE_SOR, ALLOWED),
				row("otavio", Action.READ_HISTORY, Target.CASE_CRE, ALLOWED),
				row("otavio", Action.READ_HISTORIC_TASKS, Target.CASE_SOR, ALLOWED),
				row("otavio", Action.READ_HISTORIC_TASKS, Target.CASE_CRE, ALLOWED),
				row("otavio", Action.READ_HISTORIC_VARIABLES, Target.CASE_SOR, ALLOWED),
				row("otavio", Action.READ_HISTORIC_VARIABLES, Target.CASE_CRE, ALLOWED),
				row("otavio", Action.READ_DECISIONS, Target.CASE_SOR, ALLOWED),
				row("otavio", Action.READ_DECISIONS, Target.CASE_CRE, ALLOWED),
				row("otavio", Action.READ_OPERATION_LOG, Target.CASE_SOR, ALLOWED),
				row("otavio", Action.READ_OPERATION_LOG, Target.CASE_CRE, ALLOWED),
				row("otavio", Action.READ_PROTOCOL, Target.HOUSING_PROTOCOL, ALLOWED),
				row("otavio", Action.SEE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("otavio", Action.COMPLETE_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("otavio", Action.CLAIM_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("otavio", Action.HAND_OVER_TASK, Target.HOUSING_TASK_SOR, DENIED),
				row("otavio", Action.SEE_TASK_FORM, Target.SHELTER_TASK_SOR, DENIED),
				row("otavio", Action.SET_VARIABLE, Target.CASE_SOR, DENIED),
				row("otavio", Action.SET_VARIABLE, Target.CASE_CRE, DENIED),
				row("otavio", Action.START_RECEPTION, Target.CASE_SOR, DENIED),
				row("otavio", Action.DEPLOY, Target.NEW_DIAGRAM, DENIED),
				row("otavio", Action.CHANGE_UNIT, Target.UNIT, DENIED),
				row("otavio", Action.TRANSFER_CASE, Target.CASE_SOR, DENIED),
				row("otavio", Action.READ_RUNNING_CASE, Target.CASE_SOR, DENIED),
				row("otavio", Action.READ_VARIABLES, Target.CASE_SOR, DENIED),
				row("otavio", Action.READ_CASE_FILE, Target.CASE_SOR, DENIED),
				row("otavio", Action.READ_UNITS, Target.DIRECTORY, ALLOWED));
	}

	/** Calls that an anonymous caller makes: every one must get 401 before anything else happens. */
	static Stream<String> anonymousCalls() {
		return Stream.of("GET /engine-rest/task", "GET /engine-rest/process-instance", "GET /engine-rest/process-definition",
				"POST /engine-rest/process-definition/key/reception/submit-form", "GET /engine-rest/history/process-instance",
				"GET /engine-rest/history/task", "GET /engine-rest/history/decision-instance",
				"GET /engine-rest/history/user-operation", "POST /engine-rest/deployment/create",
				"PUT /engine-rest/process-instance/{pi}/variables/x", "POST /engine-rest/task/{task}/complete",
				"GET /engine-rest/user", "GET /engine-rest/authorization", "GET /api/cases/{case}",
				"POST /api/cases/{case}/transfer", "GET /api/units", "PUT /api/units/" + UNIT_TO_EDIT,
				"GET /api/housing/occupancy", "GET /api/literacy/demand", "GET /api/protocols");
	}

	@Autowired
	ReceptionService receptions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	/** Targets shared by the rows that only look (and by those that are refused): made once. */
	final Map<Target, String> shared = new EnumMap<>(Target.class);

	/** Case number → id of its reception process instance. */
	final Map<String, String> receptionOf = new LinkedHashMap<>();

	/** Results as tested, in matrix order, for the closing note. */
	final List<String> tested = new ArrayList<>();

	// ------------------------------------------------------------------ the cases

	@BeforeAll
	void receiveTwoHouseholds() {
		shared.put(Target.CASE_SOR, journey(SOR, SOR_SHELTER, "ana", "carla", Target.DOCUMENTATION_TASK_SOR,
				Target.SHELTER_TASK_SOR));
		shared.put(Target.CASE_CRE, journey(CRE, CRE_SHELTER, "giulia", "sara", Target.DOCUMENTATION_TASK_CRE,
				Target.SHELTER_TASK_CRE));
	}

	/**
	 * A household received at the unit by its reception worker, a family with a child that needs
	 * documents and housing; the unit's housing worker refers it to the shelter. Leaves a documentation
	 * task and the shelter's answer open. Done with the workers' own authentication, so that the
	 * operation log has their steps.
	 */
	String journey(String unit, String shelter, String receptionist, String housingWorker, Target documentation,
			Target shelterAnswer) {
		String caseNumber = as(receptionist, () -> receptions.start(newCase(unit), receptionist).getBusinessKey());
		String reception = runtime.createProcessInstanceQuery().processDefinitionKey(ReceptionProcess.KEY)
			.processInstanceBusinessKey(caseNumber).singleResult().getId();
		receptionOf.put(caseNumber, reception);
		as(receptionist, () -> completeReceptionSteps(caseNumber, true));
		as(housingWorker, () -> completeHousingNeeds(caseNumber));
		as(housingWorker, () -> chooseShelter(caseNumber, shelter));
		shared.put(documentation, openTask(caseNumber, "task_choose_documents", "documentation." + unit));
		shared.put(shelterAnswer, openTask(caseNumber, HousingReferralProcess.Elements.SHELTER_ANSWER,
				"shelter." + shelter));
		// what the auditor's rows read must be there to be read
		assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(reception).count()).isPositive();
		assertThat(history.createUserOperationLogQuery().processInstanceId(reception).count()).isPositive();
		return caseNumber;
	}

	static NewCase newCase(String unit) {
		int n = SEQUENCE.incrementAndGet();
		// a name nobody else has: the duplicate check must not stop the reception
		String given = "Amal" + n + "x" + System.nanoTime() % 1_000_000;
		return new NewCase(unit, new NewPerson(null, given, "Haddad", LocalDate.of(1988, 5, 1 + n % 27), "Syria",
				List.of("ar"), List.of()), null, false);
	}

	/** Household (a child of six) and the listening: documentation and housing needed. */
	boolean completeReceptionSteps(String caseNumber, boolean documents) {
		tasks.complete(openTask(caseNumber, ReceptionProcess.Elements.REGISTER_HOUSEHOLD, null),
				Map.of(ReceptionProcess.Variables.HOUSEHOLD_MEMBERS, SpinValues.jsonValue("""
						[{"relation":"CHILD","givenName":"Nour","familyName":"Haddad","birthDate":"%s",
						  "nationality":"Syria","languages":"ar"}]""".formatted(LocalDate.now().minusYears(6))).create()));
		Map<String, Object> answers = new LinkedHashMap<>();
		for (String flag : List.of(ReceptionProcess.Variables.NEEDS_LITERACY, ReceptionProcess.Variables.NEEDS_LEGAL_AID,
				ReceptionProcess.Variables.NEEDS_HEALTH, ReceptionProcess.Variables.SLEEPING_ROUGH_TONIGHT,
				ReceptionProcess.Variables.PROTECTION_CONCERN)) {
			answers.put(flag, false);
		}
		answers.put(ReceptionProcess.Variables.NEEDS_DOCUMENTATION, documents);
		answers.put(ReceptionProcess.Variables.NEEDS_HOUSING, true);
		answers.put(ReceptionProcess.Variables.CHILDREN_IN_HOUSEHOLD, true);
		answers.put(ReceptionProcess.Variables.CONSENT_TO_SHARE, true);
		tasks.complete(openTask(caseNumber, ReceptionProcess.Elements.QUALIFIED_LISTENING, null), answers);
		return true;
	}

	boolean completeHousingNeeds(String caseNumber) {
		tasks.complete(openTask(caseNumber, HousingReferralProcess.Elements.HOUSEHOLD_NEEDS, null),
				housingNeeds());
		return true;
	}

	static Map<String, Object> housingNeeds() {
		return Map.of(HousingReferralProcess.Variables.ADULTS_ARE, "WOMEN",
				HousingReferralProcess.Variables.WHEELCHAIR_NEEDED, false);
	}

	boolean chooseShelter(String caseNumber, String shelter) {
		tasks.complete(openTask(caseNumber, HousingReferralProcess.Elements.CHOOSE_SHELTER, null),
				Map.of(HousingReferralProcess.Variables.CHOSEN_SHELTER, shelter,
						HousingReferralProcess.Variables.REFERRAL_NOTES, "mother and child"));
		return true;
	}

	/** The open task of the case at the element, checked (without authentication) to go to the workgroup. */
	String openTask(String caseNumber, String element, String workgroup) {
		String caller = identity.getCurrentAuthentication() == null ? null
				: identity.getCurrentAuthentication().getUserId();
		List<String> callerGroups = caller == null ? null : identity.getCurrentAuthentication().getGroupIds();
		identity.clearAuthentication();
		try {
			Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(element)
				.singleResult();
			assertThat(task).as("open task " + element + " of " + caseNumber).isNotNull();
			if (workgroup != null) {
				assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
					.containsExactly(workgroup);
			}
			return task.getId();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller, callerGroups);
			}
		}
	}

	/** A task of a new case at the unit (made for a row that uses it up, or once for the others). */
	String freshTask(Target target) {
		return switch (target) {
			case RECEPTION_TASK_SOR -> receptionTask(SOR);
			case RECEPTION_TASK_CRE -> receptionTask(CRE);
			case HOUSING_TASK_SOR -> housingTask(SOR);
			case HOUSING_TASK_CRE -> housingTask(CRE);
			case SHELTER_TASK_SOR -> shelterTask(SOR, SOR_SHELTER);
			case SHELTER_TASK_CRE -> shelterTask(CRE, CRE_SHELTER);
			default -> shared(target);
		};
	}

	String shared(Target target) {
		return shared.computeIfAbsent(target, this::freshTask);
	}

	String started(String unit) {
		ProcessInstance instance = receptions.start(newCase(unit), "ana");
		receptionOf.put(instance.getBusinessKey(), instance.getId());
		return instance.getBusinessKey();
	}

	String receptionTask(String unit) {
		String caseNumber = started(unit);
		return openTask(caseNumber, ReceptionProcess.Elements.REGISTER_HOUSEHOLD, "reception." + unit);
	}

	String housingTask(String unit) {
		String caseNumber = started(unit);
		completeReceptionSteps(caseNumber, false);
		return openTask(caseNumber, HousingReferralProcess.Elements.HOUSEHOLD_NEEDS, "housing." + unit);
	}

	String shelterTask(String unit, String shelter) {
		String caseNumber = started(unit);
		completeReceptionSteps(caseNumber, false);
		completeHousingNeeds(caseNumber);
		chooseShelter(caseNumber, shelter);
		return openTask(caseNumber, HousingReferralProcess.Elements.SHELTER_ANSWER, "shelter." + shelter);
	}

	/** What completing a task of this kind takes, as Java values. */
	static Map<String, Object> completion(Target target) {
		return switch (target) {
			case RECEPTION_TASK_SOR, RECEPTION_TASK_CRE -> Map.of(ReceptionProcess.Variables.HOUSEHOLD_MEMBERS,
					SpinValues.jsonValue("[]").create());
			case HOUSING_TASK_SOR, HOUSING_TASK_CRE -> housingNeeds();
			case SHELTER_TASK_SOR, SHELTER_TASK_CRE -> Map.of(HousingReferralProcess.Variables.SHELTER_ANSWER,
					"DECLINE", HousingReferralProcess.Variables.DECLINE_REASON, "no room for a child this week");
			default -> throw new IllegalArgumentException("no completion for " + target);
		};
	}

	/** The same, as the REST API takes them. */
	static Map<String, Object> restCompletion(Target target) {
		Map<String, Object> variables = new LinkedHashMap<>();
		completion(target).forEach((name, value) -> variables.put(name,
				value instanceof String || value instanceof Boolean ? Map.of("value", value)
						: Map.of("value", "[]", "type", "Json")));
		return Map.of("variables", variables);
	}

	static String processKey(Target target) {
		return switch (target) {
			case RECEPTION_PROTOCOL -> ReceptionProcess.KEY;
			case HOUSING_PROTOCOL -> HousingReferralProcess.KEY;
			case DOCUMENTATION_PROTOCOL -> ReceptionProcess.DOCUMENTATION_GUIDANCE;
			case LITERACY_PROTOCOL -> ReceptionProcess.LITERACY_ENROLLMENT;
			default -> throw new IllegalArgumentException(target.name());
		};
	}

	/** The same role's workgroup at the other unit. */
	static String otherWorkgroup(Target target) {
		String role = target.name().substring(0, target.name().indexOf('_')).toLowerCase(java.util.Locale.ROOT);
		return role + "." + (target.name().endsWith("_SOR") ? CRE : SOR);
	}

	String unitOf(Target target) {
		return target == Target.CASE_CRE ? CRE : SOR;
	}

	// ------------------------------------------------------------------ the matrix

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void shouldAllowExactlyWhatTheMatrixSays(Row row) {
		String java = "—";
		if (row.action().javaApi) {
			Outcome viaJava = viaJava(row);
			java = viaJava.name();
			assertThat(viaJava).as("Java API: " + row).isEqualTo(row.expected());
		}
		Answer viaRest = viaRest(row);
		assertThat(viaRest.outcome()).as("REST: " + row + " (HTTP " + viaRest.status() + ")").isEqualTo(row.expected());
		synchronized (tested) {
			tested.add("| " + row.who() + " (" + PEOPLE.get(row.who()) + ") | " + row.action().label + " | "
					+ row.target().label + " | " + java + " | " + viaRest.outcome() + " (" + viaRest.status()
					+ (viaRest.outcome() == DENIED && viaRest.status() == 200 ? ", empty list" : "") + ") |");
		}
	}

	@ParameterizedTest(name = "anonymous · {0} → 401")
	@MethodSource("anonymousCalls")
	void shouldRefuseAnonymousCallersEverywhere(String call) {
		String[] parts = call.split(" ", 2);
		String path = parts[1].replace("{case}", shared(Target.CASE_SOR))
			.replace("{pi}", receptionOf.get(shared(Target.CASE_SOR)))
			.replace("{task}", shared(Target.HOUSING_TASK_SOR));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> anonymous = rest.exchange(path, HttpMethod.valueOf(parts[0]),
				new HttpEntity<>("{}", headers), String.class);
		// a user that does not exist: a wrong password for a real login would lock it for the other tests
		ResponseEntity<String> stranger = rest.withBasicAuth("nobody-" + System.nanoTime(), "guess")
			.exchange(path, HttpMethod.valueOf(parts[0]), new HttpEntity<>("{}", headers), String.class);

		assertThat(anonymous.getStatusCode().value()).as("anonymous " + call).isEqualTo(401);
		assertThat(stranger.getStatusCode().value()).as("unknown user " + call).isEqualTo(401);
		synchronized (tested) {
			tested.add("| anonymous, or unknown login | " + call + " | — | — | DENIED (401) |");
		}
	}

	@AfterAll
	void writeTheMatrixAndTidyUp() throws IOException {
		StringBuilder table = new StringBuilder(
				"| who | action | on | Java API | REST (HTTP status) |\n|---|---|---|---|---|\n");
		tested.forEach(line -> table.append(line).append('\n'));
		Files.writeString(Path.of("target", "access-matrix.md"), table, StandardCharsets.UTF_8);
		identity.clearAuthentication();
		// the cases' running instances go (history stays), and so do the diagrams deployed here
		for (String caseNumber : receptionOf.keySet()) {
			for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
				.rootProcessInstances().list()) {
				runtime.deleteProcessInstance(instance.getId(), "access matrix tested");
			}
		}
		for (Deployment deployment : repository.createDeploymentQuery().deploymentName("access-matrix").list()) {
			repository.deleteDeployment(deployment.getId(), true);
		}
	}

	// ------------------------------------------------------------------ through the Java API

	Outcome viaJava(Row row) {
		Target target = row.target();
		String who = row.who();
		return switch (row.action()) {
			case SEE_TASK -> {
				String task = shared(target);
				yield seen(as(who, () -> tasks.createTaskQuery().taskId(task).count()));
			}
			case COMPLETE_TASK -> {
				String task = row.expected() == ALLOWED ? freshTask(target) : shared(target);
				Outcome outcome = attempt(who, () -> tasks.complete(task, completion(target)));
				assertThat(tasks.createTaskQuery().taskId(task).count()).as("task still open")
					.isEqualTo(outcome == ALLOWED ? 0 : 1);
				yield outcome;
			}
			case CLAIM_TASK -> {
				String task = shared(target);
				Outcome outcome = attempt(who, () -> tasks.claim(task, who));
				if (outcome == ALLOWED) {
					tasks.claim(task, null);
				}
				yield outcome;
			}
			case HAND_OVER_TASK -> {
				String task = shared(target);
				yield attempt(who, () -> tasks.addCandidateGroup(task, otherWorkgroup(target)));
			}
			case SEE_TASK_FORM -> {
				String task = shared(target);
				yield attempt(who, () -> {
					forms.getTaskFormVariables(task);
					tasks.getVariables(task);
				});
			}
			case READ_PROTOCOL -> seen(as(who,
					() -> repository.createProcessDefinitionQuery().processDefinitionKey(processKey(target)).count()));
			case START_RECEPTION -> {
				long before = caseFiles();
				Outcome outcome = attempt(who, () -> {
					ProcessInstance started = receptions.start(newCase(unitOf(target)), who);
					receptionOf.put(started.getBusinessKey(), started.getId());
				});
				assertThat(caseFiles()).as("case files").isEqualTo(outcome == ALLOWED ? before + 1 : before);
				yield outcome;
			}
			case SET_VARIABLE -> {
				String instance = receptionOf.get(shared(target));
				yield attempt(who, () -> runtime.setVariable(instance, "accessMatrixCheck", who));
			}
			case READ_RUNNING_CASE -> {
				String caseNumber = shared(target);
				yield seen(as(who, () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
					.count()));
			}
			case READ_VARIABLES -> {
				String instance = receptionOf.get(shared(target));
				yield attempt(who, () -> runtime.getVariables(instance));
			}
			case READ_HISTORIC_VARIABLES -> {
				String instance = receptionOf.get(shared(target));
				yield seen(as(who, () -> history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()));
			}
			case DEPLOY -> attempt(who, () -> repository.createDeployment().name("access-matrix")
				.addModelInstance(diagramKey() + ".bpmn", diagram(diagramKey()))
				.deploy());
			case READ_HISTORY -> {
				String caseNumber = shared(target);
				yield seen(as(who, () -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
					.count()));
			}
			case READ_HISTORIC_TASKS -> {
				String caseNumber = shared(target);
				yield seen(as(who, () -> history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
					.count()));
			}
			case READ_DECISIONS -> {
				String instance = receptionOf.get(shared(target));
				yield seen(as(who, () -> history.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()));
			}
			case READ_OPERATION_LOG -> {
				String instance = receptionOf.get(shared(target));
				yield seen(as(who, () -> history.createUserOperationLogQuery().processInstanceId(instance).count()));
			}
			default -> throw new IllegalArgumentException("no Java API for " + row.action());
		};
	}

	static Outcome seen(long count) {
		return count > 0 ? ALLOWED : DENIED;
	}

	long caseFiles() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Long.class);
	}

	String diagramKey() {
		return "access-matrix-" + SEQUENCE.incrementAndGet();
	}

	static org.camunda.bpm.model.bpmn.BpmnModelInstance diagram(String key) {
		return Bpmn.createExecutableProcess(key).name("Access check").camundaHistoryTimeToLive(180)
			.startEvent().endEvent().done();
	}

	List<String> groupsOf(String user) {
		return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
	}

	/** Runs the call as the user would: with their id and groups as the engine's authentication. */
	<T> T as(String user, Supplier<T> call) {
		List<String> groups = groupsOf(user);
		identity.setAuthentication(user, groups);
		try {
			return call.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	Outcome attempt(String user, Runnable call) {
		try {
			as(user, () -> {
				call.run();
				return null;
			});
			return ALLOWED;
		}
		catch (AuthorizationException e) {
			return DENIED;
		}
	}

	// ------------------------------------------------------------------ through REST

	record Answer(Outcome outcome, int status) {
	}

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** 2xx is allowed, 403 denied; for a list, an empty one is denied. Anything else is a failure. */
	static Answer answer(ResponseEntity<JsonNode> response, Set<Integer> deniedAs) {
		int status = response.getStatusCode().value();
		if (response.getStatusCode().is2xxSuccessful()) {
			JsonNode body = response.getBody();
			boolean empty = body != null && body.isArray() && body.isEmpty();
			return new Answer(empty ? DENIED : ALLOWED, status);
		}
		if (deniedAs.contains(status)) {
			return new Answer(DENIED, status);
		}
		return fail("unexpected HTTP " + status + ": " + response.getBody());
	}

	static Answer answer(ResponseEntity<JsonNode> response) {
		return answer(response, Set.of(403));
	}

	Answer viaRest(Row row) {
		Target target = row.target();
		String who = row.who();
		return switch (row.action()) {
			case SEE_TASK -> {
				String task = shared(target);
				Answer listed = answer(call(who, HttpMethod.GET, "/engine-rest/task?maxResults=50&taskId=" + task, null));
				int single = call(who, HttpMethod.GET, "/engine-rest/task/" + task, null).getStatusCode().value();
				assertThat(single).as("GET /task/{id}").isEqualTo(listed.outcome() == ALLOWED ? 200 : 404);
				yield listed;
			}
			case COMPLETE_TASK -> {
				String task = row.expected() == ALLOWED ? freshTask(target) : shared(target);
				Answer answer = answer(call(who, HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
						restCompletion(target)));
				assertThat(tasks.createTaskQuery().taskId(task).count()).as("task still open")
					.isEqualTo(answer.outcome() == ALLOWED ? 0 : 1);
				yield answer;
			}
			case CLAIM_TASK -> {
				String task = shared(target);
				Answer answer = answer(call(who, HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
						Map.of("userId", who)));
				if (answer.outcome() == ALLOWED) {
					tasks.claim(task, null);
				}
				yield answer;
			}
			case HAND_OVER_TASK -> {
				String task = shared(target);
				yield answer(call(who, HttpMethod.POST, "/engine-rest/task/" + task + "/identity-links",
						Map.of("groupId", otherWorkgroup(target), "type", "candidate")));
			}
			case SEE_TASK_FORM -> {
				String task = shared(target);
				Answer variables = answer(call(who, HttpMethod.GET, "/engine-rest/task/" + task + "/form-variables", null));
				Answer form = answer(call(who, HttpMethod.GET, "/engine-rest/task/" + task + "/form", null));
				assertThat(form.outcome()).as("GET /task/{id}/form").isEqualTo(variables.outcome());
				yield variables;
			}
			case READ_PROTOCOL -> answer(call(who, HttpMethod.GET,
					"/engine-rest/process-definition?maxResults=50&latestVersion=true&key=" + processKey(target), null));
			case START_RECEPTION -> {
				long before = caseFiles();
				// the engine answers 404 to whoever may not even read the definition
				ResponseEntity<JsonNode> response = call(who, HttpMethod.POST,
						"/engine-rest/process-definition/key/reception/submit-form", startForm(unitOf(target)));
				Answer answer = answer(response, Set.of(403, 404));
				if (answer.outcome() == ALLOWED) {
					receptionOf.put(response.getBody().get("businessKey").asText(), response.getBody().get("id").asText());
				}
				assertThat(caseFiles()).as("case files").isEqualTo(answer.outcome() == ALLOWED ? before + 1 : before);
				yield answer;
			}
			case SET_VARIABLE -> {
				String instance = receptionOf.get(shared(target));
				yield answer(call(who, HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/accessMatrixCheck",
						Map.of("value", who, "type", "String")));
			}
			case READ_RUNNING_CASE -> answer(call(who, HttpMethod.GET,
					"/engine-rest/process-instance?maxResults=50&businessKey=" + shared(target), null));
			case READ_VARIABLES -> answer(call(who, HttpMethod.GET,
					"/engine-rest/process-instance/" + receptionOf.get(shared(target)) + "/variables", null));
			case READ_HISTORIC_VARIABLES -> answer(call(who, HttpMethod.GET,
					"/engine-rest/history/variable-instance?maxResults=50&processInstanceId=" + receptionOf.get(shared(target)),
					null));
			case READ_CASE_FILE -> answer(call(who, HttpMethod.GET, "/api/cases/" + shared(target), null));
			case TRANSFER_CASE -> {
				// to a unit that is not an entry door: a transfer that got past the access check would be a 400
				ResponseEntity<JsonNode> response = call(who, HttpMethod.POST, "/api/cases/" + shared(target) + "/transfer",
						Map.of("toUnit", SOR_SHELTER, "reason", "access check"));
				yield answer(response);
			}
			case DEPLOY -> {
				String key = diagramKey();
				MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
				body.add("deployment-name", "access-matrix");
				body.add("data", new ByteArrayResource(Bpmn.convertToString(diagram(key)).getBytes(StandardCharsets.UTF_8)) {
					@Override
					public String getFilename() {
						return key + ".bpmn";
					}
				});
				HttpHeaders headers = new HttpHeaders();
				headers.setContentType(MediaType.MULTIPART_FORM_DATA);
				Answer answer = answer(rest.withBasicAuth(who, "demo").exchange("/engine-rest/deployment/create",
						HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class));
				assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
					.isEqualTo(answer.outcome() == ALLOWED ? 1 : 0);
				yield answer;
			}
			case READ_UNITS -> answer(call(who, HttpMethod.GET, "/api/units?municipality=Sorocaba", null));
			case CHANGE_UNIT -> {
				JsonNode unit = call("admin", HttpMethod.GET, "/api/units/" + UNIT_TO_EDIT, null).getBody();
				// the unit's own details, unchanged: allowed or not, the directory stays as it was
				yield answer(call(who, HttpMethod.PUT, "/api/units/" + UNIT_TO_EDIT, unit));
			}
			case READ_HISTORY -> answer(call(who, HttpMethod.GET,
					"/engine-rest/history/process-instance?maxResults=50&processInstanceBusinessKey=" + shared(target), null));
			case READ_HISTORIC_TASKS -> answer(call(who, HttpMethod.GET,
					"/engine-rest/history/task?maxResults=50&processInstanceBusinessKey=" + shared(target), null));
			case READ_DECISIONS -> answer(call(who, HttpMethod.GET,
					"/engine-rest/history/decision-instance?maxResults=50&processInstanceId=" + receptionOf.get(shared(target)), null));
			case READ_OPERATION_LOG -> answer(call(who, HttpMethod.GET,
					"/engine-rest/history/user-operation?maxResults=50&processInstanceId=" + receptionOf.get(shared(target)), null));
		};
	}

	static Map<String, Object> startForm(String unit) {
		NewPerson person = newCase(unit).referencePerson();
		Map<String, Object> variables = new LinkedHashMap<>();
		Map.of("givenName", person.givenName(), "familyName", person.familyName(), "birthDate",
				person.birthDate().toString(), "nationality", person.nationality(), "languages", "ar", "district", "Centro",
				"unitCode", unit)
			.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		variables.put("interpreterNeeded", Map.of("value", false));
		return Map.of("variables", variables);
	}

}
