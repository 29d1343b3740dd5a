package org.acolhida.casepage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnitKind;
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
 * The case page as Tasklist's "Caso" tab asks for it, with the worker's Tasklist session: ana reads her
 * unit's case (household, triage, referrals, open tasks) in Portuguese, by its number and from one of
 * its tasks; giulia, at a Cremona unit, gets 403 and nothing of the case; without a session, 401. The
 * page carries nothing only an auditor may read.
 */
@PostgresIntegrationTest
class CasePageIT {

	static final String PAGE = "/camunda/api/acolhida/case-page";

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	UnitDirectory units;

	final ResourceBundle words = ResourceBundle.getBundle("i18n/case-page", Locale.forLanguageTag("pt-BR"));

	final ResourceBundle texts = ResourceBundle.getBundle("i18n/texts", Locale.forLanguageTag("pt-BR"));

	@Test
	void shouldShowTheOwningUnitsWorkerTheCaseAndTheTriageInHerLanguage() throws Exception {
		String family = "Página " + UUID.randomUUID().toString().substring(0, 6);
		String passport = "VE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String secretNotes = "Notas da escuta " + UUID.randomUUID();
		String caseNumber = receiveFamily(family, passport, secretNotes);

		HttpHeaders ana = TasklistSession.of(rest, "ana");
		ResponseEntity<String> answer = get(PAGE + "/cases/" + caseNumber, ana);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode page = JSON.readTree(answer.getBody());

		assertThat(page.get("language").asText()).isEqualTo(WorkLanguage.PT_BR);
		assertThat(page.get("caseNumber").asText()).isEqualTo(caseNumber);
		assertThat(page.get("unit").asText()).isEqualTo(units.unit("SOR-CRAS-NORTE").getName());
		assertThat(page.at("/labels/household").asText()).isEqualTo(words.getString("label.household"));
		assertThat(page.get("household").findValuesAsText("name")).containsExactly("Rosa " + family,
				"Lucía " + family, "Mateo " + family);
		assertThat(page.get("household").findValuesAsText("relation")).containsExactly(
				words.getString("relation.REFERENCE_PERSON"), words.getString("relation.CHILD"),
				words.getString("relation.CHILD"));
		assertThat(page.get("household").findValuesAsText("age")).containsExactly("36", "12", "7");
		assertThat(page.at("/household/0/languages").get(0).asText())
			.isEqualTo(Locale.forLanguageTag("es").getDisplayLanguage(Locale.forLanguageTag("pt-BR")));

		JsonNode triage = page.get("triage");
		assertThat(triage.get("decided").asBoolean()).isTrue();
		// A family with children that needs housing is of high priority (reception-triage.dmn).
		assertThat(triage.get("priority").asText()).isEqualTo(words.getString("priority.HIGH"));
		assertThat(triage.get("referralsStarted")).extracting(JsonNode::asText).contains(
				processName("documentation-guidance"), processName("literacy-enrollment"),
				texts.getString("unitKind.LEGAL_AID"))
			.anyMatch(referral -> referral.startsWith(processName("housing-referral")));
		String legalAid = units.unitsSpeaking(UnitKind.LEGAL_AID, "pt")
			.stream()
			.filter(u -> u.getMunicipality().equals("Sorocaba"))
			.findFirst()
			.orElseThrow()
			.getName();
		JsonNode stop = triage.get("nextStops").get(0);
		assertThat(stop.get("kind").asText()).isEqualTo(texts.getString("unitKind.LEGAL_AID"));
		assertThat(stop.get("unit").asText()).isEqualTo(legalAid);
		assertThat(stop.get("nextOpening").asText()).isNotBlank();

		assertThat(page.get("referrals").findValuesAsText("name")).contains(processName("documentation-guidance"),
				processName("housing-referral"), processName("literacy-enrollment"));
		assertThat(page.get("referrals").findValuesAsText("state")).containsOnly(words.getString("state.ACTIVE"));
		String referTask = stepName(ReceptionProcess.Elements.RECORD_REFERRAL_OUTCOME);
		assertThat(page.get("openTasks").findValuesAsText("name"))
			.anyMatch(name -> name.startsWith(referTask + " · " + caseNumber))
			.anyMatch(name -> name.startsWith(stepName("documentation-guidance", "task_choose_documents")));
		// Reception's steps are due by the priority (RECEPTION_DUE_*): the referral shows when.
		assertThat(page.get("openTasks")).filteredOn(t -> t.get("name").asText().startsWith(referTask))
			.singleElement()
			.satisfies(t -> assertThat(t.get("due").asText()).isNotBlank());

		// What only an auditor reads: the document number, the listening notes, who did what.
		assertThat(answer.getBody()).doesNotContain(passport, secretNotes, "openedBy", "transfers", "timeline");

		// From one of its tasks, as the tab asks: the same case.
		JsonNode task = onlyTask("ana", caseNumber, ReceptionProcess.Elements.RECORD_REFERRAL_OUTCOME);
		ResponseEntity<String> fromTask = get(PAGE + "/tasks/" + task.get("id").asText(), ana);
		assertThat(fromTask.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JSON.readTree(fromTask.getBody()).get("caseNumber").asText()).isEqualTo(caseNumber);

		// A worker of another unit: 403, by number and by task, and nothing of the case in the answer.
		HttpHeaders giulia = TasklistSession.of(rest, "giulia");
		for (String path : List.of(PAGE + "/cases/" + caseNumber, PAGE + "/tasks/" + task.get("id").asText())) {
			ResponseEntity<String> refused = get(path, giulia);
			assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(refused.getBody()).doesNotContain(family, passport);
		}
		// A case number that does not exist answers as one of another unit.
		assertThat(get(PAGE + "/cases/SOR-1999-999999", ana).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// Nobody signed in.
		ResponseEntity<String> anonymous = rest.getForEntity(PAGE + "/cases/" + caseNumber, String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getBody()).doesNotContain(family);
	}

	/** ana receives a mother and two children, 12 and 7, and does the listening: the triage decides. */
	private String receiveFamily(String family, String passport, String notes) throws Exception {
		LocalDate today = LocalDate.now();
		ResponseEntity<JsonNode> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form",
				values("unitCode", "SOR-CRAS-NORTE", "givenName", "Rosa", "familyName", family, "birthDate",
						today.minusYears(36).minusDays(40).toString(), "nationality", "Venezuela", "languages", "es",
						"district", "Éden", "interpreterNeeded", false, "documentType", "PASSPORT", "documentNumber",
						passport));
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		String caseNumber = call("admin", HttpMethod.GET, "/engine-rest/process-instance/"
				+ started.getBody().get("id").asText(), null).getBody().get("businessKey").asText();

		JsonNode household = onlyTask("ana", caseNumber, ReceptionProcess.Elements.REGISTER_HOUSEHOLD);
		String members = JSON.writeValueAsString(List.of(
				Map.of("relation", "CHILD", "givenName", "Lucía", "familyName", family, "birthDate",
						today.minusYears(12).minusDays(60).toString(), "nationality", "Venezuela"),
				Map.of("relation", "CHILD", "givenName", "Mateo", "familyName", family, "birthDate",
						today.minusYears(7).minusDays(90).toString(), "nationality", "Venezuela")));
		complete("ana", household, Map.of("variables",
				Map.of("householdMembers", Map.of("type", "Json", "value", members))));

		JsonNode listening = onlyTask("ana", caseNumber, ReceptionProcess.Elements.QUALIFIED_LISTENING);
		complete("ana", listening, values("needsDocumentation", true, "needsHousing", true, "needsLiteracy", true,
				"needsLegalAid", true, "needsHealth", false, "sleepingRoughTonight", false, "childrenInHousehold", true,
				"protectionConcern", false, "consentToShare", true, "listeningNotes", notes));
		return caseNumber;
	}

	private ResponseEntity<String> get(String path, HttpHeaders session) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(session);
		headers.setContentType(null);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	private JsonNode onlyTask(String user, String caseNumber, String key) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			JsonNode tasks = call(user, HttpMethod.GET, "/engine-rest/task?maxResults=5&taskDefinitionKey=" + key
					+ "&processInstanceBusinessKey=" + caseNumber, null).getBody();
			if (tasks != null && tasks.size() == 1) {
				return tasks.get(0);
			}
			assertThat(Instant.now()).as("%s sees task %s of %s", user, key, caseNumber).isBefore(until);
		}
	}

	private void complete(String user, JsonNode task, Map<String, Object> variables) {
		ResponseEntity<JsonNode> done = call(user, HttpMethod.POST,
				"/engine-rest/task/" + task.get("id").asText() + "/submit-form", variables);
		assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private static Map<String, Object> values(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
		}
		return Map.of("variables", variables);
	}

	private static String processName(String key) {
		return ProtocolTexts.fromClasspath(ProtocolTexts.fileName(key, WorkLanguage.PT_BR)).get("process.name");
	}

	private static String stepName(String taskId) {
		return stepName(ReceptionProcess.KEY, taskId);
	}

	private static String stepName(String processKey, String taskId) {
		return ProtocolTexts.fromClasspath(ProtocolTexts.fileName(processKey, WorkLanguage.PT_BR)).get(taskId);
	}

}
