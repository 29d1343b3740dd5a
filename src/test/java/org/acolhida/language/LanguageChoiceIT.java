package org.acolhida.language;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.FormLabels;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker chooses the language they read in through {@code /api/me/language}, and an administrator
 * chooses it for them through {@code /api/staff/{userId}/language}: the same task form fetched from
 * {@code /engine-rest} then comes in the chosen language. A language Acolhida has no texts in is
 * refused with 400, in the caller's own language, and changes nothing.
 */
@PostgresIntegrationTest
class LanguageChoiceIT {

	static final FormLabels HOUSEHOLD_PT = FormLabels.of("reception-household", WorkLanguage.PT_BR);

	static final FormLabels HOUSEHOLD_IT = FormLabels.of("reception-household", WorkLanguage.IT);

	static final FormLabels HOUSEHOLD_EN = FormLabels.of("reception-household", WorkLanguage.EN);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@AfterEach
	void forgetChoices() {
		identity.deleteUserInfo("ana", WorkLanguage.USER_CHOICE);
	}

	/** A reception started by ana at her unit in Sorocaba; the id of its household task. */
	String householdTask() {
		ResponseEntity<JsonNode> started = rest.withBasicAuth("ana", "demo").postForEntity(
				"/engine-rest/process-definition/key/reception/submit-form",
				Map.of("variables", Map.of("givenName", value("Iracema"), "familyName",
						value("Lemos" + System.nanoTime() % 1_000_000), "birthDate", value("1979-08-21"), "nationality",
						value("Angola"), "district", value("Éden"))),
				JsonNode.class);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		return tasks.createTaskQuery().processInstanceId(started.getBody().get("id").asText()).singleResult().getId();
	}

	static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

	String membersCountLabel(String user, String taskId) {
		ResponseEntity<String> form = rest.withBasicAuth(user, "demo")
			.getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
		assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
		return DeployedForm.of(form.getBody()).label("membersCount");
	}

	ResponseEntity<JsonNode> put(String user, String path, String language) {
		return rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.PUT, new HttpEntity<>(Map.of("language", language)), JsonNode.class);
	}

	ResponseEntity<JsonNode> mine(String user) {
		return rest.withBasicAuth(user, "demo").getForEntity("/api/me/language", JsonNode.class);
	}

	@Test
	void shouldShowTheFormInTheLanguageTheWorkerChose() {
		String task = householdTask();
		assertThat(membersCountLabel("ana", task)).isEqualTo(HOUSEHOLD_PT.label("membersCount"));
		assertThat(mine("ana").getBody().get("language").asText()).isEqualTo(WorkLanguage.PT_BR);
		assertThat(mine("ana").getBody().path("chosen").asText(null)).as("her unit's language, not a choice").isNull();

		ResponseEntity<JsonNode> chosen = put("ana", "/api/me/language", "it");

		assertThat(chosen.getStatusCode()).as("%s", chosen.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(membersCountLabel("ana", task)).isEqualTo(HOUSEHOLD_IT.label("membersCount"))
			.isNotEqualTo(HOUSEHOLD_PT.label("membersCount"));
		assertThat(mine("ana").getBody().get("language").asText()).isEqualTo(WorkLanguage.IT);
		assertThat(mine("ana").getBody().get("chosen").asText()).isEqualTo(WorkLanguage.IT);

		ResponseEntity<JsonNode> english = put("ana", "/api/me/language", "EN");
		assertThat(english.getStatusCode()).as("%s", english.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(membersCountLabel("ana", task)).isEqualTo(HOUSEHOLD_EN.label("membersCount"));

		ResponseEntity<JsonNode> dropped = rest.withBasicAuth("ana", "demo")
			.exchange("/api/me/language", HttpMethod.DELETE, null, JsonNode.class);
		assertThat(dropped.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(membersCountLabel("ana", task)).as("her unit's language again")
			.isEqualTo(HOUSEHOLD_PT.label("membersCount"));
	}

	@Test
	void shouldRefuseALanguageWithoutTextsInTheCallersLanguage() {
		ResponseEntity<JsonNode> inPortuguese = put("ana", "/api/me/language", "fr");
		put("ana", "/api/me/language", "it");
		ResponseEntity<JsonNode> inItalian = put("ana", "/api/me/language", "klingon");

		assertThat(inPortuguese.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(inPortuguese.getBody().at("/errors/0/field").asText()).isEqualTo("language");
		assertThat(inPortuguese.getBody().at("/errors/0/message").asText())
			.isEqualTo(WorkLanguage.messages("i18n/languages")
				.getMessage("unknown", new Object[] { "fr", "en, pt-BR, it" }, WorkLanguage.locale("pt-BR")))
			.contains("'fr'");
		assertThat(inItalian.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(inItalian.getBody().at("/errors/0/message").asText())
			.isEqualTo(WorkLanguage.messages("i18n/languages")
				.getMessage("unknown", new Object[] { "klingon", "en, pt-BR, it" }, WorkLanguage.locale("it")))
			.isNotEqualTo(WorkLanguage.messages("i18n/languages")
				.getMessage("unknown", new Object[] { "klingon", "en, pt-BR, it" }, WorkLanguage.locale("en")));
		assertThat(mine("ana").getBody().get("chosen").asText()).as("the refused value changed nothing")
			.isEqualTo(WorkLanguage.IT);
	}

	@Test
	void shouldLetOnlyAnAdministratorChooseForAWorker() {
		String task = householdTask();

		ResponseEntity<JsonNode> byColleague = put("bruno", "/api/staff/ana/language", "it");
		ResponseEntity<JsonNode> byAdministrator = put("admin", "/api/staff/ana/language", "it");
		ResponseEntity<JsonNode> nobody = put("admin", "/api/staff/nobody-" + System.nanoTime() + "/language", "it");

		assertThat(byColleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(byAdministrator.getStatusCode()).as("%s", byAdministrator.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(membersCountLabel("ana", task)).isEqualTo(HOUSEHOLD_IT.label("membersCount"));
	}

}
