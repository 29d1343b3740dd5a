package org.acolhida.tasklists;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.staff.Role;
import org.acolhida.staff.StaffDirectory;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * A unit created through {@code /api/units} and a worker added to it afterwards: for every role, the
 * worker reads exactly their lists, in their unit's language, and each shows their unit's task and
 * not another unit's; a renamed unit renames its list; starting again changes nothing.
 */
@PostgresIntegrationTest
class TaskListsIT {

	static final ResourceBundle PT = ResourceBundle.getBundle("i18n/tasklists", Locale.forLanguageTag("pt-BR"));

	static final ResourceBundle IT = ResourceBundle.getBundle("i18n/tasklists", Locale.forLanguageTag("it"));

	/** A demo unit of the same country, whose tasks the new unit's worker must not see. */
	static final String OTHER_UNIT = "SOR-CRAS-NORTE";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	StaffDirectory staff;

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	@Autowired
	TaskListKeeper keeper;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	static final String DESK_PROCESS = "task-lists-check";

	final List<String> instances = new ArrayList<>();

	@AfterEach
	void removeTasks() {
		instances.forEach(id -> runtime.deleteProcessInstance(id, "test over"));
	}

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** A unit created by the manager helena through the API, named "<name> – <what it is>". */
	String newUnit(String name, String country, String timeZone, String municipality) {
		String code = "T-LISTS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		Map<String, Object> unit = new LinkedHashMap<>();
		unit.put("code", code);
		unit.put("name", name + " – unidade de teste");
		unit.put("kind", "CRAS");
		unit.put("municipality", municipality);
		unit.put("country", country);
		unit.put("timeZone", timeZone);
		ResponseEntity<JsonNode> created = call("helena", HttpMethod.POST, "/api/units", unit);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		return code;
	}

	String newWorker(Role role, String unitCode, String unitName) {
		String user = "tl" + UUID.randomUUID().toString().substring(0, 8);
		staff.enrolDemoLogin(user, "Teste", "Listas", "demo", role, unitCode, unitName);
		return user;
	}

	/** The lists the user may read, by name. */
	Map<String, String> listsOf(String user) {
		ResponseEntity<JsonNode> answer = call(user, HttpMethod.GET, "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", null);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, String> byName = new LinkedHashMap<>();
		answer.getBody().forEach(filter -> byName.put(filter.get("name").asText(), filter.get("id").asText()));
		return byName;
	}

	/** The ids of the tasks a list shows the user, as Tasklist asks for them. */
	List<String> tasksIn(String user, String filterId) {
		ResponseEntity<JsonNode> answer = call(user, HttpMethod.POST,
				"/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50", Map.of());
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
		return StreamSupport.stream(answer.getBody().spliterator(), false).map(task -> task.get("id").asText()).toList();
	}

	/** A task of a desk, due tomorrow, as a process gives it to the desk's workgroup. */
	String taskFor(String groupId) {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(DESK_PROCESS).count() == 0) {
			repository.createDeployment()
				.name("task lists check")
				.addModelInstance(DESK_PROCESS + ".bpmn", Bpmn.createExecutableProcess(DESK_PROCESS)
					.name("Task lists check")
					.camundaHistoryTimeToLive(1)
					.startEvent("start_desk_task").name("Task for a desk")
					.userTask("task_desk").name("Desk task").camundaCandidateGroups("${deskGroup}").camundaDueDate("${due}")
					.endEvent("end_desk_task").name("Done")
					.done())
				.deploy();
		}
		String instance = runtime.startProcessInstanceByKey(DESK_PROCESS, Map.of("deskGroup", groupId, "due",
				Date.from(Instant.now().plus(1, ChronoUnit.DAYS)))).getId();
		instances.add(instance);
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "RECEPTION", "DOCUMENTATION", "HOUSING", "LITERACY", "SHELTER",
			"COORDINATOR" })
	void shouldGiveAWorkerAddedToANewUnitTheirOwnListsOnly(Role role) {
		String code = newUnit("Posto " + role.groupId(), "BR", "America/Sao_Paulo", "Sorocaba");
		String user = newWorker(role, code, "Posto " + role.groupId());

		String deskList = PT.getString("role." + role.groupId()) + " · Posto " + role.groupId();
		Map<String, String> lists = listsOf(user);
		assertThat(lists.keySet()).containsExactlyInAnyOrder(deskList, PT.getString("assigned.name"),
				PT.getString("urgent.name"));

		String own = taskFor(role.at(code));
		String others = taskFor(role.at(OTHER_UNIT));
		assertThat(tasksIn(user, lists.get(deskList))).contains(own).doesNotContain(others);
		assertThat(tasksIn(user, lists.get(PT.getString("urgent.name")))).as("due tomorrow")
			.contains(own)
			.doesNotContain(others);
		assertThat(tasksIn(user, lists.get(PT.getString("assigned.name")))).doesNotContain(own, others);

		tasks.setAssignee(own, user);
		assertThat(tasksIn(user, lists.get(PT.getString("assigned.name")))).containsExactly(own);
		assertThat(tasksIn(user, lists.get(deskList))).as("claimed tasks stay in the desk's list").contains(own);

		assertThat(listsOf("ana").keySet()).as("another unit's worker").doesNotContain(deskList);
	}

	@Test
	void shouldNameTheListsInItalianAtAnItalianUnitAndOpenTheDeskListFirst() {
		String code = newUnit("Sportello prova", "IT", "Europe/Rome", "Cremona");
		String user = newWorker(Role.DOCUMENTATION, code, "Sportello prova");

		Map<String, String> lists = listsOf(user);
		assertThat(lists).containsKeys("Documentazione · Sportello prova", IT.getString("assigned.name"),
				IT.getString("urgent.name"));
		JsonNode all = call(user, HttpMethod.GET, "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", null).getBody();
		JsonNode first = StreamSupport.stream(all.spliterator(), false)
			.min((a, b) -> Integer.compare(a.get("properties").get("priority").asInt(),
					b.get("properties").get("priority").asInt()))
			.orElseThrow();
		assertThat(first.get("name").asText()).as("the list Tasklist opens first")
			.isEqualTo("Documentazione · Sportello prova");
		assertThat(first.get("properties").get("variables").findValuesAsText("name")).containsExactly("caseNumber",
				"personName");
	}

	@Test
	void shouldRenameTheListWhenTheUnitIsRenamedAndChangeNothingWhenRunAgain() {
		String code = newUnit("Posto antigo", "BR", "America/Sao_Paulo", "Sorocaba");
		String user = newWorker(Role.HOUSING, code, "Posto antigo");
		String before = listsOf(user).get(PT.getString("role.housing") + " · Posto antigo");
		assertThat(before).isNotNull();

		JsonNode unit = call("helena", HttpMethod.GET, "/api/units/" + code, null).getBody();
		Map<String, Object> renamed = new LinkedHashMap<>();
		unit.fields().forEachRemaining(field -> renamed.put(field.getKey(), field.getValue()));
		renamed.put("name", "Posto novo – unidade de teste");
		assertThat(call("helena", HttpMethod.PUT, "/api/units/" + code, renamed).getStatusCode()).isEqualTo(HttpStatus.OK);

		Map<String, String> after = listsOf(user);
		assertThat(after).containsEntry(PT.getString("role.housing") + " · Posto novo", before)
			.doesNotContainKey(PT.getString("role.housing") + " · Posto antigo");

		long stored = filters.createFilterQuery().count();
		TaskListKeeper.Changes again = keeper.keep();
		assertThat(again.any()).as("%s", again).isFalse();
		assertThat(filters.createFilterQuery().count()).isEqualTo(stored);
	}

	@Test
	void shouldFindAWorkgroupAnAdministratorAddedInCamundaAdmin() {
		String code = newUnit("Posto admin", "BR", "America/Sao_Paulo", "Sorocaba");
		String group = Role.LITERACY.at(code);
		String user = "tl" + UUID.randomUUID().toString().substring(0, 8);
		// What Camunda Admin does: a user, a group and a membership through the engine's REST API.
		assertThat(call("admin", HttpMethod.POST, "/engine-rest/group/create",
				Map.of("id", group, "name", "Alfabetização – Posto admin", "type", "UNIT")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(call("admin", HttpMethod.POST, "/engine-rest/user/create",
				Map.of("profile", Map.of("id", user, "firstName", "Admin", "lastName", "Feito"), "credentials",
						Map.of("password", "Um-segredo-longo-42!"))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(call("admin", HttpMethod.PUT, "/engine-rest/group/" + group + "/members/" + user, null)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// The periodic check, without waiting for its minute.
		assertThat(keeper.keep().created()).isPositive();

		ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "Um-segredo-longo-42!")
			.getForEntity("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", JsonNode.class);
		assertThat(StreamSupport.stream(answer.getBody().spliterator(), false).map(f -> f.get("name").asText()))
			.containsExactlyInAnyOrder(
				PT.getString("role.literacy") + " · Posto admin", PT.getString("assigned.name"),
				PT.getString("urgent.name"));
	}

}
