package org.acolhida.reception;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.acolhida.support.DeployedForm;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole reception driven through the engine's REST API, as Tasklist and integrating systems do:
 * the demo reception worker ana starts it with the start form's fields, works her tasks, and the
 * referral processes run with the case number as business key for her colleagues.
 */
@PostgresIntegrationTest
class ReceptionRestIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
		}
		return variables;
	}

	static Map<String, Object> startForm(String givenName, String birthDate, String unitCode) {
		Map<String, Object> form = variables("givenName", givenName, "familyName", "Valdés", "birthDate", birthDate,
				"nationality", "Venezuela", "languages", "es", "district", "Éden", "interpreterNeeded", false,
				"documentType", "PASSPORT", "documentNumber", "VE-" + givenName.hashCode());
		if (unitCode != null) {
			form.putAll(variables("unitCode", unitCode));
		}
		return Map.of("variables", form);
	}

	JsonNode onlyTask(String user, String processInstanceId) {
		JsonNode list = call(user, HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceId=" + processInstanceId, null)
			.getBody();
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	int cases() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class);
	}

	@Test
	void shouldReceiveAHouseholdFromStartFormToRunningReferrals() throws Exception {
		JsonNode startForm = call("ana", HttpMethod.GET, "/engine-rest/process-definition/key/reception/startForm", null)
			.getBody();
		assertThat(startForm.at("/camundaFormRef/key").asText()).isEqualTo("reception-start");
		String definitionId = call("ana", HttpMethod.GET, "/engine-rest/process-definition/key/reception", null)
			.getBody().get("id").asText();
		String deployedStartForm = rest.withBasicAuth("giulia", "demo")
			.getForObject("/engine-rest/process-definition/" + definitionId + "/deployed-start-form", String.class);
		assertThat(DeployedForm.of(deployedStartForm).id()).isEqualTo("reception-start");
		assertThat(deployedStartForm).contains("Data di nascita");

		// no unit code: the case goes to ana's unit
		ResponseEntity<JsonNode> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", startForm("Carmen", "1992-08-15", null));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instanceId = started.getBody().get("id").asText();
		JsonNode instance = call("admin", HttpMethod.GET, "/engine-rest/process-instance/" + instanceId, null).getBody();
		String caseNumber = instance.get("businessKey").asText();
		assertThat(caseNumber).matches("SOR-\\d{4}-\\d{6}");

		JsonNode household = onlyTask("ana", instanceId);
		assertThat(household.get("name").asText()).isEqualTo("Registrar a família · " + caseNumber + " · Carmen Valdés");
		assertThat(call("ana", HttpMethod.GET, "/engine-rest/task/" + household.get("id").asText() + "/form", null)
			.getBody().at("/camundaFormRef/key").asText()).isEqualTo("reception-household");
		assertThat(call("giulia", HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceId=" + instanceId, null).getBody())
			.isEmpty();

		Map<String, Object> members = Map.of("householdMembers", Map.of("type", "Json", "value",
				json.writeValueAsString(List.of(Map.of("relation", "CHILD", "givenName", "Luis", "familyName", "Valdés",
						"birthDate", "2017-02-03", "nationality", "Venezuela")))));
		assertThat(call("ana", HttpMethod.POST, "/engine-rest/task/" + household.get("id").asText() + "/submit-form",
				Map.of("variables", members)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		JsonNode filters = call("ana", HttpMethod.GET, "/engine-rest/filter?maxResults=50&resourceType=Task", null).getBody();
		// Her desk's list and the urgent one, in her unit's language (i18n/tasklists*.properties).
		java.util.ResourceBundle lists = java.util.ResourceBundle.getBundle("i18n/tasklists",
				java.util.Locale.forLanguageTag("pt-BR"));
		String deskList = lists.getString("role.reception") + " · CRAS Norte";
		List<String> names = new java.util.ArrayList<>();
		filters.forEach(f -> names.add(f.get("name").asText()));
		assertThat(names).contains(deskList, lists.getString("urgent.name"));
		String myUnit = filters.findParents("name").stream()
			.filter(f -> f.get("name").asText().equals(deskList))
			.findFirst().orElseThrow().get("id").asText();
		JsonNode inFilter = call("ana", HttpMethod.GET, "/engine-rest/filter/" + myUnit + "/list?maxResults=50", null).getBody();
		assertThat(inFilter.findValuesAsText("processInstanceId")).contains(instanceId);

		JsonNode listening = onlyTask("ana", instanceId);
		assertThat(listening.get("name").asText()).startsWith("Escuta qualificada · " + caseNumber);
		Map<String, Object> answers = variables("needsDocumentation", true, "needsHousing", true, "needsLiteracy", true,
				"needsLegalAid", false, "needsHealth", false, "sleepingRoughTonight", false, "childrenInHousehold", true,
				"protectionConcern", false, "consentToShare", true);
		assertThat(call("ana", HttpMethod.POST, "/engine-rest/task/" + listening.get("id").asText() + "/submit-form",
				Map.of("variables", answers)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		JsonNode instances = call("admin", HttpMethod.GET, "/engine-rest/process-instance?maxResults=50&businessKey=" + caseNumber,
				null).getBody();
		List<String> running = instances.findValuesAsText("definitionId").stream().map(id -> id.split(":")[0]).toList();
		assertThat(running).containsExactlyInAnyOrder("reception", "documentation-guidance", "housing-referral",
				"literacy-enrollment");
		JsonNode priority = call("admin", HttpMethod.GET,
				"/engine-rest/process-instance/" + instanceId + "/variables/priority", null).getBody();
		assertThat(priority.get("value").asText()).isEqualTo("HIGH");
		JsonNode brunosTasks = call("bruno", HttpMethod.GET,
				"/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + caseNumber, null).getBody();
		assertThat(brunosTasks).hasSize(1);
		assertThat(brunosTasks.get(0).get("name").asText()).startsWith(
				ProtocolTexts.fromClasspath(ProtocolTexts.fileName("documentation-guidance", WorkLanguage.PT_BR))
					.get("task_choose_documents") + " · " + caseNumber);

		JsonNode caseFile = call("ana", HttpMethod.GET, "/api/cases/" + caseNumber, null).getBody();
		assertThat(caseFile.findValuesAsText("givenName")).containsExactly("Carmen", "Luis");
		assertThat(call("giulia", HttpMethod.GET, "/api/cases/" + caseNumber, null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// the family moves: the case and its open referral tasks go to CRAS Oeste
		ResponseEntity<JsonNode> refused = call("ana", HttpMethod.POST, "/api/cases/" + caseNumber + "/transfer",
				Map.of("toUnit", "SOR-CRAS-OESTE", "reason", " "));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("reason");
		ResponseEntity<JsonNode> transferred = call("ana", HttpMethod.POST, "/api/cases/" + caseNumber + "/transfer",
				Map.of("toUnit", "SOR-CRAS-OESTE", "reason", "family moved to Vila Helena"));
		assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(transferred.getBody().get("owningUnit").asText()).isEqualTo("SOR-CRAS-OESTE");
		assertThat(transferred.getBody().at("/transfers/0/transferredBy").asText()).isEqualTo("ana");
		assertThat(call("bruno", HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + caseNumber, null)
			.getBody()).isEmpty();
		JsonNode moved = call("admin", HttpMethod.GET,
				"/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + caseNumber + "&candidateGroup=documentation.SOR-CRAS-OESTE",
				null).getBody();
		assertThat(moved).hasSize(1);
	}

	@Test
	void shouldRefuseABadStartFormWithAClearMessageAndNoCase() {
		int before = cases();

		Map<String, Object> noName = startForm("Ana", "1990-01-01", null);
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) noName.get("variables"));
		fields.remove("givenName");
		ResponseEntity<JsonNode> missing = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", Map.of("variables", fields));
		ResponseEntity<JsonNode> unknownUnit = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", startForm("Rosa", "1990-01-01", "SOR-NOWHERE"));
		ResponseEntity<JsonNode> future = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", startForm("Rosa", "2999-01-01", null));

		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(missing.getBody().get("message").asText()).contains("Nome: é obrigatório");
		assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownUnit.getBody().get("message").asText()).contains("'SOR-NOWHERE' não é uma unidade ativa do cadastro");
		assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(future.getBody().get("message").asText()).contains("Data de nascimento: está no futuro");
		ResponseEntity<JsonNode> inItalian = call("giulia", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", startForm("Rosa", "2999-01-01", null));
		assertThat(inItalian.getBody().get("message").asText()).contains("Data di nascita: è nel futuro");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void shouldNotLetStaffWithoutTheReceptionRoleStartAReception() {
		ResponseEntity<JsonNode> refused = call("carla", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", startForm("Lia", "1990-01-01", null));

		// the engine hides a process definition from whoever may not read it
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(call("carla", HttpMethod.GET, "/engine-rest/process-definition?maxResults=50&key=reception", null).getBody())
			.isEmpty();
		assertThat(call("ana", HttpMethod.GET, "/engine-rest/process-definition?maxResults=50&key=reception", null).getBody())
			.hasSize(1);
	}

}
