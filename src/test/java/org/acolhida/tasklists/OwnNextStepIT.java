package org.acolhida.tasklists;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ana starts a reception at her desk: its household registration and its listening come to her
 * assigned, with nothing to claim; the documentation step that follows goes to the documentation
 * desk's list, assigned to nobody.
 */
@PostgresIntegrationTest
class OwnNextStepIT {

	@Autowired
	TestRestTemplate rest;

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	static Map<String, Object> values(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
		}
		return Map.of("variables", variables);
	}

	JsonNode task(String user, String processInstanceId, String key) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			JsonNode tasks = call(user, HttpMethod.GET, "/engine-rest/task?maxResults=5&taskDefinitionKey=" + key
					+ "&" + processInstanceId, null).getBody();
			if (tasks != null && tasks.size() == 1) {
				return tasks.get(0);
			}
			assertThat(Instant.now()).as("%s sees task %s", user, key).isBefore(until);
		}
	}

	void complete(String user, JsonNode task, Map<String, Object> variables) {
		assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + task.get("id").asText() + "/submit-form", variables)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void shouldGiveTheWorkerWhoStartsACaseItsNextStepsAtHerDeskAndLeaveOtherDesksUnassigned() {
		ResponseEntity<JsonNode> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form",
				values("givenName", "Própria", "familyName", "Etapa " + UUID.randomUUID().toString().substring(0, 6),
						"birthDate", "1990-01-02", "nationality", "Haiti", "languages", "ht", "district", "Éden",
						"interpreterNeeded", false, "documentType", "PASSPORT", "documentNumber",
						"HT-" + UUID.randomUUID().toString().substring(0, 8)));
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		String instance = "processInstanceId=" + started.getBody().get("id").asText();

		JsonNode household = task("ana", instance, ReceptionProcess.Elements.REGISTER_HOUSEHOLD);
		assertThat(household.get("assignee").asText()).as("the case she started").isEqualTo("ana");
		complete("ana", household, Map.of("variables", Map.of("householdMembers", Map.of("type", "Json", "value", "[]"))));

		JsonNode listening = task("ana", instance, ReceptionProcess.Elements.QUALIFIED_LISTENING);
		assertThat(listening.get("assignee").asText()).as("her next step at her desk").isEqualTo("ana");
		complete("ana", listening, values("needsDocumentation", true, "needsHousing", false, "needsLiteracy", false,
				"needsLegalAid", false, "needsHealth", false, "sleepingRoughTonight", false, "childrenInHousehold", false,
				"protectionConcern", false, "consentToShare", true));

		String caseNumber = call("admin", HttpMethod.GET, "/engine-rest/process-instance/"
				+ started.getBody().get("id").asText(), null).getBody().get("businessKey").asText();
		JsonNode documentation = task("bruno", "processInstanceBusinessKey=" + caseNumber,
				DocumentationProcess.Elements.CHOOSE_DOCUMENTS);
		assertThat(documentation.get("assignee").isNull()).as("another desk's step: %s", documentation).isTrue();
	}

}
