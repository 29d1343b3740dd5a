package org.acolhida.language;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.support.ModelerDeployment;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal names the field with the words of the form being submitted, as deployed: a manager who
 * changes a label in the bundles deployed with a form (from Camunda Modeler) changes it in the form's
 * refusals too, for the Portuguese and the Italian reader, with no copy of the label anywhere else.
 * The form is refused by reception's real delegate, submitted through Tasklist's own API.
 */
@PostgresIntegrationTest
class RefusalWordsIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcTemplate jdbc;

	final String key = "refusal-words-" + System.nanoTime() % 1_000_000;

	Authorization grant;

	/** The reception workers may start the test's process, as a manager would grant in Admin. */
	void letReceptionStartIt() {
		grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId("reception");
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId(key);
		grant.addPermission(Permissions.READ);
		grant.addPermission(Permissions.CREATE_INSTANCE);
		authorizations.saveAuthorization(grant);
	}

	@AfterEach
	void revoke() {
		if (grant != null) {
			authorizations.deleteAuthorization(grant.getId());
		}
	}

	/** A start form like reception's, opened by reception's own delegate, with the texts given beside it. */
	ResponseEntity<String> deploy(String portugueseLabel, String italianLabel) {
		String form = """
				{"id":"%s-start","type":"default","schemaVersion":16,"executionPlatform":"Camunda Platform",
				"executionPlatformVersion":"7.24.0","components":[
				{"type":"textfield","id":"givenName","key":"givenName","label":"Given name"},
				{"type":"textfield","id":"familyName","key":"familyName","label":"Family name"},
				{"type":"datetime","id":"birthDate","key":"birthDate","subtype":"date","dateLabel":"Birth date"},
				{"type":"textfield","id":"nationality","key":"nationality","label":"Nationality"}]}
				""".formatted(key);
		String diagram = Bpmn.convertToString(Bpmn.createExecutableProcess(key).name("Refusal words")
			.camundaHistoryTimeToLive(180)
			.startEvent().camundaFormRef(key + "-start").camundaFormRefBinding("latest").camundaInitiator("initiator")
			.serviceTask("service_open_case").name("Open the case").camundaDelegateExpression("${openCaseDelegate}")
			.userTask("task_listen").name("Listen").camundaCandidateGroups("reception.${unitCode}")
			.endEvent().done());
		return ModelerDeployment.deploy(rest, "helena", Map.of(key + ".bpmn", diagram, key + "-start.form", form,
				"i18n/" + key + "-start_pt_BR.properties", "givenName.label=" + portugueseLabel + "\n",
				"i18n/" + key + "-start_it.properties", "givenName.label=" + italianLabel + "\n"));
	}

	/** What Tasklist shows above the start form when the worker submits it without a given name. */
	String refusalTo(String user) {
		ResponseEntity<JsonNode> refused = rest.exchange(
				"/camunda/api/engine/engine/default/process-definition/key/" + key + "/submit-form", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", Map.of("givenName", Map.of("value", " "), "familyName",
						Map.of("value", "Nunes"), "birthDate", Map.of("value", "1990-03-04"), "nationality",
						Map.of("value", "Angola"))), TasklistSession.of(rest, user)),
				JsonNode.class);
		assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		// The engine's REST resource frames a refused start in English ("Cannot instantiate process
		// definition <id>: "); the refusal itself is what follows.
		String message = refused.getBody().get("message").asText();
		return message.replaceFirst("^Cannot instantiate process definition \\S+: ", "");
	}

	@Test
	void shouldNameTheFieldWithTheLabelDeployedWithTheForm() {
		ResponseEntity<String> first = deploy("Prenome", "Nome di battesimo");
		assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
		letReceptionStartIt();
		Integer cases = jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class);

		assertThat(refusalTo("ana")).isEqualTo("Por favor, corrija: Prenome: é obrigatório");
		assertThat(refusalTo("giulia")).isEqualTo("Correggere per favore: Nome di battesimo: è obbligatorio");

		// The manager renames the field in both bundles and deploys again, from Modeler.
		ResponseEntity<String> second = deploy("Primeiro nome", "Nome proprio");
		assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.OK);

		assertThat(refusalTo("ana")).isEqualTo("Por favor, corrija: Primeiro nome: é obrigatório");
		assertThat(refusalTo("giulia")).isEqualTo("Correggere per favore: Nome proprio: è obbligatorio");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class)).as("no case opened")
			.isEqualTo(cases);
	}

}
