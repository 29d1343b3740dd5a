package org.acolhida.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.literacy.LiteracyEnrollmentProcess;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.Rfc4180;
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
 * Attacks on what Acolhida hands to other programs, over real HTTP: text typed into a form that a
 * spreadsheet would run as a formula when staff open an export, and pages and answers that another
 * site could frame or a browser could sniff into something else. Each test asserts the attack's
 * effect did not happen: no cell of a downloaded CSV begins a formula (while the text can still be
 * read), every page and answer carries the headers that forbid framing, sniffing and foreign script.
 */
@PostgresIntegrationTest
class ExportAttacksIT {

	/** What a spreadsheet runs: OWASP's CSV injection payloads, one per character a formula begins with. */
	static List<String> payloads(String token) {
		return List.of("=HYPERLINK(\"http://x/" + token + "\",\"y\")", "+SUM(1+1)*cmd|' /C calc'!A0 " + token,
				"-2+3+cmd|' /C calc'!A0 " + token, "@SUM(1+1)*cmd|' /C calc'!A0 " + token);
	}

	private static final String FORMULA_START = "^[=+\\-@\t\r].*";

	@Autowired
	TestRestTemplate rest;

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			variables.put((String) namesAndValues[i], value instanceof List<?> list
					? Map.of("type", "Json", "value", "[" + String.join(",", list.stream().map(v -> "\"" + v + "\"").toList()) + "]")
					: Map.of("value", value));
		}
		return Map.of("variables", variables);
	}

	JsonNode task(String user, String caseNumber, String taskDefinitionKey) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			ResponseEntity<JsonNode> tasks = call(user, HttpMethod.GET, "/engine-rest/task?maxResults=5"
					+ "&processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + taskDefinitionKey, null);
			if (tasks.getStatusCode() == HttpStatus.OK && tasks.getBody().size() == 1) {
				return tasks.getBody().get(0);
			}
			assertThat(Instant.now()).as("%s sees the task %s of %s, not %s", user, taskDefinitionKey, caseNumber, tasks)
				.isBefore(until);
			pause();
		}
	}

	void submit(String user, JsonNode task, Map<String, Object> variables) {
		ResponseEntity<JsonNode> submitted = call(user, HttpMethod.POST,
				"/engine-rest/task/" + task.get("id").asText() + "/submit-form", variables);
		assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/**
	 * A household received by ana at CRAS Norte (Sorocaba) whose reference person needs a literacy
	 * class, placed by the literacy worker davi, who types the learner's district as she says it:
	 * no class fits her Sunday mornings, so she waits for one and the demand report counts her.
	 */
	String learnerWaitingIn(String district) {
		ResponseEntity<JsonNode> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form",
				variables("givenName", "Aprendiz", "familyName", familyName(), "birthDate", "1987-04-02", "nationality",
						"Venezuela", "languages", "es", "district", "Éden", "interpreterNeeded", false, "documentType",
						"PASSPORT", "documentNumber", "VE-" + UUID.randomUUID().toString().substring(0, 8)));
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		String caseNumber = call("admin", HttpMethod.GET,
				"/engine-rest/process-instance/" + started.getBody().get("id").asText(), null)
			.getBody().get("businessKey").asText();
		submit("ana", task("ana", caseNumber, ReceptionProcess.Elements.REGISTER_HOUSEHOLD),
				Map.of("variables", Map.of("householdMembers", Map.of("type", "Json", "value", "[]"))));
		submit("ana", task("ana", caseNumber, ReceptionProcess.Elements.QUALIFIED_LISTENING), variables("needsDocumentation", false,
				"needsHousing", false, "needsLiteracy", true, "needsLegalAid", false, "needsHealth", false,
				"sleepingRoughTonight", false, "childrenInHousehold", false, "protectionConcern", false,
				"consentToShare", true));
		submit("davi", task("davi", caseNumber, LiteracyEnrollmentProcess.Elements.PLACEMENT), variables("needsClass", true, "level", "B1",
				"literateInOwnLanguage", true, "availableDays", List.of("SUNDAY"), "availableTimes", List.of("MORNING"),
				"learnerDistrict", district));
		return caseNumber;
	}

	@Test
	void shouldShowADistrictTypedAsAFormulaAsTextInTheDemandCsv() {
		String token = UUID.randomUUID().toString().substring(0, 8);
		List<String> districts = payloads(token);
		districts.forEach(this::learnerWaitingIn);

		List<List<String>> rows = new ArrayList<>();
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		while (rows.stream().filter(row -> row.get(1).contains(token)).count() < districts.size()) {
			assertThat(Instant.now()).as("the four learners in the demand report: %s", rows).isBefore(until);
			pause();
			ResponseEntity<String> csv = rest.withBasicAuth("davi", "demo")
				.getForEntity("/api/literacy/demand.csv?municipality=Sorocaba", String.class);
			assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
			rows = Rfc4180.parse(csv.getBody());
		}

		assertThat(rows).flatMap(row -> row).as("no cell a spreadsheet would run").noneMatch(cell -> cell.matches(FORMULA_START));
		assertThat(rows).extracting(row -> row.get(1))
			.as("the districts as the learners said them, shown as text")
			.containsAll(districts.stream().map(district -> "'" + district).toList());
	}

	@Test
	void shouldShowTextTypedAsAFormulaAsTextInTheAuditCsv() {
		String token = UUID.randomUUID().toString().substring(0, 8);
		String district = payloads(token).get(0);
		String caseNumber = learnerWaitingIn(district);
		// an integration (with the administrator's rights) names variables as it likes: names begin cells
		String instanceId = call("admin", HttpMethod.GET,
				"/engine-rest/process-instance?maxResults=5&processDefinitionKey=reception&businessKey=" + caseNumber, null)
			.getBody().get(0).get("id").asText();
		Map<String, Object> modifications = new LinkedHashMap<>();
		payloads(token).forEach(name -> modifications.put(name, Map.of("value", "x")));
		assertThat(call("admin", HttpMethod.POST, "/engine-rest/process-instance/" + instanceId + "/variables",
				Map.of("modifications", modifications)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<String> csv = rest.withBasicAuth("otavio", "demo")
			.getForEntity("/api/audit/cases/" + caseNumber + "/timeline.csv", String.class);

		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<List<String>> rows = Rfc4180.parse(csv.getBody());
		assertThat(rows).flatMap(row -> row).as("no cell a spreadsheet would run").noneMatch(cell -> cell.matches(FORMULA_START));
		List<String> details = rows.stream().map(row -> row.get(9)).toList();
		assertThat(details).as("the variables' names and the district, readable")
			.containsAll(payloads(token).stream().map(name -> "'" + name + ": (new) → x").toList())
			.anyMatch(cell -> cell.startsWith("learnerDistrict: ") && cell.endsWith(" → " + district));
	}

	@Test
	void shouldForbidFramingSniffingAndForeignScriptOnTheAuditPagesAndTheApi() {
		HttpHeaders acceptJson = new HttpHeaders();
		acceptJson.setAccept(List.of(MediaType.APPLICATION_JSON));
		Map<String, ResponseEntity<String>> answers = new LinkedHashMap<>();
		answers.put("/audit/", rest.getForEntity("/audit/", String.class));
		answers.put("/audit/index.html", rest.getForEntity("/audit/index.html", String.class));
		answers.put("/audit/audit.js", rest.getForEntity("/audit/audit.js", String.class));
		answers.put("/api/units (JSON)", rest.withBasicAuth("helena", "demo")
			.exchange("/api/units?municipality=Sorocaba", HttpMethod.GET, new HttpEntity<>(acceptJson), String.class));
		answers.put("/api/literacy/demand.csv (CSV)",
				rest.withBasicAuth("davi", "demo").getForEntity("/api/literacy/demand.csv", String.class));
		answers.put("/api/units (401)", rest.getForEntity("/api/units", String.class));
		answers.put("/api/literacy/demand.csv (403)",
				rest.withBasicAuth("ana", "demo").getForEntity("/api/literacy/demand.csv", String.class));

		assertThat(answers.get("/audit/").getBody()).contains("Case history");
		assertThat(answers.get("/api/units (JSON)").getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(answers.get("/api/literacy/demand.csv (CSV)").getHeaders().getContentType().toString())
			.startsWith("text/csv");
		assertThat(answers.get("/api/units (401)").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(answers.get("/api/literacy/demand.csv (403)").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		answers.forEach((what, answer) -> {
			HttpHeaders headers = answer.getHeaders();
			String policy = headers.getFirst("Content-Security-Policy");
			assertThat(policy).as(what).isNotNull();
			assertThat(policy.split(";\\s*")).as(what)
				.contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
				.noneMatch(directive -> directive.contains("*"))
				.as("%s: no inline script or style element anywhere; style attributes on the pages only", what)
				.allMatch(directive -> !directive.contains("unsafe-")
						|| what.startsWith("/audit") && directive.equals("style-src-attr 'unsafe-inline'"));
			assertThat(headers.getFirst("X-Frame-Options")).as(what).isEqualTo("DENY");
			assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
			assertThat(headers.getFirst("Referrer-Policy")).as(what).isEqualTo("no-referrer");
		});
	}

	/** A family name of its own for every household, so that reception finds no duplicate. */
	private static String familyName() {
		StringBuilder name = new StringBuilder("P");
		ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> name.append((char) c));
		return name.toString();
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

}
