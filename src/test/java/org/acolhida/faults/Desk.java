package org.acolhida.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.reception.ReceptionProcess.Variables;

/**
 * The reception desk as the fault tests drive it: the demo reception worker ana over the engine's REST
 * API, as Tasklist does (start form, then her tasks by their forms' fields). Every call is bounded by
 * a timeout; a call without an answer throws {@link IOException}, which the tests count as not
 * acknowledged.
 */
final class Desk {

	static final String WORKER = "ana";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String baseUrl;

	Desk(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** An answer: the status and the body (null when empty). */
	record Reply(int status, JsonNode body) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

	}

	/** A reception the application acknowledged: its instance and case number. */
	record Started(String instanceId, String caseNumber) {
	}

	Reply call(String user, String method, String path, Object body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			return new Reply(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/** Starts a reception from the start form; the acknowledgement carries the case number (business key). */
	Started startReception(String givenName) throws IOException {
		Map<String, Object> form = variables(Variables.GIVEN_NAME, givenName, Variables.FAMILY_NAME, "Valdés",
				Variables.BIRTH_DATE, "1990-05-17", Variables.NATIONALITY, "Venezuela", Variables.LANGUAGES, "es",
				Variables.DISTRICT, "Éden", Variables.INTERPRETER_NEEDED, false, Variables.DOCUMENT_TYPE, "PASSPORT",
				Variables.DOCUMENT_NUMBER, "VE-" + givenName);
		Reply reply = call(WORKER, "POST", "/engine-rest/process-definition/key/" + ReceptionProcess.KEY + "/submit-form",
				Map.of("variables", form));
		if (!reply.ok()) {
			throw new IOException("start refused: " + reply);
		}
		return new Started(reply.body().get("id").asText(), reply.body().path("businessKey").asText(null));
	}

	/**
	 * Works the instance's open reception task, if any: registers the household (no further members),
	 * listens (no needs: no referral, straight to the follow-up timer) or closes the case at the
	 * follow-up interview. Returns the task's definition key, or null if the instance has no open task.
	 */
	String workNextTask(String instanceId) throws IOException {
		Reply tasks = call(WORKER, "GET", "/engine-rest/task?maxResults=5&processInstanceId=" + instanceId, null);
		if (!tasks.ok()) {
			throw new IOException("task query failed: " + tasks);
		}
		if (tasks.body().isEmpty()) {
			return null;
		}
		JsonNode task = tasks.body().get(0);
		String step = task.get("taskDefinitionKey").asText();
		Map<String, Object> variables = switch (step) {
			case Elements.REGISTER_HOUSEHOLD -> Map.of(Variables.HOUSEHOLD_MEMBERS, Map.of("type", "Json", "value", "[]"));
			case Elements.QUALIFIED_LISTENING -> noNeeds();
			case Elements.FOLLOW_UP_INTERVIEW -> variables(Variables.FOLLOW_UP_DECISION, "CLOSE");
			default -> throw new IllegalStateException("unexpected task " + step + " in " + instanceId);
		};
		Reply done = call(WORKER, "POST", "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
				Map.of("variables", variables));
		if (!done.ok()) {
			throw new IOException(step + " refused: " + done);
		}
		return step;
	}

	/**
	 * Works the instance's tasks until it waits for its follow-up (timer or interview) or ends, at most
	 * three tasks. Returns the follow-up interview's key if that is its open task, otherwise null.
	 */
	String workUntilFollowUp(String instanceId) throws IOException {
		for (int step = 0; step < 3; step++) {
			Reply tasks = call(WORKER, "GET", "/engine-rest/task?maxResults=5&processInstanceId=" + instanceId, null);
			if (!tasks.ok()) {
				throw new IOException("task query failed: " + tasks);
			}
			if (tasks.body().isEmpty()) {
				return null;
			}
			String next = tasks.body().get(0).get("taskDefinitionKey").asText();
			if (next.equals(Elements.FOLLOW_UP_INTERVIEW)) {
				return next;
			}
			workNextTask(instanceId);
		}
		throw new IllegalStateException(instanceId + " still has tasks before its follow-up");
	}

	private static Map<String, Object> noNeeds() {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (String flag : List.of(Variables.NEEDS_DOCUMENTATION, Variables.NEEDS_HOUSING, Variables.NEEDS_LITERACY,
				Variables.NEEDS_LEGAL_AID, Variables.NEEDS_HEALTH, Variables.SLEEPING_ROUGH_TONIGHT,
				Variables.CHILDREN_IN_HOUSEHOLD, Variables.PROTECTION_CONCERN, Variables.CONSENT_TO_SHARE)) {
			answers.put(flag, Map.of("value", false));
		}
		return answers;
	}

	private static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
		}
		return variables;
	}

}
