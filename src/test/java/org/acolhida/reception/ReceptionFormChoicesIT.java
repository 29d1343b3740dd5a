package org.acolhida.reception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.CaseFiles;
import org.acolhida.language.WorkLanguage;
import org.acolhida.staff.Role;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
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
 * The reception forms as each worker is served them, so that nobody types a code: the receiving unit
 * chosen by name among the worker's own reception units (the only one already chosen), languages by
 * name in the worker's language while codes are what is stored, and a household member starting with
 * the reference person's family name, nationality and languages. What the form offers is no
 * permission: a unit the worker does not receive for is still refused, in their language.
 */
@PostgresIntegrationTest
class ReceptionFormChoicesIT {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	UnitDirectory units;

	@Autowired
	CaseFiles cases;

	@Autowired
	RuntimeService runtime;

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	JsonNode served(String user, String path) {
		ResponseEntity<String> form = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
		assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
		try {
			return JSON.readTree(form.getBody());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	JsonNode startForm(String user) {
		return served(user, "/engine-rest/process-definition/key/reception/deployed-start-form");
	}

	/** The component with this id, at any depth. */
	static JsonNode component(JsonNode form, String id) {
		List<JsonNode> todo = new ArrayList<>();
		form.path("components").forEach(todo::add);
		while (!todo.isEmpty()) {
			JsonNode component = todo.remove(0);
			if (id.equals(component.path("id").asText())) {
				return component;
			}
			component.path("components").forEach(todo::add);
		}
		throw new AssertionError("no component " + id + " in " + form.path("id"));
	}

	/** Option value -> label of a select or tag list. */
	static Map<String, String> options(JsonNode component) {
		Map<String, String> options = new LinkedHashMap<>();
		component.path("values").forEach(o -> options.put(o.path("value").asText(), o.path("label").asText()));
		return options;
	}

	/** The units where the user works in the reception role, from their Camunda workgroups. */
	List<String> receptionUnits(String user) {
		return identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.filter(id -> id.startsWith(Role.RECEPTION.at("")))
			.map(id -> id.substring(Role.RECEPTION.at("").length()))
			.toList();
	}

	@Test
	void shouldOfferTheWorkersOwnReceivingUnitByNameAlreadyChosen() {
		for (String worker : List.of("ana", "giulia")) {
			List<String> own = receptionUnits(worker);
			assertThat(own).as("%s's reception units", worker).hasSize(1);
			JsonNode unit = component(startForm(worker), "unitCode");

			assertThat(unit.path("type").asText()).isEqualTo("select");
			assertThat(options(unit)).as("%s's receiving units", worker)
				.containsExactly(Map.entry(own.get(0), units.unit(own.get(0)).getName()));
			assertThat(unit.path("defaultValue").asText()).isEqualTo(own.get(0));
		}
		JsonNode forAdmin = component(startForm("admin"), "unitCode");
		assertThat(options(forAdmin)).as("the administrator receives for no unit").isEmpty();
		assertThat(forAdmin.has("defaultValue")).isFalse();
	}

	@Test
	void shouldStillRefuseAUnitTheWorkerDoesNotReceiveForInTheirLanguage() {
		String cremona = receptionUnits("giulia").get(0);
		ResponseEntity<JsonNode> refused = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", ReceptionRestIT.startForm("Rosa", "1990-01-01", cremona));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("message").asText())
			.contains(java.util.ResourceBundle.getBundle("i18n/form-errors", Locale.forLanguageTag(WorkLanguage.PT_BR))
				.getString("start.unit")
				.replace("''{0}''", "'" + cremona + "'"));
	}

	@Test
	void shouldNameLanguagesInTheReadersLanguageAndKeepCodesAsValues() {
		Map<String, String> portuguese = options(component(startForm("ana"), "languages"));
		Map<String, String> italian = options(component(startForm("giulia"), "languages"));
		Map<String, String> english = options(component(startForm("admin"), "languages"));

		assertThat(portuguese.keySet()).as("every ISO 639 language, by code")
			.containsExactlyInAnyOrder(Locale.getISOLanguages());
		assertThat(portuguese).containsEntry("ht", "Crioulo haitiano").containsEntry("es", "Espanhol");
		assertThat(italian).containsEntry("ht", "Creolo haitiano").containsEntry("es", "Spagnolo")
			.containsEntry("tw", "Twi");
		assertThat(english).containsEntry("ht", "Haitian Creole").containsEntry("es", "Spanish");
		assertThat(new ArrayList<>(portuguese.values())).as("in the order a Portuguese reader looks for them")
			.isSortedAccordingTo(java.text.Collator.getInstance(Locale.forLanguageTag(WorkLanguage.PT_BR)));
		// the household's members are asked the same way
		String task = householdTask("Kabila" + suffix(), "CD", List.of("fr", "ln"));
		assertThat(options(component(taskForm("ana", task), "member3_languages"))).isEqualTo(portuguese);
	}

	@Test
	void shouldNameNationalitiesInTheReadersLanguageAndStoreTheCountrysCode() {
		JsonNode nationality = component(startForm("ana"), "nationality");
		Map<String, String> portuguese = options(nationality);
		Map<String, String> italian = options(component(startForm("giulia"), "nationality"));

		assertThat(nationality.path("type").asText()).isEqualTo("select");
		assertThat(nationality.path("searchable").asBoolean()).as("a long list: searched as typed").isTrue();
		assertThat(portuguese.keySet()).as("every ISO 3166 country, by code")
			.containsExactlyInAnyOrder(Locale.getISOCountries());
		for (String code : List.of("VE", "HT", "CI", "SN", "PK")) {
			assertThat(portuguese).containsEntry(code,
					new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.forLanguageTag(WorkLanguage.PT_BR)));
			assertThat(italian).containsEntry(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ITALIAN));
		}
		assertThat(portuguese.get("HT")).isNotEqualTo(italian.get("CI")).isNotEqualTo("HT");
		assertThat(new ArrayList<>(portuguese.values())).as("in the order a Portuguese reader looks for them")
			.isSortedAccordingTo(java.text.Collator.getInstance(Locale.forLanguageTag(WorkLanguage.PT_BR)));

		// the code is what the case file keeps, and a household member is offered the same list
		String familyName = "Joseph" + suffix();
		String task = householdTask(familyName, "HT", List.of("ht"));
		assertThat(options(component(taskForm("ana", task), "member2_nationality"))).isEqualTo(portuguese);
		String instance = call("ana", HttpMethod.GET, "/engine-rest/task/" + task, null).getBody()
			.path("processInstanceId").asText();
		String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
		assertThat(cases.find(caseNumber).getMembers().get(0).nationality()).isEqualTo("HT");
	}

	@Test
	void shouldStartEachHouseholdMemberWithTheReferencePersonsFamilyNationalityAndLanguages() {
		String familyName = "Kabila" + suffix();
		String task = householdTask(familyName, "CD", List.of("fr", "ln"));
		JsonNode form = taskForm("ana", task);

		for (int member = 1; member <= 8; member++) {
			assertThat(component(form, "member" + member + "_familyName").path("defaultValue").asText())
				.isEqualTo(familyName);
			assertThat(component(form, "member" + member + "_nationality").path("defaultValue").asText())
				.isEqualTo("CD");
			assertThat(component(form, "member" + member + "_languages").path("defaultValue").toString())
				.isEqualTo("[\"fr\",\"ln\"]");
			assertThat(component(form, "member" + member + "_givenName").has("defaultValue")).isFalse();
		}
	}

	@Test
	void shouldStoreTheLanguagesATagListSendsAsCodes() {
		String familyName = "Kabila" + suffix();
		String task = householdTask(familyName, "CD", List.of("fr"));
		String instance = call("ana", HttpMethod.GET, "/engine-rest/task/" + task, null).getBody()
			.path("processInstanceId").asText();
		String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
		// as Tasklist sends a group holding a tag list: a JSON object, the languages a JSON list
		String member = """
				{"relation":"CHILD","givenName":"Grace","familyName":"%s","birthDate":"2015-05-01",
				"nationality":"CD","languages":["fr","ln"]}""".formatted(familyName);
		ResponseEntity<JsonNode> done = call("ana", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
				Map.of("variables", Map.of("membersCount", Map.of("value", 1, "type", "Integer"), "member1",
						Map.of("value", member, "type", "Json"))));

		assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(cases.find(caseNumber).getMembers().get(1).languageList()).containsExactly("fr", "ln");
	}

	/** A reception started by ana for a new person; the id of its household task. */
	String householdTask(String familyName, String nationality, List<String> languages) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("givenName", Map.of("value", "Esther"));
		variables.put("familyName", Map.of("value", familyName));
		variables.put("birthDate", Map.of("value", "1987-02-11"));
		variables.put("nationality", Map.of("value", nationality));
		variables.put("languages", Map.of("value", JSON.valueToTree(languages).toString(), "type", "Json"));
		variables.put("district", Map.of("value", "Éden"));
		ResponseEntity<JsonNode> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form", Map.of("variables", variables));
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		JsonNode tasks = call("ana", HttpMethod.GET,
				"/engine-rest/task?maxResults=50&processInstanceId=" + started.getBody().get("id").asText(), null).getBody();
		assertThat(tasks).hasSize(1);
		return tasks.get(0).get("id").asText();
	}

	JsonNode taskForm(String user, String taskId) {
		return served(user, "/engine-rest/task/" + taskId + "/deployed-form");
	}

	/** Letters only: a family name with digits would look like no name in the case file. */
	static String suffix() {
		StringBuilder letters = new StringBuilder();
		new java.util.Random().ints(6, 'a', 'z' + 1).forEach(letter -> letters.append((char) letter));
		return letters.toString();
	}

}
