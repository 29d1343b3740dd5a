package org.acolhida.casepage;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TasklistSession;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * The case list behind Tasklist's "Casos" / "Pratiche" button, with the worker's Tasklist session. ana
 * finds her unit's case the day it opened, with what the triage decided, although the triage gave her
 * desk no task of it; a search by name or number finds only her unit's cases, never a person of the
 * same name at Cremona, and another unit's case number is simply not found (its page stays 403).
 */
@PostgresIntegrationTest
class CaseListIT {

	static final String LIST = CasePageController.PATH + "/cases";

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ReceptionService receptions;

	@Autowired
	TaskService tasks;

	@Autowired
	CaseFiles cases;

	@Autowired
	UnitDirectory units;

	final ResourceBundle words = ResourceBundle.getBundle("i18n/case-page", Locale.forLanguageTag("pt-BR"));

	@Test
	void shouldListTheOwnUnitsCasesWithTheTriageAndFindByNameOrNumberOnlyThere() throws Exception {
		String family = "Lista" + UUID.randomUUID().toString().substring(0, 6);
		String sorocaba = receiveWithDocumentationOnly("Wislande", family);
		String cremona = cases.open(new NewCase("CRE-CARITAS-IMMIGRAZIONE", new NewPerson(null, "Wislande", family,
				LocalDate.now().minusYears(30), "HT", List.of("ht"), List.of()), null, false), "giulia").getCaseNumber();
		HttpHeaders ana = TasklistSession.of(rest, "ana");
		HttpHeaders giulia = TasklistSession.of(rest, "giulia");

		// ana's desk has no task of the case now: the triage sent it to documentation alone.
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(sorocaba).taskCandidateUser("ana")
			.includeAssignedTasks().count()).isZero();

		JsonNode recent = list(ana, null);
		assertThat(recent.get("language").asText()).isEqualTo(WorkLanguage.PT_BR);
		assertThat(recent.at("/labels/recent").asText()).isEqualTo(words.getString("label.recent"));
		JsonNode mine = row(recent, sorocaba);
		assertThat(mine).as("ana's new case in her recent cases").isNotNull();
		assertThat(mine.get("person").asText()).isEqualTo("Wislande " + family);
		assertThat(mine.get("today").asBoolean()).isTrue();
		assertThat(mine.get("status").asText()).isEqualTo(words.getString("status.OPEN"));
		// The same decision as the case page shows, and where the person goes next.
		JsonNode page = get(CasePageController.PATH + "/cases/" + sorocaba, ana);
		// the nationality chosen from the list is kept as its code and read as the country's name
		assertThat(page.at("/household/0/nationality").asText())
			.isEqualTo(new Locale.Builder().setRegion("HT").build().getDisplayCountry(Locale.forLanguageTag("pt-BR")))
			.isNotEqualTo("HT");
		assertThat(mine.get("priority").asText()).isNotBlank().isEqualTo(page.at("/triage/priority").asText());
		assertThat(mine.get("next")).extracting(JsonNode::asText)
			.containsExactly(ProtocolTexts.fromClasspath(ProtocolTexts.fileName("documentation-guidance", "pt-BR"))
				.get("process.name"));
		assertThat(recent.get("cases").findValuesAsText("unit")).containsOnly(units.unit("SOR-CRAS-NORTE").getName());
		assertThat(row(recent, cremona)).isNull();

		// By name, by part of the number in any case: only her unit's.
		assertThat(list(ana, family.toLowerCase(Locale.ROOT)).get("cases").findValuesAsText("caseNumber"))
			.containsExactly(sorocaba);
		assertThat(list(ana, "wislande " + family).get("cases").findValuesAsText("caseNumber"))
			.containsExactly(sorocaba);
		assertThat(list(ana, sorocaba.substring(4).toLowerCase(Locale.ROOT)).get("cases")
			.findValuesAsText("caseNumber")).contains(sorocaba);
		assertThat(list(giulia, family).get("cases").findValuesAsText("caseNumber")).containsExactly(cremona);
		assertThat(list(giulia, family).get("language").asText()).isEqualTo(WorkLanguage.IT);

		// Another unit's case: not found, nothing of it in the answer, and its page stays closed.
		String answer = exchange(LIST + "?q=" + cremona, ana).getBody();
		assertThat(JSON.readTree(answer).get("cases").size()).isZero();
		assertThat(answer).doesNotContain(family, "Cremona", "Caritas");
		assertThat(exchange(CasePageController.PATH + "/cases/" + cremona, ana).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// A search's wildcards are letters like any other: "%" finds nothing.
		assertThat(list(ana, "%").get("cases").size()).isZero();

		// Managers read every unit's cases: both.
		assertThat(list(TasklistSession.of(rest, "helena"), family).get("cases").findValuesAsText("caseNumber"))
			.containsExactlyInAnyOrder(sorocaba, cremona);

		// Too long a search is refused; nobody signed in gets nothing.
		assertThat(exchange(LIST + "?q=" + "x".repeat(CasePageController.LONGEST_QUERY + 1), ana).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<String> anonymous = rest.getForEntity(LIST + "?q=" + family, String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getBody()).doesNotContain(family);
	}

	/** ana receives a woman alone who needs documents only: the triage refers her to documentation. */
	private String receiveWithDocumentationOnly(String given, String family) {
		ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, given, family,
				LocalDate.now().minusYears(31), "HT", List.of("ht"), List.of()), "Éden", false), "ana");
		complete(reception.getId(), ReceptionProcess.Elements.REGISTER_HOUSEHOLD,
				Map.of(ReceptionProcess.Variables.HOUSEHOLD_MEMBERS, "[]"));
		Map<String, Object> listening = new HashMap<>();
		for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid",
				"needsHealth", "sleepingRoughTonight", "childrenInHousehold", "protectionConcern", "consentToShare")) {
			listening.put(flag, flag.equals("needsDocumentation"));
		}
		complete(reception.getId(), ReceptionProcess.Elements.QUALIFIED_LISTENING, listening);
		return reception.getBusinessKey();
	}

	private void complete(String instanceId, String key, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).singleResult();
		assertThat(task).as(key).isNotNull();
		tasks.complete(task.getId(), variables);
	}

	private static JsonNode row(JsonNode list, String caseNumber) {
		for (JsonNode row : list.get("cases")) {
			if (row.get("caseNumber").asText().equals(caseNumber)) {
				return row;
			}
		}
		return null;
	}

	private JsonNode list(HttpHeaders session, String query) throws Exception {
		return get(query == null ? LIST : LIST + "?q={q}", session, query);
	}

	private JsonNode get(String path, HttpHeaders session, Object... args) throws Exception {
		ResponseEntity<String> answer = exchange(path, session, args);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return JSON.readTree(answer.getBody());
	}

	private ResponseEntity<String> exchange(String path, HttpHeaders session, Object... args) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(session);
		headers.setContentType(null);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class, args);
	}

}
