package org.acolhida.operations;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application with {@code LOG_FORMAT=ecs}: a reception worked over REST by ana writes JSON lines
 * only, the lines of her requests name her, the lines of the engine's steps name the case, and none
 * holds what she typed about the person. The engine's step and command loggers are at DEBUG here, so
 * that a reception writes lines at all (at INFO it writes none), and the check covers them too.
 */
// First: the console is set up from this class's settings, whatever an earlier application left, and is
// plain again (without the engine's DEBUG lines) for the classes that follow.
@ExtendWith(ConsoleLogging.class)
@PostgresIntegrationTest
@TestPropertySource(properties = { "LOG_FORMAT=ecs", "logging.level.org.camunda.bpm.engine.cmd=DEBUG",
		"logging.level.org.camunda.bpm.engine.pvm=DEBUG", "logging.level.org.camunda.bpm.engine.bpmn.behavior=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIT {

	// Values no log line may hold: the person's names, birth date and document number, and free text.
	static final String GIVEN_NAME = "Zuleidy";

	static final String FAMILY_NAME = "Quintanilla";

	static final String BIRTH_DATE = "1987-11-23";

	static final String DOCUMENT_NUMBER = "VE-4471902";

	static final String CHILD_NAME = "Yurubí";

	static final String REASON = "moved in with a cousin near Praça Xerxes";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth("ana", "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
		}
		return variables;
	}

	static Map<String, Object> startForm(String birthDate) {
		return Map.of("variables", variables("givenName", GIVEN_NAME, "familyName", FAMILY_NAME, "birthDate", birthDate,
				"nationality", "Venezuela", "languages", "es", "district", "Éden", "interpreterNeeded", false,
				"documentType", "PASSPORT", "documentNumber", DOCUMENT_NUMBER));
	}

	String onlyTask(String processInstanceId) {
		JsonNode list = call(HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceId=" + processInstanceId, null)
			.getBody();
		assertThat(list).hasSize(1);
		return list.get(0).get("id").asText();
	}

	@Test
	void shouldWriteJsonLinesWithTheCaseAndTheUserAndNoPersonalData(CapturedOutput output) throws Exception {
		int mark = output.getOut().length();

		// refused forms first: a birth date in the future, one typed the way people write it (the refusal,
		// which the engine logs, once quoted it), and one the REST API cannot read as a date
		assertThat(call(HttpMethod.POST, "/engine-rest/process-definition/key/reception/submit-form", startForm("2999-01-01"))
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<JsonNode> typed = call(HttpMethod.POST, "/engine-rest/process-definition/key/reception/submit-form",
				startForm("23/11/1987"));
		assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(typed.getBody().get("message").asText()).contains("Data de nascimento: não é uma data");
		assertThat(call(HttpMethod.POST, "/engine-rest/process-definition/key/reception/submit-form",
				Map.of("variables", Map.of("birthDate", Map.of("value", "23/11/1987", "type", "Date"), "givenName",
						Map.of("value", GIVEN_NAME))))
			.getStatusCode().is4xxClientError()).isTrue();

		ResponseEntity<JsonNode> started = call(HttpMethod.POST, "/engine-rest/process-definition/key/reception/submit-form",
				startForm(BIRTH_DATE));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instanceId = started.getBody().get("id").asText();
		String caseNumber = started.getBody().get("businessKey").asText();

		// a household that is not JSON at all, as an integration might send the names as text
		String household = onlyTask(instanceId);
		ResponseEntity<JsonNode> notJson = call(HttpMethod.POST, "/engine-rest/task/" + household + "/submit-form",
				Map.of("variables", variables("householdMembers", CHILD_NAME + " " + FAMILY_NAME)));
		assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notJson.getBody().get("message").asText()).contains("Família: não é uma lista de membros da família");
		Map<String, Object> members = Map.of("householdMembers", Map.of("type", "Json", "value",
				json.writeValueAsString(List.of(Map.of("relation", "CHILD", "givenName", CHILD_NAME, "familyName", FAMILY_NAME,
						"birthDate", "2017-02-03", "nationality", "Venezuela")))));
		assertThat(call(HttpMethod.POST, "/engine-rest/task/" + household + "/submit-form",
				Map.of("variables", members)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> answers = variables("needsDocumentation", true, "needsHousing", true, "needsLiteracy", true,
				"needsLegalAid", false, "needsHealth", false, "sleepingRoughTonight", false, "childrenInHousehold", true,
				"protectionConcern", false, "consentToShare", true);
		assertThat(call(HttpMethod.POST, "/engine-rest/task/" + onlyTask(instanceId) + "/submit-form",
				Map.of("variables", answers)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(call(HttpMethod.GET, "/api/cases/" + caseNumber, null).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(HttpMethod.POST, "/api/cases/" + caseNumber + "/transfer",
				Map.of("toUnit", "SOR-CRAS-OESTE", "reason", REASON)).getStatusCode()).isEqualTo(HttpStatus.OK);

		List<JsonNode> lines = lines(output, mark);
		assertThat(output.getOut().substring(mark)).doesNotContain(GIVEN_NAME, FAMILY_NAME, BIRTH_DATE, "23/11/1987",
				DOCUMENT_NUMBER, CHILD_NAME, REASON);

		// Whatever the engine does for ana's requests names her; the sign-in's own password check does not
		// yet, and so shows that the previous request's user did not stay on the container's thread.
		List<JsonNode> requests = lines.stream().filter(line -> thread(line).startsWith("http-nio-")).toList();
		assertThat(requests.stream().filter(line -> line.has("processInstanceId")))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line.path("userId").asText()).isEqualTo("ana"));
		assertThat(requests.stream().filter(line -> line.path("message").asText().contains(" CheckPassword ")))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line.has("userId")).isFalse());
		assertThat(lines).allSatisfy(line -> assertThat(line.path("userId").asText()).isIn("", "ana"));
		assertThat(lines.stream().filter(line -> !thread(line).startsWith("http-nio-")))
			.allSatisfy(line -> assertThat(line.has("userId")).isFalse());

		// The case number from the moment the case is opened, in the engine's steps and on /api/cases/{caseNumber}
		assertThat(lines.stream()
			.filter(line -> line.path("processInstanceId").asText().equals(instanceId))
			.filter(line -> !List.of(Elements.START, Elements.OPEN_CASE).contains(line.path("activityId").asText())))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line.path("caseNumber").asText()).isEqualTo(caseNumber));
		assertThat(requests).anySatisfy(line -> {
			assertThat(line.has("processInstanceId")).isFalse();
			assertThat(line.path("caseNumber").asText()).isEqualTo(caseNumber);
			assertThat(line.path("userId").asText()).isEqualTo("ana");
		});
	}

	@Test
	void shouldNameTheUserOfTheWebappsApi(CapturedOutput output) throws Exception {
		// Sign in to Tasklist as a browser does: a session cookie and the CSRF token it hands out.
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, cookies(page));
		headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>("username=ana&password=demo", headers), String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		headers.set(HttpHeaders.COOKIE, cookies(login));
		ResponseEntity<String> session = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		headers.set("X-XSRF-TOKEN", session.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_JSON);
		int mark = output.getOut().length();

		ResponseEntity<String> tasks = rest.exchange("/camunda/api/engine/engine/default/task?maxResults=15",
				HttpMethod.POST, new HttpEntity<>(Map.of(), headers), String.class);

		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lines(output, mark).stream().filter(line -> line.path("message").asText().contains(" TaskQueryImpl ")))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line.path("userId").asText()).isEqualTo("ana"));
	}

	@Test
	void shouldKeepTheDatabaseFromQuotingAFailingRow() {
		// A refused row as a fault in a delegate would write it: PostgreSQL's detail names the whole row.
		assertThatThrownBy(() -> jdbc.update("INSERT INTO case_member (case_file, case_file_key, member_no, relation, "
				+ "given_name, family_name, birth_date, nationality) VALUES (-1, 1, 1, 'NEPHEW', ?, ?, ?, 'Venezuela')",
				GIVEN_NAME, FAMILY_NAME, LocalDate.parse(BIRTH_DATE)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("ck_case_member_relation")
			.satisfies(e -> assertThat(stackTrace(e)).doesNotContain(GIVEN_NAME, FAMILY_NAME, BIRTH_DATE));
	}

	private static String stackTrace(Throwable e) {
		StringWriter trace = new StringWriter();
		e.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	private static String cookies(ResponseEntity<String> response) {
		return String.join("; ",
				response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(cookie -> cookie.split(";")[0]).toList());
	}

	/** Every line written since the mark, each parsed as JSON: a line that is not fails the test. */
	private List<JsonNode> lines(CapturedOutput output, int mark) throws Exception {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : output.getOut().substring(mark).split("\\R")) {
			if (!line.isBlank()) {
				assertThat(line).as("a console line").startsWith("{");
				lines.add(json.readTree(line));
			}
		}
		assertThat(lines).isNotEmpty();
		return lines;
	}

	private static String thread(JsonNode line) {
		JsonNode nested = line.at("/process/thread/name");
		return nested.isMissingNode() ? line.path("process.thread.name").asText() : nested.asText();
	}

}
