package org.acolhida.literacy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.FormLabels;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
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
 * The adult literacy placement submitted as Tasklist submits a Camunda Form: it reads the task's
 * variables first, and sends a list (a checklist's ticked days) as JSON text typed like the variable of
 * that name, or as Json when there is none. Days typed "Null" were refused with a 500 ("Cannot convert
 * value ... of type 'Null'"), ticked or not.
 */
@PostgresIntegrationTest
class PlacementInTasklistIT {

	static final String TASKLIST_API = "/camunda/api/engine/engine/default";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

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

	/** A case at CRAS Norte whose reference person needs a class; gives the id of davi's placement task. */
	String placementTask() {
		ResponseEntity<JsonNode> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form",
				values("givenName", "Aluna", "familyName", "Placement " + UUID.randomUUID().toString().substring(0, 6),
						"birthDate", "1985-05-06", "nationality", "Venezuela", "languages", "es", "district", "Éden",
						"interpreterNeeded", false, "documentType", "PASSPORT", "documentNumber",
						"VE-" + UUID.randomUUID().toString().substring(0, 8)));
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		String instance = started.getBody().get("id").asText();
		complete("ana", task("ana", "processInstanceId=" + instance, ReceptionProcess.Elements.REGISTER_HOUSEHOLD),
				Map.of("variables", Map.of("householdMembers", Map.of("type", "Json", "value", "[]"))));
		complete("ana", task("ana", "processInstanceId=" + instance, ReceptionProcess.Elements.QUALIFIED_LISTENING),
				values("needsDocumentation", false, "needsHousing", false, "needsLiteracy", true, "needsLegalAid", false,
						"needsHealth", false, "sleepingRoughTonight", false, "childrenInHousehold", false,
						"protectionConcern", false, "consentToShare", true));
		String caseNumber = call("admin", HttpMethod.GET, "/engine-rest/process-instance/" + instance, null).getBody()
			.get("businessKey").asText();
		return task("davi", "processInstanceBusinessKey=" + caseNumber, LiteracyEnrollmentProcess.Elements.PLACEMENT);
	}

	String task(String user, String which, String key) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			JsonNode tasks = call(user, HttpMethod.GET, "/engine-rest/task?maxResults=5&taskDefinitionKey=" + key + "&"
					+ which, null).getBody();
			if (tasks != null && tasks.size() == 1) {
				return tasks.get(0).get("id").asText();
			}
			assertThat(Instant.now()).as("%s sees task %s of %s", user, key, which).isBefore(until);
		}
	}

	void complete(String user, String taskId, Map<String, Object> variables) {
		ResponseEntity<JsonNode> done = call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
				variables);
		assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/**
	 * What Tasklist sends for the placement's answers: plain values as they are; a list as JSON text with
	 * the type of the task's variable of that name (as Tasklist read it), or Json.
	 */
	Map<String, Object> asTasklistSends(JsonNode taskVariables, Map<String, Object> answers) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (Map.Entry<String, Object> answer : answers.entrySet()) {
			if (answer.getValue() instanceof List<?> list) {
				JsonNode existing = taskVariables.get(answer.getKey());
				Map<String, Object> typed = new LinkedHashMap<>();
				typed.put("type", existing == null ? "Json" : existing.get("type").asText());
				typed.put("valueInfo", existing == null ? null : json.convertValue(existing.get("valueInfo"), Map.class));
				typed.put("value", json.writeValueAsString(list));
				variables.put(answer.getKey(), typed);
			}
			else {
				variables.put(answer.getKey(), Map.of("value", answer.getValue()));
			}
		}
		return Map.of("variables", variables);
	}

	ResponseEntity<String> submitInTasklist(HttpHeaders davi, String taskId, Map<String, Object> answers)
			throws Exception {
		JsonNode taskVariables = rest.exchange(TASKLIST_API + "/task/" + taskId + "/form-variables?deserializeValues=false",
				HttpMethod.GET, new HttpEntity<>(davi), JsonNode.class).getBody();
		return rest.exchange(TASKLIST_API + "/task/" + taskId + "/submit-form", HttpMethod.POST,
				new HttpEntity<>(asTasklistSends(taskVariables, answers), davi), String.class);
	}

	static Map<String, Object> placement(boolean needsClass, List<String> days, List<String> times) {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("needsClass", needsClass);
		answers.put("level", "A1");
		answers.put("literateInOwnLanguage", true);
		answers.put("availableDays", days);
		answers.put("availableTimes", times);
		answers.put("learnerDistrict", "Éden");
		return answers;
	}

	@Test
	void shouldPlaceAnAdultWithTheDaysTickedInTasklist() throws Exception {
		String task = placementTask();
		HttpHeaders davi = TasklistSession.of(rest, "davi");

		ResponseEntity<String> submitted = submitInTasklist(davi, task,
				placement(true, List.of("MONDAY", "WEDNESDAY", "FRIDAY"), List.of("EVENING")));

		assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(call("davi", HttpMethod.GET, "/engine-rest/task/" + task, null).getStatusCode())
			.as("the placement is done").isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldTellWhichFieldIsMissingWhenNoDayIsTickedAndTakeTheCorrection() throws Exception {
		String task = placementTask();
		HttpHeaders davi = TasklistSession.of(rest, "davi");

		ResponseEntity<String> refused = submitInTasklist(davi, task, placement(true, List.of(), List.of("EVENING")));
		// The placement's own refusal, in davi's Portuguese and naming the field by its label: not a
		// conversion failure, and not the field's key.
		assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains(FormLabels.of("literacy-placement", "pt-BR").label("availableDays"))
			.doesNotContain("Null")
			.doesNotContain("availableDays")
			.as("no English frame and no task id around the refusal Tasklist shows")
			.doesNotContain("Cannot submit")
			.doesNotContain(task);

		ResponseEntity<String> corrected = submitInTasklist(davi, task,
				placement(true, List.of("TUESDAY"), List.of("EVENING")));
		assertThat(corrected.getStatusCode()).as("%s", corrected.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void shouldCloseAPlacementThatNeedsNoClassWithNoDayTicked() throws Exception {
		String task = placementTask();
		HttpHeaders davi = TasklistSession.of(rest, "davi");

		ResponseEntity<String> submitted = submitInTasklist(davi, task, placement(false, List.of(), List.of()));

		assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

}
