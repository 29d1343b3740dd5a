package org.acolhida.system;

import java.util.List;
import java.util.Map;

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
 * Task and filter queries with an expression at any depth are refused before the engine evaluates
 * them (Camunda 7.24.0 Community evaluates those nested in {@code orQueries}).
 */
@PostgresIntegrationTest
class EngineRequestGuardIT {

	/** Would create a file on the server if the engine evaluated it. */
	static final String PAYLOAD = "${''.getClass().forName('java.io.File').getConstructor(''.getClass())"
			+ ".newInstance('/tmp/acolhida-pwned').createNewFile()}";

	@Autowired
	TestRestTemplate rest;

	ResponseEntity<String> post(String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("bruno", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	@Test
	void shouldAnswerAnOrdinaryTaskQuery() {
		ResponseEntity<String> response = post("/engine-rest/task?maxResults=50",
				Map.of("orQueries", List.of(Map.of("nameLike", "%case%"))));

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldRefuseAnUnboundedTaskQuery() {
		ResponseEntity<String> response = post("/engine-rest/task", Map.of());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("unbound");
	}

	@Test
	void shouldRefuseAnExpressionInsideOrQueries() {
		ResponseEntity<String> response = post("/engine-rest/task",
				Map.of("orQueries", List.of(Map.of("dueDateExpression", PAYLOAD))));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("Expressions are not allowed", "orQueries[0].dueDateExpression");
		assertThat(new java.io.File("/tmp/acolhida-pwned")).doesNotExist();
	}

	@Test
	void shouldRefuseAnExpressionValueHiddenInAnOrdinaryField() {
		assertThat(post("/engine-rest/task/count",
				Map.of("orQueries", List.of(Map.of("or", List.of(Map.of("assignee", "#{1+1}")))))).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRefuseAnExpressionInQueryParameters() {
		ResponseEntity<String> response = rest.withBasicAuth("bruno", "demo")
			.getForEntity("/engine-rest/task?dueBeforeExpression={e}", String.class, "${now()}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRefuseAnExpressionOnTheApiTasklistUses() {
		// Sign in to the webapps as Tasklist does: a session cookie and the CSRF token it hands out.
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		String cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
			.map(cookie -> cookie.split(";")[0]).toList());
		String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, cookies);
		headers.add("X-XSRF-TOKEN", token);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>("username=marco&password=demo", headers), String.class);
		assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
		// Signing in starts a new session, which has a CSRF token of its own.
		List<String> renewed = login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		headers.set(HttpHeaders.COOKIE, String.join("; ", renewed.stream().map(c -> c.split(";")[0]).toList()));
		ResponseEntity<String> session = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		headers.set("X-XSRF-TOKEN", session.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<String> plain = rest.exchange("/camunda/api/engine/engine/default/task?maxResults=15",
				HttpMethod.POST, new HttpEntity<>(Map.of("orQueries", List.of(Map.of("nameLike", "%a%"))), headers),
				String.class);
		ResponseEntity<String> hostile = rest.exchange("/camunda/api/engine/engine/default/task?maxResults=15",
				HttpMethod.POST,
				new HttpEntity<>(Map.of("orQueries", List.of(Map.of("followUpBeforeExpression", PAYLOAD))), headers),
				String.class);

		assertThat(plain.getStatusCode()).as(plain.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(hostile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(hostile.getBody()).contains("Expressions are not allowed");
	}

	@Test
	void shouldRefuseAFilterWhoseStoredQueryHasAnExpression() {
		ResponseEntity<String> response = post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name",
				"Mine", "query", Map.of("orQueries", List.of(Map.of("candidateUserExpression", "${currentUser()}")))));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldAnswerValidJsonWhenTheRefusedFieldHasCharactersJsonMustEscape() throws Exception {
		String name = "note \"quoted\" \\ back\u0001slash\n";
		ResponseEntity<String> response = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of(name, Map.of("value", "${7*7}"))));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).get("message").asText())
			.contains("Expressions are not allowed", name);
	}

	@Test
	void shouldRefuseVariablesTheEngineWouldFailOnWithAMessage() throws Exception {
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
		ResponseEntity<String> emptyType = post("/engine-rest/task/any-task/complete",
				Map.of("variables", Map.of("note", Map.of("type", "", "value", ""))));
		ResponseEntity<String> xml = post("/engine-rest/task/any-task/complete",
				Map.of("variables", Map.of("note", Map.of("type", "Xml", "value", "<x/>"))));
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("bruno", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> broken = rest.exchange("/engine-rest/task/any-task/complete", HttpMethod.POST,
				new HttpEntity<>("{", headers), String.class);

		ResponseEntity<String> notJson = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of("members", Map.of("type", "Json", "value", "[{"))));
		ResponseEntity<String> nothing = rest.exchange("/engine-rest/task/any-task/submit-form", HttpMethod.POST,
				new HttpEntity<>("null", headers), String.class);

		ResponseEntity<String> javaClass = post("/engine-rest/task/any-task/submit-form", Map.of("variables", Map.of("members",
				Map.of("type", "Object", "value", "{}", "valueInfo", Map.of("objectTypeName", "java.lang.Runtime",
						"serializationDataFormat", "application/json")))));
		ResponseEntity<String> blank = rest.exchange("/engine-rest/task/any-task/complete", HttpMethod.POST,
				new HttpEntity<>(" \t", headers), String.class);

		ResponseEntity<String> file = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of("scan", Map.of("type", "File", "value", ""))));
		ResponseEntity<String> longText = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of("note", Map.of("value", "x".repeat(4001)))));

		ResponseEntity<String> longName = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of("n".repeat(256), Map.of("value", "x"))));
		ResponseEntity<String> nul = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of("note", Map.of("value", "a\u0000b"))));

		// found by TaskInputPropertiesIT: a body that is JSON but not a completion, and a bare value
		ResponseEntity<String> array = rest.exchange("/engine-rest/task/any-task/submit-form", HttpMethod.POST,
				new HttpEntity<>("[]", headers), String.class);
		ResponseEntity<String> string = rest.exchange("/engine-rest/task/any-task/complete", HttpMethod.POST,
				new HttpEntity<>("\"unit\"", headers), String.class);
		ResponseEntity<String> bareValue = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of("needsDocumentation", "\uD83D\uDC69\u200D\u2695\uFE0F")));
		ResponseEntity<String> twoBodies = rest.exchange("/engine-rest/task/any-task/submit-form", HttpMethod.POST,
				new HttpEntity<>("{\"variables\":{}}{\"variables\":{}}", headers), String.class);
		ResponseEntity<String> xmlWithoutValue = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", Map.of("needsDocumentation", Map.of("type", "Xml"))));
		ResponseEntity<String> variablesList = post("/engine-rest/task/any-task/submit-form",
				Map.of("variables", List.of("needsDocumentation")));

		for (ResponseEntity<String> refused : List.of(emptyType, xml, broken, notJson, nothing, javaClass, blank, file,
				longText, longName, nul, array, string, bareValue, xmlWithoutValue, variablesList,
				twoBodies)) {
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(json.readTree(refused.getBody()).get("message").asText()).isNotBlank();
		}
		assertThat(xml.getBody()).contains("Xml are not accepted");
		assertThat(bareValue.getBody()).contains("variables.needsDocumentation", "not a bare value");
	}

}
