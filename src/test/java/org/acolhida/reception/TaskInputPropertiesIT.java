package org.acolhida.reception;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.acolhida.support.Hostile;
import org.acolhida.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile completions of a reception worker's task over the engine's REST API
 * ({@code /task/{id}/submit-form} and {@code /complete}), generated: always answered with a 4xx that
 * says what is wrong, or accepted; never a 500; and a refused completion leaves the task open with
 * its variables as they were. Tries per property: {@code -Djqwik.tries.default} (200).
 */
@JqwikSpringSupport
@PostgresIntegrationTest
class TaskInputPropertiesIT {

	/** The answers of "Qualified listening"; each try damages some of them. */
	static final List<String> ANSWERS = List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid",
			"needsHealth", "sleepingRoughTonight", "childrenInHousehold", "protectionConcern", "consentToShare");

	static final List<String> TYPES = List.of("String", "Boolean", "Integer", "Long", "Double", "Short", "Date", "Json",
			"Xml", "Object", "Bytes", "File", "Null", "Unknown", "");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	/** The open task the tries aim at; a new one when a try's completion was accepted. */
	String task;

	String instance;

	int accepted;

	ResponseEntity<String> send(HttpMethod method, URI path, byte[] body, String contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("ana", "demo");
		if (contentType != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("ana", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** A new reception worked up to its open "Qualified listening". */
	void openListening() throws Exception {
		ResponseEntity<JsonNode> started = call(HttpMethod.POST, "/engine-rest/process-definition/key/reception/submit-form",
				ReceptionRestIT.startForm(uniqueName(), "1985-05-06", null));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		instance = started.getBody().get("id").asText();
		String household = onlyTask().get("id").asText();
		assertThat(call(HttpMethod.POST, "/engine-rest/task/" + household + "/submit-form", Map.of("variables",
				Map.of("householdMembers", Map.of("type", "Json", "value", "[]")))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		JsonNode listening = onlyTask();
		assertThat(listening.get("taskDefinitionKey").asText()).isEqualTo(ReceptionProcess.Elements.QUALIFIED_LISTENING);
		task = listening.get("id").asText();
	}

	/** A given name no earlier reception has, so that no duplicate check stops the reception. */
	static String uniqueName() {
		String letters = Long.toString(System.nanoTime(), 26).chars()
			.mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'a' + c - '0' : c + 10)))
			.collect(java.util.stream.Collectors.joining());
		return "Prop" + letters;
	}

	JsonNode onlyTask() {
		JsonNode list = call(HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceId=" + instance, null).getBody();
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	JsonNode variables() {
		return call(HttpMethod.GET, "/engine-rest/process-instance/" + instance + "/variables?deserializeValues=false", null)
			.getBody();
	}

	static Map<String, Object> validAnswers() {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (String answer : ANSWERS) {
			variables.put(answer, new HashMap<>(Map.of("value", answer.equals("consentToShare"), "type", "Boolean")));
		}
		return variables;
	}

	/** A variable as a hostile client sends it: any value, any type name, a serialized Java object. */
	@Provide
	Arbitrary<Object> variable() {
		Arbitrary<Object> typed = Combinators.combine(Hostile.value(), Arbitraries.of(TYPES).injectNull(0.2))
			.as((value, type) -> {
				Map<String, Object> dto = new HashMap<>();
				dto.put("value", value);
				if (type != null) {
					dto.put("type", type);
				}
				return dto;
			});
		Arbitrary<Object> serialized = Arbitraries.of(javaSerialized(), javaSerializedIn("valueInfo"),
				Map.of("type", "Object", "value", "{}", "valueInfo",
						Map.of("objectTypeName", "java.lang.Runtime", "serializationDataFormat", "application/json")),
				Map.of("type", "Json", "value", "{\"a\":"), Map.of("type", "Json", "value", "[" + "[".repeat(3000)),
				Map.of("type", "Xml", "value", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
				Map.of("type", "Date", "value", "yesterday"), Map.of("type", "Integer", "value", "9999999999999"),
				Map.of("type", "Bytes", "value", "not base64!"), Map.of("type", "File", "value", "x"));
		return Arbitraries.oneOf(typed, serialized, Hostile.value());
	}

	static Map<String, Object> javaSerialized() {
		return javaSerializedIn("top");
	}

	static Map<String, Object> javaSerializedIn(String where) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(new ArrayList<>(List.of("x")));
			}
			Map<String, Object> info = Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat",
					where.equals("top") ? "application/x-java-serialized-object" : "application/X-Java-Serialized-Object ");
			return Map.of("type", "Object", "value", Base64.getEncoder().encodeToString(bytes.toByteArray()), "valueInfo", info);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	record Change(String name, Object variable) {

		@Override
		public String toString() {
			return name + "=" + Hostile.shown(variable);
		}

	}

	@Provide
	Arbitrary<List<Change>> changes() {
		Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(ANSWERS),
				Arbitraries.of("unknownVariable", "caseNumber", "unitCode", "initiator", "priority", "${x}", "", " ",
						"a".repeat(5000), "execution", "task", "x.y", "needsDocumentation\u0000"));
		return Combinators.combine(names, variable()).as(Change::new).list().ofMinSize(1).ofMaxSize(3);
	}

	@Provide
	Arbitrary<String> endpoints() {
		return Arbitraries.of("submit-form", "complete");
	}

	@SuppressWarnings("unchecked")
	static Object body(List<Change> changes, boolean dropAnswer) {
		Map<String, Object> variables = validAnswers();
		for (Change change : changes) {
			variables.put(change.name(), change.variable());
		}
		if (dropAnswer) {
			variables.remove("needsHousing");
		}
		return Map.of("variables", variables);
	}

	/**
	 * Camunda's {@code message}, or the plain text that its JSON reader answers for a body of the wrong
	 * shape ("Cannot deserialize value of type ...").
	 */
	String message(String body) {
		if (body == null) {
			return null;
		}
		try {
			JsonNode problem = json.readTree(body);
			return problem.isObject() ? problem.path("message").asText(problem.path("detail").asText()) : body;
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			return body;
		}
	}

	/** A refusal is a 4xx whose body says what is wrong, and the task is open as before. */
	void assertRefusedAndUntouched(ResponseEntity<String> answer, Object sent, JsonNode variablesBefore) throws Exception {
		assertThat(answer.getStatusCode().is4xxClientError()).as("answer %s %s to %s", answer.getStatusCode(),
				answer.getBody(), sent).isTrue();
		assertThat(message(answer.getBody())).as("message of %s", answer.getBody()).isNotBlank();
		assertThat(call(HttpMethod.GET, "/engine-rest/task/" + task, null).getStatusCode()).as("the task after %s", sent)
			.isEqualTo(HttpStatus.OK);
		assertThat(variables()).as("the variables after %s", sent).isEqualTo(variablesBefore);
	}

	@Property
	void shouldRefuseOrAcceptButNeverFailOnAHostileCompletion(@ForAll("endpoints") String endpoint,
			@ForAll("changes") List<Change> changes, @ForAll boolean dropAnswer) throws Exception {
		if (task == null) {
			openListening();
		}
		JsonNode before = variables();
		Object body = body(changes, dropAnswer);

		ResponseEntity<String> answer = send(HttpMethod.POST, URI.create("/engine-rest/task/" + task + "/" + endpoint),
				json.writeValueAsBytes(body), MediaType.APPLICATION_JSON_VALUE);

		if (answer.getStatusCode().value() == 204) {
			// Acceptable after all (e.g. an extra variable): the reception went on; the next try needs a new task.
			accepted++;
			assertThat(call(HttpMethod.GET, "/engine-rest/task/" + task, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			task = null;
		}
		else {
			assertRefusedAndUntouched(answer, endpoint + " " + changes + (dropAnswer ? " without needsHousing" : ""), before);
		}
	}

	@Provide
	Arbitrary<String> brokenBodies() {
		return Hostile.brokenBodies();
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data", "application/x-java-serialized-object").injectNull(0.1);
	}

	@Property
	void shouldRefuseABodyThatIsNotACompletion(@ForAll("endpoints") String endpoint, @ForAll("brokenBodies") String body,
			@ForAll("contentTypes") String contentType) throws Exception {
		if (task == null) {
			openListening();
		}
		JsonNode before = variables();

		ResponseEntity<String> answer = send(HttpMethod.POST, URI.create("/engine-rest/task/" + task + "/" + endpoint),
				body.getBytes(StandardCharsets.UTF_8), contentType);

		assertRefusedAndUntouched(answer, endpoint + " " + contentType + " " + body, before);
	}

	@Property
	void shouldAnswerNotFoundForATaskThatDoesNotExist(@ForAll("endpoints") String endpoint,
			@ForAll("taskIds") String taskId) throws Exception {
		URI path = UriComponentsBuilder.fromPath("/engine-rest/task/{id}/" + endpoint).buildAndExpand(taskId).encode().toUri();

		ResponseEntity<String> answer = send(HttpMethod.POST, path, json.writeValueAsBytes(Map.of("variables", validAnswers())),
				MediaType.APPLICATION_JSON_VALUE);

		assertThat(answer.getStatusCode().is4xxClientError()).as("answer %s %s to %s", answer.getStatusCode(),
				answer.getBody(), taskId).isTrue();
	}

	@Provide
	Arbitrary<String> taskIds() {
		return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(64),
				Arbitraries.of("${7*7}", "' OR '1'='1", "..", "%00", "a".repeat(3000), "null", "0", "-1", "ünïcødé", "x y"));
	}

}
