package org.acolhida.language;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.FormLabels;
import org.acolhida.support.ModelerDeployment;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One form per step, read by each worker in their own language over the engine's REST API and
 * Tasklist's: the same task's form in Portuguese for a worker of Sorocaba, in Italian for one of
 * Cremona, in English for the administrator, who has no unit; a language chosen in a user's profile
 * wins; texts deployed with a form from Modeler are the ones read.
 */
@PostgresIntegrationTest
class TranslatedFormsIT {

	static final FormLabels HOUSEHOLD_EN = FormLabels.of("reception-household", WorkLanguage.EN);

	static final FormLabels HOUSEHOLD_PT = FormLabels.of("reception-household", WorkLanguage.PT_BR);

	static final FormLabels HOUSEHOLD_IT = FormLabels.of("reception-household", WorkLanguage.IT);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	/**
	 * A reception started by ana at her unit in Sorocaba, of a person met for the first time (no possible
	 * duplicate); the id of its household task.
	 */
	String sorocabaHouseholdTask() {
		StringBuilder familyName = new StringBuilder("Prates");
		new java.util.Random().ints(6, 'a', 'z' + 1).forEach(letter -> familyName.append((char) letter));
		ResponseEntity<JsonNode> started = rest.withBasicAuth("ana", "demo").postForEntity(
				"/engine-rest/process-definition/key/reception/submit-form",
				Map.of("variables", Map.of("givenName", value("Idalina"), "familyName", value(familyName.toString()), "birthDate",
						value("1985-04-09"), "nationality", value("Angola"), "district", value("Éden"))),
				JsonNode.class);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		return tasks.createTaskQuery().processInstanceId(started.getBody().get("id").asText()).singleResult().getId();
	}

	static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

	DeployedForm taskForm(String user, String taskId) {
		ResponseEntity<String> form = rest.withBasicAuth(user, "demo")
			.getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
		assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
		return DeployedForm.of(form.getBody());
	}

	DeployedForm startForm(String user, String processKey) {
		ResponseEntity<String> form = rest.withBasicAuth(user, "demo")
			.getForEntity("/engine-rest/process-definition/key/" + processKey + "/deployed-start-form", String.class);
		assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
		return DeployedForm.of(form.getBody());
	}

	@Test
	void shouldShowTheSameTaskFormToEachWorkerInTheirLanguage() {
		String task = sorocabaHouseholdTask();
		// A Cremona worker reading a Sorocaba case (as after a transfer): her language, not the case's.
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId("giulia");
		grant.setResource(Resources.TASK);
		grant.setResourceId(task);
		grant.addPermission(Permissions.READ);
		authorizations.saveAuthorization(grant);
		try {
			DeployedForm ana = taskForm("ana", task);
			DeployedForm giulia = taskForm("giulia", task);
			DeployedForm admin = taskForm("admin", task);

			assertThat(ana.id()).isEqualTo(giulia.id()).isEqualTo(admin.id()).isEqualTo("reception-household");
			assertThat(ana.label("membersCount")).isEqualTo(HOUSEHOLD_PT.label("membersCount"));
			assertThat(giulia.label("membersCount")).isEqualTo(HOUSEHOLD_IT.label("membersCount"));
			assertThat(admin.label("membersCount")).isEqualTo(HOUSEHOLD_EN.label("membersCount"));
			assertThat(java.util.Set.of(ana.label("membersCount"), giulia.label("membersCount"),
					admin.label("membersCount"))).as("three languages").hasSize(3);
			// Options are translated by value; the values the decision tables read stay as they are.
			assertThat(giulia.option("relation", "CHILD")).isEqualTo(HOUSEHOLD_IT.option("relation", "CHILD"))
				.isNotEqualTo(HOUSEHOLD_EN.option("relation", "CHILD"));
			assertThat(giulia.label("member1")).isEqualTo(HOUSEHOLD_IT.label("member1"));
		}
		finally {
			authorizations.deleteAuthorization(grant.getId());
		}
	}

	@Test
	void shouldShowTasklistTheFormInTheWorkersLanguage() {
		String task = sorocabaHouseholdTask();

		ResponseEntity<String> form = rest.exchange("/camunda/api/engine/engine/default/task/" + task + "/deployed-form",
				HttpMethod.GET, new HttpEntity<>(TasklistSession.of(rest, "ana")), String.class);

		assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(DeployedForm.of(form.getBody()).label("membersCount")).isEqualTo(HOUSEHOLD_PT.label("membersCount"));
	}

	@Test
	void shouldTranslateTheStartForm() {
		FormLabels english = FormLabels.of("reception-start", WorkLanguage.EN);

		assertThat(startForm("ana", "reception").label("birthDate"))
			.isEqualTo(FormLabels.of("reception-start", WorkLanguage.PT_BR).label("birthDate"));
		assertThat(startForm("giulia", "reception").label("birthDate"))
			.isEqualTo(FormLabels.of("reception-start", WorkLanguage.IT).label("birthDate"));
		assertThat(startForm("admin", "reception").label("birthDate")).isEqualTo(english.label("birthDate"));
		assertThat(startForm("bruno", "documentation-guidance").label("caseNumber"))
			.isEqualTo(FormLabels.of("documentation-start", WorkLanguage.PT_BR).label("caseNumber"))
			.isNotEqualTo(FormLabels.of("documentation-start", WorkLanguage.EN).label("caseNumber"));
	}

	@Test
	void shouldLetAUsersOwnLanguageWinOverTheirUnits() {
		String task = sorocabaHouseholdTask();
		identity.setUserInfo("admin", WorkLanguage.USER_CHOICE, WorkLanguage.IT);
		try {
			assertThat(taskForm("admin", task).label("membersCount")).isEqualTo(HOUSEHOLD_IT.label("membersCount"));
		}
		finally {
			identity.deleteUserInfo("admin", WorkLanguage.USER_CHOICE);
		}
		assertThat(taskForm("admin", task).label("membersCount")).isEqualTo(HOUSEHOLD_EN.label("membersCount"));
	}

	@Test
	void shouldReadTheTextsDeployedWithTheFormAndTheDiagram() {
		String key = "translated-" + System.nanoTime() % 1_000_000;
		String form = """
				{"id":"%s-start","type":"default","schemaVersion":16,"executionPlatform":"Camunda Platform",
				"executionPlatformVersion":"7.24.0","components":[{"type":"select","id":"need","key":"need",
				"label":"Need","values":[{"label":"Housing","value":"HOUSING"},{"label":"Papers","value":"PAPERS"}]}]}
				""".formatted(key);
		String diagram = Bpmn.convertToString(Bpmn.createExecutableProcess(key).name("Translated")
			.camundaHistoryTimeToLive(180)
			.startEvent().camundaFormRef(key + "-start").camundaFormRefBinding("latest")
			.userTask("task_listen").name("Listen").camundaCandidateGroups("reception.${unitCode}")
			.endEvent().done());
		ResponseEntity<String> deployed = ModelerDeployment.deploy(rest, "helena", Map.of(key + ".bpmn", diagram,
				key + "-start.form", form,
				"i18n/" + key + "-start_pt_BR.properties", "need.label=Necessidade\nneed.values.HOUSING=Moradia\n",
				key + "_pt_BR.properties", "process.name=Traduzido\ntask_listen=Escutar\n"));
		assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);

		identity.setUserInfo("admin", WorkLanguage.USER_CHOICE, WorkLanguage.PT_BR);
		DeployedForm read;
		try {
			read = startForm("admin", key);
		}
		finally {
			identity.deleteUserInfo("admin", WorkLanguage.USER_CHOICE);
		}
		assertThat(read.label("need")).isEqualTo("Necessidade");
		assertThat(read.option("need", "HOUSING")).isEqualTo("Moradia");
		assertThat(read.option("need", "PAPERS")).as("a missing string stays English").isEqualTo("Papers");

		String instance = runtime.startProcessInstanceByKey(key, Map.of("unitCode", "SOR-CRAS-NORTE")).getId();
		assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getName()).isEqualTo("Escutar");
		runtime.deleteProcessInstance(instance, "test done");
	}

}
