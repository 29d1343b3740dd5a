package org.acolhida.security;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.documentation.DocumentationService;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workers of one unit try to start work on another unit's case, or for another unit, by every route
 * an attacker has: the REST API's start and submit-form, the webapps' engine API as Tasklist calls
 * it, a start message, a form completion that a call activity turns into a start, and the
 * application's own services. Each attempt must be refused with 403 and leave no instance, no task
 * in the other unit's queue, no case file and no personal data in the answer. The same workers'
 * own work goes on.
 */
@PostgresIntegrationTest
class CaseAccessAttacksIT {

	static final String SOR = "SOR-CRAS-NORTE";

	static final String CRE = "CRE-CARITAS-IMMIGRAZIONE";

	static final String GUIDANCE = "documentation-guidance";

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReceptionService receptions;

	@Autowired
	DocumentationService documentation;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	/** A Cremona household: its case, and what of it must never reach a Sorocaba worker. */
	String cremonaCase;

	String givenName;

	String familyName;

	String documentNumber;

	@BeforeEach
	void cremonaHousehold() {
		int n = SEQUENCE.incrementAndGet();
		givenName = "Mariam" + n;
		familyName = "Okonkwo" + n;
		documentNumber = "NG" + (8_300_000 + n);
		cremonaCase = household(CRE, givenName, familyName, documentNumber, "Zaist", "giulia");
	}

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	/** Opened by the application itself (no one signed in), as imports and the demo data are. */
	String household(String unit, String given, String family, String document, String district, String openedBy) {
		return receptions.start(new NewCase(unit, new NewPerson(null, given, family, LocalDate.of(1988, 4, 2), "Nigeria",
				List.of("en"), List.of(new NewPerson.NewDocument("PASSPORT", document))), district, false), openedBy)
			.getBusinessKey();
	}

	@Test
	void shouldRefuseAGuidanceStartedForAnotherUnitsCaseAndReturnNothingOfIt() {
		long queued = queue("documentation." + CRE);

		ResponseEntity<String> started = call("bruno", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + GUIDANCE + "/start",
				Map.of("variables", variables("caseNumber", cremonaCase), "withVariablesInReturn", true));
		ResponseEntity<String> byBusinessKey = call("bruno", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + GUIDANCE + "/start",
				Map.of("businessKey", cremonaCase, "withVariablesInReturn", true));
		ResponseEntity<String> skippingListeners = call("bruno", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + GUIDANCE + "/start",
				Map.of("variables", variables("caseNumber", cremonaCase), "withVariablesInReturn", true,
						"skipCustomListeners", true, "startInstructions",
						List.of(Map.of("type", "startBeforeActivity", "activityId", "task_choose_documents"))));

		for (ResponseEntity<String> answer : List.of(started, byBusinessKey, skippingListeners)) {
			assertRefusedCase(answer, cremonaCase);
		}
		assertNothingStartedFor(cremonaCase, GUIDANCE);
		assertThat(queue("documentation." + CRE)).isEqualTo(queued);
	}

	@Test
	void shouldRefuseItThroughTheStartFormTheWebappsAndTheStartMessage() {
		long queued = queue("documentation." + CRE);

		ResponseEntity<String> submitted = call("bruno", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + GUIDANCE + "/submit-form",
				Map.of("variables", variables("caseNumber", cremonaCase)));
		ResponseEntity<String> inTasklist = rest.exchange(
				"/camunda/api/engine/engine/default/process-definition/key/" + GUIDANCE + "/submit-form", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", variables("caseNumber", cremonaCase)), tasklistSession("bruno")),
				String.class);
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("messageName", "documentation-renewal-due");
		message.put("businessKey", cremonaCase);
		Map<String, Object> sent = variables("caseNumber", cremonaCase, "renewal", true);
		// a renewal due at once: without it the renewal's timer could not be created
		sent.put("renewalDueAt", Map.of("value", "2020-01-01T00:00:00.000+0000", "type", "Date"));
		message.put("processVariables", sent);
		message.put("resultEnabled", true);
		message.put("variablesInResultEnabled", true);
		ResponseEntity<String> byMessage = call("bruno", HttpMethod.POST, "/engine-rest/message", message);

		for (ResponseEntity<String> answer : List.of(submitted, inTasklist, byMessage)) {
			assertRefusedCase(answer, cremonaCase);
		}
		assertNothingStartedFor(cremonaCase, GUIDANCE);
		assertThat(queue("documentation." + CRE)).isEqualTo(queued);
	}

	@Test
	void shouldAnswerAnUnknownCaseNumberExactlyLikeAnotherUnitsCase() {
		String unknown = cremonaCase.substring(0, cremonaCase.lastIndexOf('-') + 1) + "999999";

		ResponseEntity<String> foreign = call("bruno", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + GUIDANCE + "/submit-form",
				Map.of("variables", variables("caseNumber", cremonaCase)));
		ResponseEntity<String> missing = call("bruno", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + GUIDANCE + "/submit-form",
				Map.of("variables", variables("caseNumber", unknown)));

		assertThat(missing.getStatusCode()).isEqualTo(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(message(missing).replace(unknown, "#")).isEqualTo(message(foreign).replace(cremonaCase, "#"));
		assertThat(missing.getBody()).doesNotContainIgnoringCase("no case").doesNotContain("não existe");

		// the application's own service, run by the signed-in worker, answers alike
		signInAs("bruno");
		assertThatThrownBy(() -> documentation.start(unknown, "bruno")).isInstanceOf(AuthorizationException.class)
			.hasMessage(message(missing));
		assertThatThrownBy(() -> documentation.start(cremonaCase, "bruno")).isInstanceOf(AuthorizationException.class)
			.hasMessage(message(foreign));
		identity.clearAuthentication();
		assertNothingStartedFor(cremonaCase, GUIDANCE);
		assertNothingStartedFor(unknown, GUIDANCE);
	}

	@Test
	void shouldAnswerReadingAnUnknownCaseExactlyLikeReadingAnotherUnitsCase() {
		String unknown = cremonaCase.substring(0, cremonaCase.lastIndexOf('-') + 1) + "999999";

		ResponseEntity<String> foreign = call("bruno", HttpMethod.GET, "/api/cases/" + cremonaCase, null);
		ResponseEntity<String> missing = call("bruno", HttpMethod.GET, "/api/cases/" + unknown, null);

		assertThat(missing.getStatusCode()).isEqualTo(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(missing.getBody().replace(unknown, "#")).isEqualTo(foreign.getBody().replace(cremonaCase, "#"));
		assertThat(foreign.getBody()).doesNotContain(CRE);
	}

	@Test
	void shouldRefuseAReceptionForAnotherUnitOrAnotherUnitsCase() {
		long caseFiles = caseFiles();
		long receptionsBefore = instances("reception");

		ResponseEntity<String> forCremona = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", startForm("Yusuf", CRE));
		ResponseEntity<String> asGiulia = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form",
				Map.of("variables", withVariable(startForm("Yusuf", null), "initiator", "giulia")));
		ResponseEntity<String> existingCase = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/start",
				Map.of("variables", variables("caseNumber", cremonaCase), "withVariablesInReturn", true));

		assertThat(forCremona.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(message(forCremona)).isEqualTo("Você não inicia atendimentos pela unidade '" + CRE
				+ "': nada foi iniciado");
		assertThat(asGiulia.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertRefusedCase(existingCase, cremonaCase);
		assertThat(caseFiles()).isEqualTo(caseFiles);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_member WHERE given_name = 'Yusuf'", Long.class))
			.isZero();
		assertThat(instances("reception")).isEqualTo(receptionsBefore);
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("reception")
			.processInstanceBusinessKey(cremonaCase).count()).as("only the reception that opened the case").isEqualTo(1);
	}

	@Test
	void shouldRefuseACallActivityThatAFormPointsAtAnotherUnitsCase() {
		long queued = queue("documentation." + CRE);
		String instance = json(call("ana", HttpMethod.POST, "/engine-rest/process-definition/key/reception/submit-form",
				startForm("Amina", null)).getBody()).get("id").asText();
		String ownCase = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
		completeAs("ana", instance, Map.of("householdMembers", Map.of("type", "Json", "value", "[]")));

		// ana's own listening, answered with the Cremona case's number
		Map<String, Object> answers = listening();
		answers.putAll(variables("caseNumber", cremonaCase));
		ResponseEntity<String> pointed = call("ana", HttpMethod.POST,
				"/engine-rest/task/" + openTask(instance) + "/submit-form", Map.of("variables", answers));

		assertRefusedCase(pointed, cremonaCase);
		assertNothingStartedFor(cremonaCase, GUIDANCE);
		assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance).count()).isZero();
		assertThat(queue("documentation." + CRE)).isEqualTo(queued);
		assertThat(runtime.getVariable(instance, "caseNumber")).isEqualTo(ownCase);
	}

	@Test
	void shouldLetBrunoStartGuidanceForHisOwnUnitsCase() {
		String ownCase = household(SOR, "Rosa", "Quispe", "PE" + (4_100_000 + SEQUENCE.incrementAndGet()), "Éden", "ana");
		long queued = queue("documentation." + SOR);

		ResponseEntity<String> started = call("bruno", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + GUIDANCE + "/start",
				Map.of("variables", variables("caseNumber", ownCase), "withVariablesInReturn", true));

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(started.getBody()).contains("Rosa Quispe");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(GUIDANCE).processInstanceBusinessKey(ownCase)
			.count()).isEqualTo(1);
		assertThat(queue("documentation." + SOR)).isEqualTo(queued + 1);
		assertThat(tasks.createTaskQuery().taskCandidateGroup("documentation." + SOR).includeAssignedTasks()
			.processInstanceBusinessKey(ownCase).count()).isEqualTo(1);
	}

	@Test
	void shouldLetAnaReceiveAHouseholdAndReferItOnAsBefore() {
		long caseFiles = caseFiles();

		ResponseEntity<String> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", startForm("Lucía", SOR));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instance = json(started.getBody()).get("id").asText();
		String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()
			.getBusinessKey();
		completeAs("ana", instance, Map.of("householdMembers", Map.of("type", "Json", "value", "[]")));
		ResponseEntity<String> listened = call("ana", HttpMethod.POST,
				"/engine-rest/task/" + openTask(instance) + "/submit-form", Map.of("variables", listening()));

		assertThat(listened.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(caseFiles()).isEqualTo(caseFiles + 1);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
			.extracting(p -> p.getProcessDefinitionId().split(":")[0])
			.contains("reception", GUIDANCE, "housing-referral");
		assertThat(tasks.createTaskQuery().taskCandidateGroup("documentation." + SOR).processInstanceBusinessKey(caseNumber)
			.count()).isEqualTo(1);
	}

	void assertRefusedCase(ResponseEntity<String> answer, String caseNumber) {
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(message(answer)).isEqualTo("O caso '" + caseNumber + "' não é um caso da sua unidade: nada foi iniciado");
		assertThat(answer.getBody()).doesNotContain(givenName, familyName, documentNumber, "Zaist", CRE);
	}

	void assertNothingStartedFor(String caseNumber, String processKey) {
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
			.processInstanceBusinessKey(caseNumber).count()).isZero();
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
			.variableValueEquals("caseNumber", caseNumber).count()).isZero();
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
			.processInstanceBusinessKey(caseNumber).count()).isZero();
	}

	/** The workgroup's open tasks, claimed or not: what its desk's list shows. */
	long queue(String workgroup) {
		return tasks.createTaskQuery().taskCandidateGroup(workgroup).includeAssignedTasks().count();
	}

	long instances(String processKey) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
	}

	long caseFiles() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Long.class);
	}

	String openTask(String instance) {
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	void completeAs(String user, String instance, Map<String, Object> variables) {
		assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + openTask(instance) + "/submit-form",
				Map.of("variables", variables)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	static Map<String, Object> listening() {
		return variables("needsDocumentation", true, "needsHousing", true, "needsLiteracy", false, "needsLegalAid",
				false, "needsHealth", false, "sleepingRoughTonight", false, "childrenInHousehold", false,
				"protectionConcern", false, "consentToShare", true);
	}

	static Map<String, Object> startForm(String givenName, String unitCode) {
		Map<String, Object> form = variables("givenName", givenName, "familyName", "Haddad", "birthDate", "1990-05-17",
				"nationality", "Syria", "languages", "ar", "district", "Centro", "interpreterNeeded", false);
		if (unitCode != null) {
			form.putAll(variables("unitCode", unitCode));
		}
		return Map.of("variables", form);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> withVariable(Map<String, Object> form, String name, Object value) {
		Map<String, Object> variables = new LinkedHashMap<>((Map<String, Object>) form.get("variables"));
		variables.putAll(variables(name, value));
		return variables;
	}

	static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
		}
		return variables;
	}

	ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	static String message(ResponseEntity<String> answer) {
		return json(answer.getBody()).get("message").asText();
	}

	static JsonNode json(String body) {
		try {
			return new ObjectMapper().readValue(body, JsonNode.class);
		}
		catch (JsonProcessingException e) {
			throw new AssertionError("not JSON: " + body, e);
		}
	}

	void signInAs(String user) {
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
	}

	HttpHeaders tasklistSession(String user) {
		return TasklistSession.of(rest, user);
	}

}
