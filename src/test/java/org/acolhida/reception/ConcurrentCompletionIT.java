package org.acolhida.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.staff.Role;
import org.acolhida.staff.StaffDirectory;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.junit.jupiter.api.BeforeEach;
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
 * Two reception workers of one unit submit the same "Qualified listening" at the same moment: one
 * of them wins, the other is told clearly that the task was already completed (409), and the case
 * is referred to documentation guidance once, not twice.
 */
@PostgresIntegrationTest
class ConcurrentCompletionIT {

	/** Rounds until both kinds of race were seen: both requests inside the engine at once, and one after the other. */
	static final int MAX_ROUNDS = Integer.getInteger("conflicts.rounds", 12);

	static final String SECOND_WORKER = "rafaela";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	@Autowired
	StaffDirectory staff;

	@BeforeEach
	void aSecondReceptionWorkerAtAnasUnit() {
		staff.enrolDemoLogin(SECOND_WORKER, "Rafaela", "Moura", "demo", Role.RECEPTION, "SOR-CRAS-NORTE", "CRAS Norte");
	}

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** A new reception at ana's unit, worked up to its open "Qualified listening" task; gives the task's id. */
	String listeningTask(String name) throws Exception {
		ResponseEntity<JsonNode> started = call("ana", HttpMethod.POST,
				"/engine-rest/process-definition/key/reception/submit-form",
				ReceptionRestIT.startForm(name, "1990-03-04", null));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instanceId = started.getBody().get("id").asText();
		String household = openTask(instanceId).get("id").asText();
		Map<String, Object> members = Map.of("householdMembers", Map.of("type", "Json", "value", json.writeValueAsString(List.of())));
		assertThat(call("ana", HttpMethod.POST, "/engine-rest/task/" + household + "/submit-form",
				Map.of("variables", members)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		JsonNode listening = openTask(instanceId);
		assertThat(listening.get("taskDefinitionKey").asText()).isEqualTo(ReceptionProcess.Elements.QUALIFIED_LISTENING);
		return listening.get("id").asText();
	}

	JsonNode openTask(String instanceId) {
		JsonNode list = call("ana", HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceId=" + instanceId, null)
			.getBody();
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	static Map<String, Object> onlyDocumentation() {
		return Map.of("variables", ReceptionRestIT.variables("needsDocumentation", true, "needsHousing", false,
				"needsLiteracy", false, "needsLegalAid", false, "needsHealth", false, "sleepingRoughTonight", false,
				"childrenInHousehold", false, "protectionConcern", false, "consentToShare", true));
	}

	String caseNumberOf(String taskId) {
		JsonNode task = call("admin", HttpMethod.GET, "/engine-rest/history/task?maxResults=1&taskId=" + taskId, null).getBody();
		return call("admin", HttpMethod.GET, "/engine-rest/history/process-instance/" + task.get(0).get("processInstanceId").asText(), null)
			.getBody().get("businessKey").asText();
	}

	long documentationInstances(String caseNumber) {
		JsonNode count = call("admin", HttpMethod.GET, "/engine-rest/history/process-instance/count?processDefinitionKey="
				+ ReceptionProcess.DOCUMENTATION_GUIDANCE + "&processInstanceBusinessKey=" + caseNumber, null).getBody();
		return count.get("count").asLong();
	}

	@Test
	void shouldLetOneOfTwoWorkersCompleteTheSameTaskAndTellTheOtherClearly() throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(2);
		int bothInsideTheEngine = 0;
		int rounds = 0;
		try {
			// Both kinds of loss happen: both inside the engine at once (an optimistic lock fails), or the
			// second arriving after the first committed. Repeat until the first kind was seen, within a bound.
			while (rounds < MAX_ROUNDS && (bothInsideTheEngine == 0 || rounds < 3)) {
				rounds++;
				String task = listeningTask("Conflito" + rounds);
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
				for (String worker : List.of("ana", SECOND_WORKER)) {
					answers.add(workers.submit(() -> {
						together.await(10, TimeUnit.SECONDS);
						return call(worker, HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form", onlyDocumentation());
					}));
				}
				List<Integer> statuses = new ArrayList<>();
				JsonNode refusal = null;
				for (Future<ResponseEntity<JsonNode>> answer : answers) {
					ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
					statuses.add(response.getStatusCode().value());
					if (response.getStatusCode().value() != 204) {
						refusal = response.getBody();
					}
				}

				assertThat(statuses).as("one worker completes, the other is told of the conflict: %s", refusal)
					.containsExactlyInAnyOrder(204, 409);
				assertThat(refusal.get("message").asText()).isEqualTo(
						"Esta tarefa já foi concluída, por outra pessoa ou em outra janela. Atualize sua lista de tarefas.");
				if (refusal.get("type").asText().equals("OptimisticLockingException")) {
					bothInsideTheEngine++;
				}
				assertThat(documentationInstances(caseNumberOf(task))).as("documentation referrals of the case").isEqualTo(1);
			}
		}
		finally {
			workers.shutdownNow();
		}
		System.out.printf("concurrent completions: %d rounds, %d with both inside the engine at once%n", rounds,
				bothInsideTheEngine);
		assertThat(bothInsideTheEngine).as("rounds, of %d, in which both completions were inside the engine at once", rounds)
			.isPositive();
	}

	@Test
	void shouldTellAWorkerWhoseColleagueCompletedTheTaskEarlier() throws Exception {
		String task = listeningTask("Depois");
		assertThat(call("ana", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form", onlyDocumentation())
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<JsonNode> submitted = call(SECOND_WORKER, HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
				onlyDocumentation());
		ResponseEntity<JsonNode> completed = call(SECOND_WORKER, HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
				Map.of("variables", Map.of()));
		ResponseEntity<JsonNode> inItalian = call("giulia", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
				Map.of("variables", Map.of()));

		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(submitted.getBody().get("type").asText()).isEqualTo("TaskAlreadyCompleted");
		assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(completed.getBody().get("message").asText()).startsWith("Esta tarefa já foi concluída");
		assertThat(inItalian.getBody().get("message").asText()).startsWith("Questa attività è già stata completata");
		assertThat(documentationInstances(caseNumberOf(task))).isEqualTo(1);
	}

	@Test
	void shouldAnswerNotFoundForATaskThatNeverExisted() {
		ResponseEntity<JsonNode> answer = call("ana", HttpMethod.POST, "/engine-rest/task/no-such-task/submit-form",
				onlyDocumentation());

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(answer.getBody().get("message").asText()).isEqualTo("Não existe tarefa com este identificador.");
	}

	@Test
	void shouldTellATasklistUserThatTheTaskWasCompletedMeanwhile() throws Exception {
		String task = listeningTask("Tasklist");
		assertThat(call(SECOND_WORKER, HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form", onlyDocumentation())
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<JsonNode> answer = rest.exchange("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
				HttpMethod.POST, new HttpEntity<>(onlyDocumentation(), tasklistSession("ana")), JsonNode.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(answer.getBody().get("message").asText()).startsWith("Esta tarefa já foi concluída");
		assertThat(documentationInstances(caseNumberOf(task))).isEqualTo(1);
	}

	@Test
	void shouldRefuseAnswersOfTheWrongTypeOrMissingWith400AndKeepTheTaskOpen() throws Exception {
		String task = listeningTask("Errada");
		Map<String, Object> wrongType = new java.util.HashMap<>(ReceptionRestIT.variables("needsDocumentation", "yes",
				"needsHousing", false, "needsLiteracy", false, "needsLegalAid", false, "needsHealth", false,
				"sleepingRoughTonight", false, "childrenInHousehold", false, "protectionConcern", false, "consentToShare", true));

		ResponseEntity<JsonNode> typed = call("ana", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
				Map.of("variables", wrongType));
		ResponseEntity<JsonNode> empty = call("ana", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
				Map.of("variables", Map.of()));

		assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(typed.getBody().get("message").asText()).startsWith("As respostas estão incompletas ou com tipo errado");
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(call("ana", HttpMethod.GET, "/engine-rest/task/" + task, null).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	HttpHeaders tasklistSession(String user) {
		return TasklistSession.of(rest, user);
	}

}
