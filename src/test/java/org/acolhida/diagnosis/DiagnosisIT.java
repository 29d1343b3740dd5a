package org.acolhida.diagnosis;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.documentation.DocumentationProcess;
import org.acolhida.documentation.DocumentationProcess.Elements;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.Rfc4180;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis on PostgreSQL, its figures checked against what the test created and counted by hand.
 * A municipality of its own (Diagnosópolis) is seeded directly in our tables, so that nothing another
 * test creates can change its figures; the figures the engine's history gives (the listening's needs,
 * the documentation orientation and the document's outcome and office) come from a case worked through
 * the real reception and documentation processes in Sorocaba, in a month (March 2030) no other test uses.
 */
@PostgresIntegrationTest
class DiagnosisIT {

	static final String TOWN = DiagnosisTown.TOWN;

	static final String PATH = "/api/reports/diagnosis";

	static final String MAY = "?municipality=" + TOWN + "&from=2031-05-01&to=2031-06-30";

	/** Not a demo login: new passwords follow the password policy. */
	static final String ROSA_PASSWORD = "Coorden4dora!Beta";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	ReceptionService receptions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	JobExecutor jobExecutor;

	@BeforeEach
	void pauseJobExecutor() {
		jobExecutor = ((ProcessEngineConfigurationImpl) engineConfiguration).getJobExecutor();
		if (jobExecutor != null && jobExecutor.isActive()) {
			jobExecutor.shutdown();
		}
		else {
			jobExecutor = null;
		}
	}

	@AfterEach
	void resumeJobExecutor() {
		ClockUtil.reset();
		if (jobExecutor != null) {
			jobExecutor.start();
		}
	}

	@Test
	void shouldCountPeopleByUnitMonthNationalityAgeAndLanguageWithSmallCountsHidden() {
		DiagnosisTown.seed(jdbc);

		JsonNode diagnosis = helena().getForObject(PATH + MAY, JsonNode.class);

		assertThat(diagnosis.get("units").findValuesAsText("code")).containsExactly("DIAG-CRAS-A", "DIAG-CRAS-B");
		// April's case and the registration linked to another case are not counted
		assertThat(rows(diagnosis, "people")).containsExactly(
				row("CRAS Alfa", "2031-05", 27), row("CRAS Alfa", "2031-06", 5), row("CRAS Beta", "2031-05", "< 5"));
		// 20 Haitians (typed "Haiti" and "haïti"), 6 Venezuelans, 1 Syrian (typed "Síria"): the 1 is hidden, and
		// the smallest cell of 8 or more beside it, else 27 - 6 would give it away
		assertThat(rows(diagnosis, "people-by-nationality")).containsExactly(
				row("CRAS Alfa", "2031-05", "Haiti", "X"), row("CRAS Alfa", "2031-05", "Venezuela", 6),
				row("CRAS Alfa", "2031-05", "Syria", "< 5"), row("CRAS Alfa", "2031-06", "Haiti", 5),
				row("CRAS Beta", "2031-05", "Haiti", "< 5"));
		assertThat(rows(diagnosis, "people-by-age")).startsWith(row("CRAS Alfa", "2031-05", "6-11", 7),
				row("CRAS Alfa", "2031-05", "18-29", 5), row("CRAS Alfa", "2031-05", "30-59", 15));
		assertThat(rows(diagnosis, "people-by-language")).startsWith(row("CRAS Alfa", "2031-05", "Haitian Creole", 20),
				row("CRAS Alfa", "2031-05", "Spanish", 7));
	}

	@Test
	void shouldCountUnmetDemandAndTimeToAShelterBed() {
		DiagnosisTown.seed(jdbc);

		JsonNode diagnosis = helena().getForObject(PATH + MAY, JsonNode.class);

		// six households waiting 10 days, two for 100 days; a withdrawn one is not waiting
		assertThat(rows(diagnosis, "waiting-for-a-bed")).containsExactly(
				row(TOWN, "Centro", "Haitian Creole", "1 to 4 weeks", 6),
				row(TOWN, "Centro", "Haitian Creole", "3 months or more", "< 5"));
		assertThat(rows(diagnosis, "waiting-for-a-class")).containsExactly(
				row(TOWN, "Centro", "Portuguese", "A1", "1 to 3 months", 5));
		// beds 2, 4, 6, 8 and 10 days after reception: median 6, 90th percentile 8 + 0.6 × 2
		JsonNode bed = find(diagnosis, "time-to-first-service", "Shelter placement");
		assertThat(bed.get("values").get(0).asLong()).isEqualTo(5);
		assertThat(bed.get("values").get(1).asDouble()).isEqualTo(6.0);
		assertThat(bed.get("values").get(2).asDouble()).isEqualTo(9.2);
		// two class seats: too few to show a time
		JsonNode seat = find(diagnosis, "time-to-first-service", "Class seat");
		assertThat(seat.get("values").get(0).asText()).isEqualTo("< 5");
		assertThat(seat.get("values").get(1).isNull()).isTrue();
	}

	@Test
	void shouldLetACoordinatorReadOnlyTheirOwnUnitsAndNobodyElse() {
		DiagnosisTown.seed(jdbc);
		coordinatorOf("rosa", "DIAG-CRAS-B");

		JsonNode own = rest.withBasicAuth("rosa", ROSA_PASSWORD).getForObject(PATH + MAY, JsonNode.class);
		assertThat(own.get("units").findValuesAsText("code")).containsExactly("DIAG-CRAS-B");
		assertThat(rows(own, "people")).containsExactly(row("CRAS Beta", "2031-05", "< 5"));

		for (String user : List.of("rita", "ana", "otavio")) {
			for (String suffix : List.of("", ".csv", ".xlsx")) {
				assertThat(rest.withBasicAuth(user, "demo").getForEntity(PATH + suffix + MAY, String.class).getStatusCode())
					.as(user + " " + suffix).isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
		assertThat(rest.getForEntity(PATH + MAY, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldRefuseBadInputInTheReadersLanguage() {
		ResponseEntity<JsonNode> badDate = rest.withBasicAuth("rita", "demo")
			.getForEntity(PATH + "?municipality=Sorocaba&from=01/05/2031&to=2031-05-31", JsonNode.class);
		assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badDate.getBody().toString()).contains("aaaa-mm-dd");

		ResponseEntity<JsonNode> backwards = helena()
			.getForEntity(PATH + "?municipality=Sorocaba&from=2031-05-31&to=2031-05-01", JsonNode.class);
		assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(helena().getForEntity(PATH + "?municipality=Atlantis&from=2031-05-01&to=2031-05-31", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(helena().getForEntity(PATH + ".csv?municipality=Sorocaba&from=2031-05-01&to=2031-05-31&table=nothing", String.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldDownloadTheSameFiguresAsCsvAndAsASpreadsheet() throws Exception {
		DiagnosisTown.seed(jdbc);
		JsonNode diagnosis = helena().getForObject(PATH + MAY, JsonNode.class);
		List<List<Object>> expected = rows(diagnosis, "people-by-nationality");

		ResponseEntity<String> csv = helena().getForEntity(PATH + ".csv" + MAY + "&table=people-by-nationality",
				String.class);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		List<List<String>> records = Rfc4180.parse(csv.getBody());
		assertThat(records.get(0)).containsExactly("Unit", "Month", "Nationality", "People");
		assertThat(records.subList(1, records.size())).containsExactlyElementsOf(asText(expected));

		ResponseEntity<byte[]> xlsx = helena().getForEntity(PATH + ".xlsx" + MAY, byte[].class);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(diagnosis.get("tables").size());
			Sheet sheet = workbook.getSheet("people-by-nationality");
			List<List<String>> cells = new ArrayList<>();
			for (Row row : sheet) {
				List<String> values = new ArrayList<>();
				for (Cell cell : row) {
					values.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue())
							: cell.getStringCellValue());
				}
				cells.add(values);
			}
			assertThat(cells.get(0)).containsExactly("Unit", "Month", "Nationality", "People");
			assertThat(cells.subList(1, cells.size())).containsExactlyElementsOf(asText(expected));
			assertThat(sheet.getRow(2).getCell(3).getCellType()).as("a shown count is a number").isEqualTo(CellType.NUMERIC);
		}
	}

	@Test
	void shouldCountNeedsFirstServicesAndDocumentOutcomesFromTheWorkflowsHistory() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-03-06T13:00:00Z")));
		String caseNumber = documentIssuedThroughTheProcesses();

		JsonNode diagnosis = helena()
			.getForObject(PATH + "?municipality=Sorocaba&from=2030-03-01&to=2030-03-31", JsonNode.class);

		assertThat(caseNumber).isNotNull();
		assertThat(rows(diagnosis, "people")).contains(row("CRAS Norte", "2030-03", "< 5"));
		assertThat(rows(diagnosis, "people-by-need")).containsExactly(row("CRAS Norte", "2030-03", "Documents", "< 5"));
		assertThat(find(diagnosis, "time-to-first-service", "Documentation orientation").get("values").get(0).asText())
			.isEqualTo("< 5");
		assertThat(find(diagnosis, "time-to-first-service", "Document issued").get("values").get(0).asText())
			.isEqualTo("< 5");
		List<List<Object>> outcomes = rows(diagnosis, "documentation-outcomes");
		assertThat(outcomes).hasSize(1);
		assertThat(outcomes.get(0).get(0)).isEqualTo("CRNM (national migration registration card)");
		assertThat(outcomes.get(0).get(1)).as("the office the directory found for the CRNM").isEqualTo(jdbc.queryForObject(
				"SELECT name FROM service_unit WHERE code = 'SOR-PF'", String.class));
		assertThat(outcomes.get(0).subList(2, 4)).containsExactly("Issued", "< 5");
	}

	/** Reception with the need for documents, then a CRNM through orientation, appointment and outcome. */
	String documentIssuedThroughTheProcesses() {
		ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Wislande",
				"Joseph", LocalDate.of(1990, 2, 1), "Haiti", List.of("ht"), List.of()), "Éden", false), "ana");
		complete(reception.getId(), ReceptionProcess.Elements.REGISTER_HOUSEHOLD,
				ReceptionProcess.Variables.HOUSEHOLD_MEMBERS, "[]");
		Map<String, Object> listening = new HashMap<>();
		for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid",
				"needsHealth", "sleepingRoughTonight", "childrenInHousehold", "protectionConcern", "consentToShare")) {
			listening.put(flag, flag.equals("needsDocumentation"));
		}
		tasks.complete(task(reception.getId(), ReceptionProcess.Elements.QUALIFIED_LISTENING).getId(), listening);
		ProcessInstance guidance = runtime.createProcessInstanceQuery().processDefinitionKey(DocumentationProcess.KEY)
			.processInstanceBusinessKey(reception.getBusinessKey()).singleResult();
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-03-08T13:00:00Z")));
		complete(guidance.getId(), Elements.CHOOSE_DOCUMENTS, Variables.CHOSEN_DOCUMENTS, "CRNM:1",
				Variables.HOUSEHOLD_SITUATION, "HUMANITARIAN_VISA");
		complete(guidance.getId(), Elements.ORIENTATION, Variables.PAPERS_COMPLETE, true);
		complete(guidance.getId(), Elements.SCHEDULE_APPOINTMENT, Variables.APPOINTMENT_DATE, "2030-03-18",
				Variables.APPOINTMENT_TIME, "10:00", Variables.OFFICE_NAME, "Polícia Federal Sorocaba");
		fire(guidance.getId(), Elements.REMINDER_TIMER);
		complete(guidance.getId(), Elements.CONFIRM_ATTENDANCE, Variables.ATTENDANCE, "CONFIRMED");
		fire(guidance.getId(), Elements.OUTCOME_TIMER);
		complete(guidance.getId(), Elements.RECORD_OUTCOME, Variables.OUTCOME, "ISSUED", Variables.DOCUMENT_NUMBER,
				"G" + System.nanoTime() % 1_000_000, Variables.EXPIRY_DATE, "2032-03-18");
		return reception.getBusinessKey();
	}

	Task task(String processInstanceId, String taskKey) {
		List<Task> found = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
			.listPage(0, 10);
		assertThat(found).as("open task " + taskKey).hasSize(1);
		return found.get(0);
	}

	void complete(String processInstanceId, String taskKey, Object... keyValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		tasks.complete(task(processInstanceId, taskKey).getId(), variables);
	}

	void fire(String processInstanceId, String activityId) {
		Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
		assertThat(job).as("timer " + activityId).isNotNull();
		ClockUtil.setCurrentTime(job.getDuedate());
		management.executeJob(job.getId());
	}

	TestRestTemplate helena() {
		return rest.withBasicAuth("helena", "demo");
	}

	static List<Object> row(Object... cells) {
		return List.of(cells);
	}

	/** The rows of a table as its labels followed by its figures (numbers as longs or doubles, markers as text). */
	static List<List<Object>> rows(JsonNode diagnosis, String table) {
		List<List<Object>> rows = new ArrayList<>();
		for (JsonNode t : diagnosis.get("tables")) {
			if (!t.get("id").asText().equals(table)) {
				continue;
			}
			for (JsonNode row : t.get("rows")) {
				List<Object> cells = new ArrayList<>();
				row.get("labels").forEach(label -> cells.add(label.asText()));
				row.get("values").forEach(value -> cells.add(value.isIntegralNumber() ? (Object) value.asInt()
						: value.isNumber() ? value.asDouble() : value.isNull() ? null : value.asText()));
				rows.add(cells);
			}
			return rows;
		}
		throw new AssertionError("no table " + table);
	}

	static JsonNode find(JsonNode diagnosis, String table, String label) {
		for (JsonNode t : diagnosis.get("tables")) {
			if (t.get("id").asText().equals(table)) {
				for (JsonNode row : t.get("rows")) {
					if (row.get("labels").toString().contains("\"" + label + "\"")) {
						return row;
					}
				}
			}
		}
		throw new AssertionError("no row " + label + " in " + table);
	}

	static List<List<String>> asText(List<List<Object>> rows) {
		return rows.stream().map(r -> r.stream().map(String::valueOf).toList()).toList();
	}

	void coordinatorOf(String userId, String unit) {
		if (identity.createUserQuery().userId(userId).count() == 0) {
			User user = identity.newUser(userId);
			user.setFirstName("Rosa");
			user.setLastName("Teste");
			user.setPassword(ROSA_PASSWORD);
			identity.saveUser(user);
		}
		for (String groupId : List.of("coordinator", unit, "coordinator." + unit)) {
			if (identity.createGroupQuery().groupId(groupId).count() == 0) {
				Group group = identity.newGroup(groupId);
				group.setName(groupId);
				group.setType(groupId.equals("coordinator") ? "ROLE" : "UNIT");
				identity.saveGroup(group);
			}
			if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
				identity.createMembership(userId, groupId);
			}
		}
	}

}
