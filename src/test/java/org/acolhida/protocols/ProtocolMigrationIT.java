package org.acolhida.protocols;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import java.time.LocalDate;

import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager moves running cases to a new version of a protocol through {@code /api/protocols}, on
 * PostgreSQL: preview, refusal of a plan that would strand cases, batch run, and the cases then
 * following the new version.
 */
@PostgresIntegrationTest
class ProtocolMigrationIT {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ReceptionService receptions;

	/** Listening, then deciding; version 2 inserts a step between them. */
	static BpmnModelInstance protocol(String key, boolean withNewStep, boolean withListening) {
		var builder = Bpmn.createExecutableProcess(key).name("Migration test").camundaHistoryTimeToLive(180)
			.startEvent("start");
		var afterListening = withListening ? builder.userTask("task_listen").name("Listen") : builder;
		var afterNewStep = withNewStep ? afterListening.userTask("task_check_rights").name("Check rights")
				: afterListening;
		return afterNewStep.userTask("task_decide").name("Decide").endEvent("end").done();
	}

	ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
	}

	void deploy(String key, BpmnModelInstance model) {
		repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
	}

	@Test
	void shouldMoveRunningCasesToANewVersionWithAStepInsertedAfterListening() throws InterruptedException {
		String key = "migration-test-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		deploy(key, protocol(key, false, true));
		List<String> cases = List.of("CASE-A-" + key, "CASE-B-" + key, "CASE-C-" + key);
		cases.forEach(caseNumber -> runtime.startProcessInstanceByKey(key, caseNumber));
		deploy(key, protocol(key, true, true));

		String[] onVersion1 = rest.withBasicAuth("helena", "demo")
			.getForObject("/api/protocols/" + key + "/versions/1/cases", String[].class);
		assertThat(onVersion1).containsExactlyInAnyOrderElementsOf(cases);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).processDefinitionId(
				repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId())
			.count()).as("a new version leaves running cases where they are").isZero();

		ResponseEntity<Map<String, Object>> plan = post("helena", "/api/protocols/" + key + "/migration-plan",
				Map.of("fromVersion", 1, "toVersion", 2));
		assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(plan.getBody().get("problems")).asList().isEmpty();
		assertThat(plan.getBody().get("cases")).isEqualTo(3);
		assertThat(plan.getBody().get("instructions").toString()).contains("task_listen", "task_decide");

		ResponseEntity<Map<String, Object>> started = post("helena", "/api/protocols/" + key + "/migrations",
				Map.of("fromVersion", 1, "toVersion", 2));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String batchId = (String) started.getBody().get("batchId");

		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		Map<?, ?> status;
		do {
			Thread.sleep(200);
			status = rest.withBasicAuth("helena", "demo").getForObject("/api/protocols/migrations/" + batchId, Map.class);
		}
		while (!Boolean.TRUE.equals(status.get("done")) && Instant.now().isBefore(deadline));
		assertThat(status.get("done")).as("batch finished within a minute: %s", status).isEqualTo(true);

		String version2 = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(2)
			.singleResult().getId();
		for (String caseNumber : cases) {
			ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
				.singleResult();
			assertThat(instance.getProcessDefinitionId()).isEqualTo(version2);
		}
		String first = runtime.createProcessInstanceQuery().processInstanceBusinessKey(cases.get(0)).singleResult().getId();
		tasks.complete(tasks.createTaskQuery().processInstanceId(first).singleResult().getId());
		assertThat(tasks.createTaskQuery().processInstanceId(first).singleResult().getTaskDefinitionKey())
			.as("the migrated case takes the new step").isEqualTo("task_check_rights");
	}

	/**
	 * The real thing: a manager inserts a "Check rights" step after the qualified listening in
	 * reception, deploys it as Camunda Modeler does, and moves two waiting receptions to it.
	 */
	@Test
	void shouldMoveWaitingReceptionsToAVersionWithANewStepAfterListening() throws Exception {
		List<String> cases = new java.util.ArrayList<>();
		for (String name : List.of("Wadson", "Rosemène")) {
			ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, name,
					"Joseph", LocalDate.of(1990, 1, 1), "Haiti", List.of("ht"), List.of()), "Éden", false), "ana");
			tasks.complete(tasks.createTaskQuery().processInstanceId(reception.getId()).singleResult().getId(),
					Map.of(ReceptionProcess.Variables.HOUSEHOLD_MEMBERS, "[]"));
			cases.add(reception.getBusinessKey());
		}
		int from = repository.createProcessDefinitionQuery().processDefinitionKey(ReceptionProcess.KEY).latestVersion()
			.singleResult().getVersion();
		try {
			assertThat(deployAsModeler("reception.bpmn", withCheckRightsAfterListening()).getStatusCode())
				.isEqualTo(HttpStatus.OK);
			int to = from + 1;

			ResponseEntity<Map<String, Object>> plan = post("helena", "/api/protocols/reception/migration-plan",
					Map.of("fromVersion", from, "toVersion", to, "caseNumbers", cases));
			assertThat(plan.getBody().get("problems")).as(plan.getBody().toString()).asList().isEmpty();
			assertThat(plan.getBody().get("cases")).isEqualTo(2);

			ResponseEntity<Map<String, Object>> started = post("helena", "/api/protocols/reception/migrations",
					Map.of("fromVersion", from, "toVersion", to, "caseNumbers", cases));
			assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			awaitDone((String) started.getBody().get("batchId"));

			for (String caseNumber : cases) {
				ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
					.processDefinitionKey(ReceptionProcess.KEY).singleResult();
				assertThat(repository.getProcessDefinition(instance.getProcessDefinitionId()).getVersion()).isEqualTo(to);
				Map<String, Object> listening = new java.util.HashMap<>();
				for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid",
						"needsHealth", "sleepingRoughTonight", "childrenInHousehold", "protectionConcern",
						"consentToShare")) {
					listening.put(flag, false);
				}
				tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
						listening);
				assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
					.as("%s takes the new step after listening", caseNumber).isEqualTo("task_check_rights");
			}
		}
		finally {
			// Later tests of this application start receptions as the repository has them.
			repository.createDeployment().name("restore reception").addClasspathResource("reception.bpmn").deploy();
		}
	}

	BpmnModelInstance withCheckRightsAfterListening() throws Exception {
		BpmnModelInstance model;
		try (var in = getClass().getResourceAsStream("/reception.bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		UserTask listening = model.getModelElementById(ReceptionProcess.Elements.QUALIFIED_LISTENING);
		SequenceFlow toTriage = listening.getOutgoing().iterator().next();
		FlowNode triage = toTriage.getTarget();
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			if (edge.getBpmnElement() == toTriage) {
				edge.getParentElement().removeChildElement(edge);
			}
		}
		listening.getOutgoing().remove(toTriage);
		triage.getIncoming().remove(toTriage);
		toTriage.getParentElement().removeChildElement(toTriage);
		listening.builder().userTask("task_check_rights").name("Check rights")
			.camundaCandidateGroups("reception.${unitCode}")
			.connectTo(triage.getId());
		return model;
	}

	ResponseEntity<String> deployAsModeler(String name, BpmnModelInstance model) {
		org.springframework.util.MultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
		body.add("deployment-name", "reception: check rights after listening");
		body.add("deployment-source", "Camunda Modeler");
		body.add(name, new org.springframework.core.io.ByteArrayResource(Bpmn.convertToString(model).getBytes()) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("helena", "demo");
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
	}

	void awaitDone(String batchId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		Map<?, ?> status;
		do {
			Thread.sleep(200);
			status = rest.withBasicAuth("helena", "demo").getForObject("/api/protocols/migrations/" + batchId, Map.class);
		}
		while (!Boolean.TRUE.equals(status.get("done")) && Instant.now().isBefore(deadline));
		assertThat(status.get("done")).as("batch finished in time: %s", status).isEqualTo(true);
	}

	@Test
	void shouldRefuseAPlanThatWouldStrandCasesInAStepTheNewVersionLacks() {
		String key = "migration-test-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		deploy(key, protocol(key, false, true));
		runtime.startProcessInstanceByKey(key, "CASE-D-" + key);
		deploy(key, protocol(key, false, false));

		ResponseEntity<Map<String, Object>> plan = post("helena", "/api/protocols/" + key + "/migration-plan",
				Map.of("fromVersion", 1, "toVersion", 2));
		assertThat(plan.getBody().get("problems").toString()).contains("1 case(s) wait in 'task_listen'");

		ResponseEntity<Map<String, Object>> refused = post("helena", "/api/protocols/" + key + "/migrations",
				Map.of("fromVersion", 1, "toVersion", 2));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("CASE-D-" + key).singleResult()
			.getProcessDefinitionId()).contains(":1:");
	}

	@Test
	void shouldRefuseStaffAndUnknownVersions() {
		assertThat(post("ana", "/api/protocols/reception/migration-plan", Map.of("fromVersion", 1, "toVersion", 2))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("otavio", "demo").getForEntity("/api/protocols", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		String key = "migration-test-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		deploy(key, protocol(key, false, true));
		ResponseEntity<Map<String, Object>> unknown = post("helena", "/api/protocols/" + key + "/migration-plan",
				Map.of("fromVersion", 1, "toVersion", 7));
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody().toString()).contains("toVersion", "has no version 7");
		assertThat(post("helena", "/api/protocols/no-such-protocol/migration-plan", Map.of("fromVersion", 1,
				"toVersion", 2)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
