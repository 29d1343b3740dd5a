package org.acolhida.security;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.support.ModelerDeployment;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks of the security review that ran code on the server, run as a signed-in worker or manager
 * would, each judged by its effect: no file created by the payload, no membership added, no deployment
 * stored. Routes: every path form the servlet container still routes to the engine, both REST APIs, the
 * engine's Java API (so the defence holds without any HTTP filter), and every place in a diagram or
 * decision table that the engine evaluates.
 */
@PostgresIntegrationTest
class ExpressionAttacksIT {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identities;

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	@Autowired
	RepositoryService repository;

	final ObjectMapper json = new ObjectMapper();

	final Path execMarker = Attacker.marker("exec");

	final Path fileMarker = Attacker.marker("file");

	@AfterEach
	void signOut() {
		identities.clearAuthentication();
	}

	/** Payloads, each with the effect it would have; a query field carries one at a time. */
	List<String> payloads() {
		return List.of(Attacker.execPayload(execMarker), Attacker.filePayload(fileMarker),
				Attacker.beanPayload("davi", "managers"), Attacker.servicesPayload("davi", "managers"));
	}

	void assertNoEffect() throws InterruptedException {
		// Runtime.exec starts the process on its own; give it time to have run, had it been started.
		Thread.sleep(1500);
		assertThat(execMarker).doesNotExist();
		assertThat(fileMarker).doesNotExist();
		assertThat(identities.createUserQuery().userId("davi").memberOfGroup("managers").count()).isZero();
		assertThat(identities.createUserQuery().userId("helena").memberOfGroup("camunda-admin").count()).isZero();
	}

	static void assertRefused(HttpResponse<String> response, String what) {
		assertThat(response.statusCode()).as(what + " → " + response.body()).isBetween(400, 499);
	}

	// ---- task queries and task lists

	static final List<String> TASK_COUNT_PATHS = List.of("/task;x=1/count", "/task;/count", "/task%3Bx=1/count",
			"/task%3bx=1/count", "//task/count", "/./task/count", "/task/count/", "/Task/count", "/task%2Fcount",
			"/task;x=1/", "/task/count;x=1", "/task/count");

	@Test
	void shouldRunNoCodeFromATaskQueryWhateverItsPathOrApi() throws Exception {
		List<String> fields = List.of("assigneeExpression", "candidateGroupExpression", "dueBeforeExpression",
				"ownerExpression");
		Map<String, Attacker> apis = new LinkedHashMap<>();
		apis.put("/engine-rest", Attacker.basic(port, "ana", "demo"));
		apis.put("/engine-rest/engine/default", Attacker.basic(port, "ana", "demo"));
		apis.put("/camunda/api/engine/engine/default", Attacker.webapp(port, "ana", "demo"));
		int sent = 0;
		for (Map.Entry<String, Attacker> api : apis.entrySet()) {
			for (String path : TASK_COUNT_PATHS) {
				String field = fields.get(sent % fields.size());
				String payload = payloads().get(sent % payloads().size());
				String expression = (sent % 2 == 0 ? "${" : "#{") + payload + "}";
				String body = json.writeValueAsString(Map.of("orQueries", List.of(Map.of(field, expression))));
				assertRefused(api.getValue().postJson(api.getKey() + path, body), api.getKey() + path + " " + field);
				sent++;
			}
		}
		Attacker ana = Attacker.basic(port, "ana", "demo");
		for (String path : List.of("/engine-rest;x=1/task/count", "/engine-rest/engine;x=1/default/task/count",
				"/engine-rest/engine/default;x=1/task/count")) {
			String body = json.writeValueAsString(
					Map.of("orQueries", List.of(Map.of("assigneeExpression", "${" + Attacker.execPayload(execMarker) + "}"))));
			assertRefused(ana.postJson(path, body), path);
		}

		assertNoEffect();
		// The control: an or-query without expressions is answered, on both APIs.
		String plain = json.writeValueAsString(Map.of("orQueries", List.of(Map.of("nameLike", "%a%"))));
		assertThat(ana.postJson("/engine-rest/task/count", plain).statusCode()).isEqualTo(200);
		assertThat(apis.get("/camunda/api/engine/engine/default")
			.postJson("/camunda/api/engine/engine/default/task/count", plain).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRunNoCodeFromTheQueryThatNarrowsATaskList() throws Exception {
		Attacker ana = Attacker.basic(port, "ana", "demo");
		JsonNode visible = json.readTree(ana.get("/engine-rest/filter?resourceType=Task&maxResults=10").body());
		assertThat(visible.size()).as("ana sees her task lists").isPositive();
		String filter = visible.get(0).get("id").asText();
		int sent = 0;
		for (String path : List.of("/engine-rest/filter;x=1/" + filter + "/list", "/engine-rest/filter;/" + filter + "/count",
				"/engine-rest/filter/" + filter + ";x=1/list", "/engine-rest/filter/" + filter + "/list",
				"/engine-rest/filter/" + filter + "/count")) {
			String payload = payloads().get(sent++ % payloads().size());
			String body = json.writeValueAsString(
					Map.of("orQueries", List.of(Map.of("or", List.of(Map.of("candidateUserExpression", "${" + payload + "}"))))));
			assertRefused(ana.postJson(path, body), path);
		}
		assertNoEffect();
		assertThat(ana.postJson("/engine-rest/filter/" + filter + "/count", "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseExpressionsInTheEngineItselfWithoutAnyHttpFilter() throws Exception {
		identities.setAuthentication("ana", List.of("reception", "reception.SOR-CRAS-NORTE", "SOR-CRAS-NORTE"));
		String payload = "${" + Attacker.execPayload(execMarker) + "}";

		TaskQuery nested = tasks.createTaskQuery().or().taskAssigneeExpression(payload).endOr();
		assertThatThrownBy(nested::count).isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Expressions are not allowed");
		TaskQuery doubled = tasks.createTaskQuery().or().taskName("x").endOr().or().dueBeforeExpression(payload).endOr();
		assertThatThrownBy(doubled::list).isInstanceOf(BadUserRequestException.class);
		Filter visible = filters.createTaskFilterQuery().listPage(0, 10).get(0);
		assertThatThrownBy(() -> filters.count(visible.getId(),
				tasks.createTaskQuery().or().taskOwnerExpression(payload).endOr()))
			.isInstanceOf(BadUserRequestException.class);
		identities.clearAuthentication();

		Filter stored = filters.newTaskFilter("attack " + System.nanoTime())
			.setQuery(tasks.createTaskQuery().or().taskCandidateGroupExpression("${" + Attacker.beanPayload("davi", "managers") + "}").endOr());
		assertThatThrownBy(() -> filters.saveFilter(stored)).isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("not allowed");

		assertNoEffect();
		// The control: a task list of the signed-in worker's groups, as the application stores them.
		Filter own = filters.newTaskFilter("own groups " + System.nanoTime()).setOwner("ana")
			.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
				.dueBeforeExpression("${dateTime().plusDays(3).toDate()}"));
		filters.saveFilter(own);
		identities.setAuthentication("ana", List.of("reception", "reception.SOR-CRAS-NORTE", "SOR-CRAS-NORTE"));
		assertThat(filters.count(own.getId())).isNotNull();
		identities.clearAuthentication();
		filters.deleteFilter(own.getId());
	}

	// ---- protocols a manager deploys

	/** Every place in a diagram that the engine evaluates, each carrying a payload. */
	Map<String, BpmnModelInstance> hostileDiagrams() {
		String admin = "${" + Attacker.servicesPayload("helena", "camunda-admin") + "}";
		String exec = "${" + Attacker.execPayload(execMarker) + "}";
		String file = "#{" + Attacker.filePayload(fileMarker) + "}";
		String bean = "${" + Attacker.beanPayload("davi", "managers") + "}";
		Map<String, Function<String, BpmnModelInstance>> places = new LinkedHashMap<>();
		places.put("timer start, then a service task", key -> Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180)
			.startEvent().timerWithDuration("PT1S").serviceTask("service_x").camundaExpression(admin).endEvent().done());
		places.put("timer start's own date", key -> Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180)
			.startEvent().timerWithDate(exec).endEvent().done());
		places.put("service task expression", key -> start(key).serviceTask("service_x").camundaExpression(admin).endEvent().done());
		places.put("sequence flow condition", key -> start(key).exclusiveGateway("gw_x").condition("c", file)
			.endEvent().moveToLastGateway().condition("d", "${true}").endEvent().done());
		places.put("execution listener", key -> start(key).camundaExecutionListenerExpression("end", bean).endEvent().done());
		places.put("task listener", key -> start(key).userTask("task_x").name("X").camundaTaskListenerExpression("create", exec)
			.endEvent().done());
		places.put("input parameter", key -> start(key).serviceTask("service_x").camundaExpression("${true}")
			.camundaInputParameter("x", admin).endEvent().done());
		places.put("output parameter", key -> start(key).serviceTask("service_x").camundaExpression("${true}")
			.camundaOutputParameter("x", file).endEvent().done());
		places.put("timer catch", key -> start(key).intermediateCatchEvent("timer_x").timerWithDuration(exec).endEvent().done());
		places.put("assignee", key -> start(key).userTask("task_x").name("X").camundaAssignee(bean).endEvent().done());
		places.put("candidate groups", key -> start(key).userTask("task_x").name("X").camundaCandidateGroups(admin)
			.endEvent().done());
		places.put("due date", key -> start(key).userTask("task_x").name("X").camundaDueDate(file).endEvent().done());
		places.put("task name", key -> start(key).userTask("task_x").name(exec).endEvent().done());
		places.put("loop cardinality", key -> start(key).userTask("task_x").name("X").multiInstance().cardinality(bean)
			.multiInstanceDone().endEvent().done());
		places.put("called element", key -> start(key).callActivity("call_x").calledElement(admin).endEvent().done());
		places.put("conditional event", key -> start(key).intermediateCatchEvent("condition_x").condition(exec)
			.endEvent().done());
		places.put("signal name", key -> start(key).intermediateCatchEvent("signal_x").signal(file).endEvent().done());
		places.put("delegate expression calling a bean", key -> start(key).serviceTask("service_x")
			.camundaDelegateExpression(bean).endEvent().done());
		places.put("business key reaching the engine's services", key -> start(key).serviceTask("service_x")
			.camundaExpression("${execution.processEngineServices.identityService.createMembership('helena','camunda-admin')}")
			.endEvent().done());
		Map<String, BpmnModelInstance> diagrams = new LinkedHashMap<>();
		places.forEach((place, diagram) -> diagrams.put(place, diagram.apply(key())));
		return diagrams;
	}

	static StartEventBuilder startOf(String key) {
		return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent();
	}

	static org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> start(String key) {
		return startOf(key);
	}

	static int sequence;

	static String key() {
		return "attack-" + (++sequence) + "-" + System.nanoTime() % 100000;
	}

	@Test
	void shouldRefuseEveryPlaceOfADiagramThatRunsCodeAndLeaveNothingDeployed() throws Exception {
		long before = repository.createDeploymentQuery().count();
		List<String> accepted = new ArrayList<>();
		for (Map.Entry<String, BpmnModelInstance> diagram : hostileDiagrams().entrySet()) {
			ResponseEntity<String> response = deploy("helena", Map.of("attack.bpmn",
					Bpmn.convertToString(diagram.getValue())));
			if (response.getStatusCode() != HttpStatus.BAD_REQUEST) {
				accepted.add(diagram.getKey() + " → " + response.getStatusCode() + " " + response.getBody());
			}
		}
		// Timers in the past would have fired by now, had anything been deployed.
		Thread.sleep(3000);

		assertThat(accepted).as("hostile diagrams accepted").isEmpty();
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
		assertNoEffect();
	}

	@Test
	void shouldRefuseADecisionTableInJuelOrAScriptLanguage() throws Exception {
		long before = repository.createDeploymentQuery().count();
		String exec = "${" + Attacker.execPayload(execMarker) + "}";
		for (String place : List.of("input", "entry", "output")) {
			String dmn = juelDecision(key(), place.equals("input") ? exec : "${x}", place.equals("entry") ? exec : "${true}",
					place.equals("output") ? exec : "\"HIGH\"", "juel");
			ResponseEntity<String> response = deploy("helena", Map.of("attack.dmn", dmn));
			assertThat(response.getStatusCode()).as(place + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).contains("expression language 'juel' is not allowed");
		}
		ResponseEntity<String> javascript = deploy("helena",
				Map.of("attack.dmn", juelDecision(key(), "x", "true", "\"HIGH\"", "javascript")));
		assertThat(javascript.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
		assertNoEffect();
	}

	@Test
	void shouldDeployWhatAManagerLegitimatelyChanges() throws Exception {
		String triage = new String(new ClassPathResource("reception-triage.dmn").getContentAsByteArray())
			.replaceFirst("name=\"([^\"]*)\"", "name=\"$1 (reviewed)\"");
		ResponseEntity<String> decision = deploy("helena", Map.of("reception-triage.dmn", triage));
		assertThat(decision.getStatusCode()).as(decision.getBody()).isEqualTo(HttpStatus.OK);

		String key = key();
		// The managers' guide's "Add a step": candidate groups, a form by its id, a due date by expression.
		BpmnModelInstance withNewTask = startOf(key).userTask("task_call_family").name("Call the family")
			.camundaCandidateGroups("reception.${unitCode}")
			.camundaFormRef("reception-follow-up").camundaFormRefBinding("latest")
			.camundaDueDate("${receptionSettings.due(execution)}")
			.exclusiveGateway("gw_reached")
			.condition("yes", "${execution.getVariable('reached') == true && !empty unitCode}")
			.endEvent()
			.moveToLastGateway().condition("no", "#{execution.processBusinessKey != null}").endEvent()
			.done();
		ResponseEntity<String> diagram = deploy("helena", Map.of(key + ".bpmn", Bpmn.convertToString(withNewTask)));
		assertThat(diagram.getStatusCode()).as(diagram.getBody()).isEqualTo(HttpStatus.OK);
	}

	static String juelDecision(String id, String input, String entry, String output, String language) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d_%1$s" name="d" namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%1$s" name="Attack" camunda:historyTimeToLive="180">
				    <decisionTable id="t_%1$s" hitPolicy="FIRST">
				      <input id="in_1" label="Input"><inputExpression id="ie_1" typeRef="string" expressionLanguage="%5$s"><text>%2$s</text></inputExpression></input>
				      <output id="out_1" label="Priority" name="priority" typeRef="string" />
				      <rule id="r_1"><inputEntry id="e_1" expressionLanguage="%5$s"><text>%3$s</text></inputEntry><outputEntry id="o_1" expressionLanguage="%5$s"><text>%4$s</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(id, xml(input), xml(entry), xml(output), language);
	}

	static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

	ResponseEntity<String> deploy(String user, Map<String, String> files) {
		return ModelerDeployment.deploy(rest, user, files);
	}

	@Test
	void shouldUsePayloadsThatWorkWhereNothingGovernsTheExpressions() throws Exception {
		// The effect checks above prove something only if the payloads have their effect when evaluated
		// by a plain EL evaluator: here they do, in a context of the test's own.
		org.camunda.bpm.impl.juel.ExpressionFactoryImpl factory = new org.camunda.bpm.impl.juel.ExpressionFactoryImpl();
		org.camunda.bpm.impl.juel.SimpleContext context = new org.camunda.bpm.impl.juel.SimpleContext();
		Path marker = Attacker.marker("control");

		factory.createValueExpression(context, "${" + Attacker.filePayload(marker) + "}", Object.class).getValue(context);

		assertThat(marker).exists();
		Files.delete(marker);
	}

}
