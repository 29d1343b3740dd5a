package org.acolhida.audit;

import org.acolhida.support.Rfc4180;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
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
 * An auditor reconstructs a case: a reception worked by ana through the Java API, a transfer of the
 * case to another CRAS, then otavio reads the timeline (and its CSV) through {@code /api/audit}.
 */
@PostgresIntegrationTest
class AuditTimelineIT {

	static final String NOTES_DRAFT = "first contact, to be completed";

	/** Comma, quotes and a line break: what the CSV must carry intact. */
	static final String NOTES_FINAL = "speaks \"Spanish\", some Portuguese\nsleeps at a friend's flat";

	@Autowired
	ReceptionService receptions;

	@Autowired
	CaseFiles cases;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	HistoryService history;

	@Autowired
	TestRestTemplate rest;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	/** Works as a demo user with the groups the directory gives them, as the REST filter would. */
	void signInAs(String user) {
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
	}

	Task onlyTask(ProcessInstance instance) {
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	/** A reception at CRAS Norte, worked by ana up to the triage, and the case moved to CRAS Oeste. */
	String receivedAndTransferred(String familyName) {
		signInAs("ana");
		ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Yolanda",
				familyName, LocalDate.of(1988, 5, 17), "Venezuela", List.of("es"), List.of()), "Éden", false), "ana");
		String caseNumber = reception.getBusinessKey();

		Task household = onlyTask(reception);
		tasks.claim(household.getId(), "ana");
		tasks.complete(household.getId(), Map.of(Variables.HOUSEHOLD_MEMBERS, SpinValues.jsonValue("""
				[{"relation":"CHILD","givenName":"Mateo","familyName":"%s","birthDate":"2018-09-01",
				  "nationality":"Venezuela","languages":"es"}]""".formatted(familyName)).create()));

		Task listening = onlyTask(reception);
		assertThat(listening.getTaskDefinitionKey()).isEqualTo(Elements.QUALIFIED_LISTENING);
		tasks.claim(listening.getId(), "ana");
		// a draft of her notes is kept with the task (as an integration would; staff, who only work
		// tasks, cannot set task variables outside completing them), then she finishes the interview
		identity.clearAuthentication();
		tasks.setVariable(listening.getId(), Variables.LISTENING_NOTES, NOTES_DRAFT);
		signInAs("ana");
		tasks.complete(listening.getId(), Map.of(Variables.NEEDS_HOUSING, true, Variables.CHILDREN_IN_HOUSEHOLD, true,
				Variables.NEEDS_DOCUMENTATION, true, Variables.NEEDS_LITERACY, false, Variables.NEEDS_LEGAL_AID, false,
				Variables.NEEDS_HEALTH, false, Variables.SLEEPING_ROUGH_TONIGHT, false, Variables.PROTECTION_CONCERN, false,
				Variables.CONSENT_TO_SHARE, true, Variables.LISTENING_NOTES, NOTES_FINAL));

		cases.transfer(caseNumber, "SOR-CRAS-OESTE", "family moved to Vila Helena", "ana");
		identity.clearAuthentication();
		return caseNumber;
	}

	static List<JsonNode> entries(JsonNode timeline, String kind) {
		List<JsonNode> found = new ArrayList<>();
		timeline.get("timeline").forEach(entry -> {
			if (entry.get("kind").asText().equals(kind)) {
				found.add(entry);
			}
		});
		return found;
	}

	static JsonNode step(JsonNode timeline, String activityId) {
		return entries(timeline, "STEP").stream()
			.filter(entry -> activityId.equals(entry.path("activityId").asText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + activityId + " in " + timeline.get("timeline")));
	}

	@Test
	void shouldShowAnAuditorWhoDidWhatWhenAndWhatWasDecided() {
		String caseNumber = receivedAndTransferred("Auditada");
		String receptionId = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.processDefinitionKey(ReceptionProcess.KEY)
			.singleResult()
			.getId();
		String priority = (String) history.createHistoricVariableInstanceQuery()
			.processInstanceId(receptionId)
			.variableName(Variables.PRIORITY)
			.singleResult()
			.getValue();

		long started = System.nanoTime();
		ResponseEntity<JsonNode> response = rest.withBasicAuth("otavio", "demo")
			.getForEntity("/api/audit/cases/" + caseNumber + "/timeline", JsonNode.class);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode timeline = response.getBody();
		System.out.printf("Audit timeline of %s: %d entries over %d process instances in %d ms%n", caseNumber,
				timeline.get("timeline").size(), timeline.get("processes").size(), millis);
		assertThat(timeline.get("person").asText()).isEqualTo("Yolanda Auditada");
		assertThat(timeline.get("owningUnit").asText()).isEqualTo("SOR-CRAS-OESTE");
		// every process of the case, the reception and the referrals its triage started
		assertThat(timeline.findValuesAsText("definitionKey")).contains(ReceptionProcess.KEY,
				ReceptionProcess.HOUSING_REFERRAL, ReceptionProcess.DOCUMENTATION_GUIDANCE)
			.doesNotContain(ReceptionProcess.LITERACY_ENROLLMENT);
		JsonNode receptionPath = timeline.get("processes").get(0);
		assertThat(receptionPath.get("id").asText()).isEqualTo(receptionId);
		List<String> visited = new ArrayList<>();
		receptionPath.get("visited").forEach(id -> visited.add(id.asText()));
		assertThat(visited).contains(Elements.REGISTER_HOUSEHOLD, Elements.QUALIFIED_LISTENING, Elements.TRIAGE);

		// who did the steps
		assertThat(step(timeline, Elements.REGISTER_HOUSEHOLD).get("who").asText()).isEqualTo("ana");
		JsonNode listening = step(timeline, Elements.QUALIFIED_LISTENING);
		assertThat(listening.get("who").asText()).isEqualTo("ana");
		assertThat(listening.has("end")).isTrue();
		assertThat(step(timeline, Elements.START).get("who").asText()).isEqualTo("ana");

		// what the triage was given and what it decided
		List<JsonNode> decisions = entries(timeline, "DECISION");
		assertThat(decisions).hasSize(1);
		JsonNode triage = decisions.get(0);
		assertThat(triage.get("activityId").asText()).isEqualTo(Elements.TRIAGE);
		assertThat(triage.get("processInstanceId").asText()).isEqualTo(receptionId);
		assertThat(valueOf(triage.get("inputs"), "Needs housing")).isEqualTo("true");
		assertThat(valueOf(triage.get("inputs"), "Needs literacy classes")).isEqualTo("false");
		assertThat(valueOf(triage.get("outputs"), "Priority")).isEqualTo(priority);
		assertThat(valueOf(triage.get("outputs"), "Housing referral")).isEqualTo("true");

		// the notes changed from the draft to the final text, by ana
		JsonNode notesChange = entries(timeline, "VARIABLE").stream()
			.filter(entry -> entry.path("variable").asText().equals(Variables.LISTENING_NOTES) && entry.has("from"))
			.findFirst()
			.orElseThrow();
		assertThat(notesChange.get("from").asText()).isEqualTo(NOTES_DRAFT);
		assertThat(notesChange.get("to").asText()).isEqualTo(NOTES_FINAL);
		assertThat(notesChange.get("who").asText()).isEqualTo("ana");

		// the transfer from the case file
		List<JsonNode> transfers = entries(timeline, "TRANSFER");
		assertThat(transfers).hasSize(1);
		assertThat(transfers.get(0).get("from").asText()).isEqualTo("SOR-CRAS-NORTE");
		assertThat(transfers.get(0).get("to").asText()).isEqualTo("SOR-CRAS-OESTE");
		assertThat(transfers.get(0).get("who").asText()).isEqualTo("ana");
		assertThat(transfers.get(0).get("what").asText()).contains("family moved to Vila Helena");

		// oldest first
		List<Instant> times = new ArrayList<>();
		timeline.get("timeline").forEach(entry -> times.add(Instant.parse(entry.get("at").asText())));
		assertThat(times).isSorted();
		assertThat(entries(timeline, "CASE").get(0).get("what").asText()).contains("SOR-CRAS-NORTE");
	}

	@Test
	void shouldExportTheTimelineAsWellFormedCsv() {
		String caseNumber = receivedAndTransferred("Exportada");
		JsonNode timeline = rest.withBasicAuth("otavio", "demo")
			.getForObject("/api/audit/cases/" + caseNumber + "/timeline", JsonNode.class);

		ResponseEntity<String> response = rest.withBasicAuth("otavio", "demo")
			.getForEntity("/api/audit/cases/" + caseNumber + "/timeline.csv", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo(caseNumber + "-timeline.csv");
		String csv = response.getBody();
		assertThat(csv).endsWith("\r\n");
		List<List<String>> records = Rfc4180.parse(csv);
		assertThat(records.get(0)).containsExactly("time", "end", "kind", "type", "process", "process instance",
				"element", "what", "who", "details");
		assertThat(records).allSatisfy(record -> assertThat(record).hasSize(10));
		assertThat(records).hasSize(timeline.get("timeline").size() + 1);
		assertThat(records).anySatisfy(record -> {
			assertThat(record.get(2)).isEqualTo("TRANSFER");
			assertThat(record.get(8)).isEqualTo("ana");
			assertThat(record.get(9)).isEqualTo("SOR-CRAS-NORTE → SOR-CRAS-OESTE");
		});
		// the notes with their comma, quotes and line break come back intact
		assertThat(records).anySatisfy(record -> assertThat(record.get(9))
			.isEqualTo(Variables.LISTENING_NOTES + ": " + NOTES_DRAFT + " → " + NOTES_FINAL));
		assertThat(records).anySatisfy(record -> {
			assertThat(record.get(2)).isEqualTo("DECISION");
			assertThat(record.get(9)).contains("Needs housing = true").contains("Priority = ");
		});
	}

	@Test
	void shouldFindCasesByNumberPersonUnitDatesAndWorker() {
		String caseNumber = receivedAndTransferred("Procurada");
		TestRestTemplate otavio = rest.withBasicAuth("otavio", "demo");
		String today = LocalDate.now().toString();

		assertThat(found(otavio, "caseNumber=" + caseNumber)).containsExactly(caseNumber);
		assertThat(found(otavio, "person=yolanda procurada")).containsExactly(caseNumber);
		assertThat(found(otavio, "person=mateo procurada")).containsExactly(caseNumber);
		// the unit it was transferred from, the unit it is at now
		assertThat(found(otavio, "unit=SOR-CRAS-NORTE&person=procurada")).containsExactly(caseNumber);
		assertThat(found(otavio, "unit=SOR-CRAS-OESTE&person=procurada")).containsExactly(caseNumber);
		assertThat(found(otavio, "unit=CRE-CARITAS-IMMIGRAZIONE&person=procurada")).isEmpty();
		assertThat(found(otavio, "from=" + today + "&to=" + today + "&person=procurada")).containsExactly(caseNumber);
		assertThat(found(otavio, "to=2000-01-01&person=procurada")).isEmpty();
		assertThat(found(otavio, "worker=ana&person=procurada")).containsExactly(caseNumber);
		assertThat(found(otavio, "worker=giulia&person=procurada")).isEmpty();

		ResponseEntity<JsonNode> nothingAsked = otavio.getForEntity("/api/audit/cases", JsonNode.class);
		assertThat(nothingAsked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<JsonNode> backwards = otavio.getForEntity("/api/audit/cases?from=2026-02-01&to=2026-01-01",
				JsonNode.class);
		assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(backwards.getBody().at("/errors/0/field").asText()).isEqualTo("to");
	}

	@Test
	void shouldServeTheDiagramOfEachProcessOfTheCase() {
		String caseNumber = receivedAndTransferred("Desenhada");
		JsonNode timeline = rest.withBasicAuth("otavio", "demo")
			.getForObject("/api/audit/cases/" + caseNumber + "/timeline", JsonNode.class);
		String definitionId = timeline.get("processes").get(0).get("definitionId").asText();

		ResponseEntity<String> xml = rest.withBasicAuth("otavio", "demo")
			.getForEntity("/api/audit/process-definitions/" + definitionId + "/xml", String.class);

		assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(xml.getBody()).contains("<bpmn:process id=\"reception\"", Elements.QUALIFIED_LISTENING, "bpmndi:BPMNShape");
		assertThat(rest.withBasicAuth("otavio", "demo")
			.getForEntity("/api/audit/process-definitions/no-such-process:1:1/xml", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldKeepStaffAndStrangersOut() {
		String caseNumber = receivedAndTransferred("Protegida");
		for (String path : List.of("/api/audit/cases/" + caseNumber + "/timeline",
				"/api/audit/cases/" + caseNumber + "/timeline.csv", "/api/audit/cases?caseNumber=" + caseNumber)) {
			assertThat(rest.withBasicAuth("ana", "demo").getForEntity(path, String.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		// the page's own sign-in form gets a 401 without the challenge that opens the browser's dialog
		HttpHeaders fromScript = new HttpHeaders();
		fromScript.set("X-Requested-With", "XMLHttpRequest");
		ResponseEntity<String> scripted = rest.exchange("/api/audit/me", HttpMethod.GET, new HttpEntity<>(fromScript),
				String.class);
		assertThat(scripted.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(scripted.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
		assertThat(rest.getForEntity("/api/audit/me", String.class).getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.startsWith("Basic");
		assertThat(rest.withBasicAuth("helena", "demo")
			.getForEntity("/api/audit/cases?caseNumber=" + caseNumber, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.withBasicAuth("otavio", "demo")
			.getForEntity("/api/audit/cases/NO-SUCH-CASE/timeline", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	static List<String> found(TestRestTemplate user, String query) {
		ResponseEntity<JsonNode> response = user.getForEntity("/api/audit/cases?" + query, JsonNode.class);
		assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
		return response.getBody().findValuesAsText("caseNumber");
	}

	static String valueOf(JsonNode namedValues, String name) {
		for (JsonNode value : namedValues) {
			if (value.get("name").asText().equals(name)) {
				return value.path("value").asText(null);
			}
		}
		throw new AssertionError("no " + name + " in " + namedValues);
	}

}
