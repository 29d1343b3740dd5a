package org.acolhida.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.documentation.DocumentationService;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data that expires, on PostgreSQL: a household received, served and closed is erased from every
 * table of ours and from the engine's history once the retention period has run out since closing,
 * while an open case stays whole; a manager exports a household's data, the export is recorded and
 * auditors see the record. The engine clock is moved past the retention period; the job executor is
 * paused meanwhile, so that it fires no other test's timers on the moved clock.
 */
@PostgresIntegrationTest
class RetentionIT {

	static final Instant START = Instant.parse("2026-03-04T13:00:00Z");

	@Autowired
	ReceptionService receptions;

	@Autowired
	DocumentationService documentation;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repository;

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	@Autowired
	CaseFiles cases;

	@Autowired
	CaseErasure erasure;

	@Autowired
	DailyErasure daily;

	@Autowired
	RetentionProperties retention;

	@Autowired
	JdbcClient db;

	@Autowired
	TestRestTemplate rest;

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
		ClockUtil.setCurrentTime(Date.from(START));
	}

	@AfterEach
	void resumeJobExecutor() {
		ClockUtil.reset();
		if (jobExecutor != null) {
			jobExecutor.start();
		}
	}

	@Test
	void shouldGiveEveryDefinitionTheRetentionPeriodAsHistoryTimeToLive() {
		int days = retention.historyTimeToLiveDays();
		// the protocols of the processes folder (other tests deploy throw-away ones of their own)
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKeysIn(ReceptionProcess.KEY,
				"documentation-guidance", "housing-referral", "housing-stay", "literacy-enrollment").list())
			.hasSizeGreaterThanOrEqualTo(5).extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(days);
		assertThat(repository.createDecisionDefinitionQuery().list().stream()
			.filter(d -> List.of(ReceptionProcess.TRIAGE_DECISION, "documentation-checklist").contains(d.getKey()))
			.toList())
			.hasSizeGreaterThanOrEqualTo(2).extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(days);
		// the files say otherwise: the period is the deployer's, not the diagram's
		assertThat(days).isNotEqualTo(1825);
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
		assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
		assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isNotBlank();
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isNotBlank();
		assertThat(history.findHistoryCleanupJobs()).as("cleanup job scheduled for its window").isNotEmpty();
	}

	@Test
	void shouldRemoveTheEngineHistoryAtEndPlusTimeToLiveAndThenTheCaseFile() {
		Served closed = closedCase();
		String open = openCase();
		Map<String, Long> openBefore = caseRows(open);
		Map<String, Long> openHistoryBefore = historyRows(historyOf(open), List.of());
		List<String> instances = historyOf(closed.caseNumber);
		List<String> decisions = decisionsOf(instances);
		assertThat(decisions).as("the triage decision was kept in history").isNotEmpty();
		assertThat(caseRows(closed.caseNumber).values()).as("every table of ours holds the closed case")
			.allMatch(count -> count > 0);
		Map<String, Long> before = historyRows(instances, decisions);
		assertThat(before).containsKeys("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
				"act_hi_detail", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out", "act_hi_job_log");

		// the engine stamped the history with end + time to live
		HistoricProcessInstance reception = history.createHistoricProcessInstanceQuery()
			.processInstanceId(closed.receptionId).singleResult();
		assertThat(reception.getRemovalTime().toInstant()).isEqualTo(
				reception.getEndTime().toInstant().plus(Duration.ofDays(retention.historyTimeToLiveDays())));

		// a day before the period runs out: the cleanup and the erasure leave the case alone
		ClockUtil.setCurrentTime(Date.from(reception.getRemovalTime().toInstant().minus(Duration.ofDays(1))));
		runHistoryCleanup();
		assertThat(erasure.eraseExpired()).extracting(CaseErasure.Erasure::caseRef)
			.doesNotContain(CaseRef.of(closed.caseNumber));
		assertThat(historyRows(instances, decisions)).isEqualTo(before);

		// a day after it: the engine's own cleanup removes the history, the erasure the case file
		ClockUtil.setCurrentTime(Date.from(reception.getRemovalTime().toInstant().plus(Duration.ofDays(1))));
		runHistoryCleanup();
		assertThat(historyRows(instances, decisions)).as("ACT_HI_* rows of the closed case").isEmpty();
		assertThat(erasure.eraseExpired()).extracting(CaseErasure.Erasure::caseRef)
			.contains(CaseRef.of(closed.caseNumber));
		assertThat(caseRows(closed.caseNumber).values()).as("rows of the closed case in our tables")
			.containsOnly(0L);
		assertThat(db.sql("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ?").param(closed.caseNumber)
			.query(Long.class).single()).isZero();

		// the open case is untouched, in our tables and in the engine
		assertThat(caseRows(open)).isEqualTo(openBefore);
		assertThat(historyRows(historyOf(open), List.of())).isEqualTo(openHistoryBefore);
		assertThat(cases.find(open).getStatus().name()).isEqualTo("OPEN");
	}

	@Test
	void shouldEraseTheEngineHistoryWithTheCaseFileAndRecordTheErasureWithoutPersonalData() {
		Served closed = closedCase();
		String open = openCase();
		Map<String, Long> openBefore = caseRows(open);
		List<String> instances = historyOf(closed.caseNumber);
		List<String> decisions = decisionsOf(instances);
		assertThat(exportAs("helena", closed.caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
		Instant closedAt = cases.find(closed.caseNumber).getClosedAt();

		// past the period, without the engine's cleanup: the erasure removes the history itself
		ClockUtil.setCurrentTime(Date.from(closedAt.plus(retention.afterClosing()).plus(Duration.ofHours(1))));
		List<CaseErasure.Erasure> erased = erasure.eraseExpired();

		CaseErasure.Erasure mine = erased.stream().filter(e -> e.caseRef().equals(CaseRef.of(closed.caseNumber)))
			.findFirst().orElseThrow();
		assertThat(mine.processInstances()).isEqualTo(instances.size());
		assertThat(historyRows(instances, decisions)).as("ACT_HI_* rows of the closed case").isEmpty();
		assertThat(caseRows(closed.caseNumber).values()).containsOnly(0L);
		assertThat(caseRows(open)).isEqualTo(openBefore);
		// the erasure is recorded with the number's hash only; the export record loses the number
		Map<String, Object> record = db.sql("SELECT * FROM case_erasure WHERE case_ref = ?")
			.param(CaseRef.of(closed.caseNumber)).query().singleRow();
		assertThat(record).containsEntry("owning_unit", "SOR-CRAS-OESTE").containsEntry("members", 2)
			.containsEntry("process_instances", instances.size());
		assertThat(record.values()).noneMatch(v -> String.valueOf(v).contains(closed.caseNumber));
		assertThat(db.sql("SELECT COUNT(*) FROM case_export WHERE case_number = ?").param(closed.caseNumber)
			.query(Long.class).single()).isZero();
		assertThat(db.sql("SELECT COUNT(*) FROM case_export WHERE case_ref = ? AND case_number IS NULL")
			.param(CaseRef.of(closed.caseNumber)).query(Long.class).single()).isEqualTo(1);
		ResponseEntity<List> erasures = rest.withBasicAuth("otavio", "demo").getForEntity("/api/retention/erasures",
				List.class);
		assertThat(erasures.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(erasures.getBody()).anyMatch(e -> CaseRef.of(closed.caseNumber).equals(((Map) e).get("caseRef")));
		// a second run finds nothing more of it
		assertThat(erasure.eraseExpired()).extracting(CaseErasure.Erasure::caseRef)
			.doesNotContain(CaseRef.of(closed.caseNumber));
	}

	@Test
	void shouldKeepAClosedCaseWhoseProcessStillRuns() {
		Served closed = closedCase();
		// a renewal reminder years ahead, say: a process of the case still running
		ProcessInstance running = documentation.start(closed.caseNumber, "bruno");
		try {
			ClockUtil.setCurrentTime(Date.from(START.plus(retention.afterClosing()).plus(Duration.ofDays(60))));
			assertThat(erasure.eraseExpired()).extracting(CaseErasure.Erasure::caseRef)
				.doesNotContain(CaseRef.of(closed.caseNumber));
			assertThat(caseRows(closed.caseNumber).get("case_file")).isEqualTo(1L);
		}
		finally {
			runtime.deleteProcessInstanceIfExists(running.getId(), "test done", true,
					true, true, true);
		}
	}

	@Test
	void shouldRunTheDailyErasureOnOneNodeADay() {
		try {
			ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-01-01T03:30:00Z")));
			// two nodes firing at once: one claim succeeds
			assertThat(daily.claim()).isTrue();
			assertThat(daily.claim()).isFalse();
			ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-01-02T03:30:00Z")));
			assertThat(daily.claim()).isTrue();
		}
		finally {
			db.sql("UPDATE retention_run SET last_day = NULL, claimed_by = NULL, claimed_at = NULL WHERE job = ?")
				.param(DailyErasure.JOB).update();
		}
	}

	@Test
	void shouldExportAHouseholdToAManagerOnlyAndRecordTheExport() {
		Served closed = closedCase();
		String before = "SELECT COUNT(*) FROM case_export WHERE case_number = ?";

		ResponseEntity<Map> staff = exportAs("ana", closed.caseNumber);
		ResponseEntity<Map> auditor = exportAs("otavio", closed.caseNumber);
		ResponseEntity<Map> anonymous = rest.getForEntity("/api/cases/" + closed.caseNumber + "/export", Map.class);
		assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(db.sql(before).param(closed.caseNumber).query(Long.class).single()).isZero();

		ResponseEntity<Map> exported = exportAs("helena", closed.caseNumber);
		assertThat(exported.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> body = exported.getBody();
		assertThat(body).containsEntry("caseNumber", closed.caseNumber).containsEntry("exportedBy", "helena");
		Map<String, List<Map<String, Object>>> tables = (Map) body.get("tables");
		assertThat(tables.get("case_member")).extracting(m -> m.get("given_name"))
			.containsExactlyInAnyOrder("Yolette", "Jean");
		assertThat(tables.get("member_document")).extracting(m -> m.get("number")).contains(closed.passport);
		assertThat(tables.get("case_transfer")).extracting(m -> m.get("to_unit")).containsExactly("SOR-CRAS-OESTE");
		assertThat(tables.get("issued_document")).extracting(m -> m.get("document_number"))
			.containsExactly(closed.crnm);
		assertThat(tables.get("bed_hold")).extracting(m -> m.get("status")).containsExactlyInAnyOrder("CONFIRMED",
				"RELEASED");
		for (String table : List.of("placement", "shelter_decline", "waitlist_entry", "class_enrollment",
				"class_waitlist", "class_waitlist_availability")) {
			assertThat(tables.get(table)).as(table).hasSize(1);
		}
		List<Map<String, Object>> processes = (List) body.get("processes");
		assertThat(processes).extracting(p -> p.get("processDefinitionKey")).contains(ReceptionProcess.KEY);
		Map<String, Object> reception = processes.stream().filter(p -> closed.receptionId.equals(p.get("id")))
			.findFirst().orElseThrow();
		assertThat((List<Map<String, Object>>) reception.get("variables"))
			.anyMatch(v -> "personName".equals(v.get("name")) && String.valueOf(v.get("value")).contains("Yolette"))
			.anyMatch(v -> "followUpDecision".equals(v.get("name")) && "CLOSE".equals(v.get("value")));

		// recorded: who, when, which case; auditors see it, staff do not
		assertThat(db.sql(before).param(closed.caseNumber).query(Long.class).single()).isEqualTo(1);
		ResponseEntity<List> exports = rest.withBasicAuth("otavio", "demo").getForEntity("/api/retention/exports",
				List.class);
		assertThat(exports.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(exports.getBody()).anyMatch(e -> closed.caseNumber.equals(((Map) e).get("caseNumber"))
				&& "helena".equals(((Map) e).get("exportedBy")));
		assertThat(rest.withBasicAuth("ana", "demo").getForEntity("/api/retention/exports", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exportAs("helena", "SOR-1999-000001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	// ---------------------------------------------------------------------------------------------

	record Served(String caseNumber, String receptionId, String passport, String crnm) {
	}

	ResponseEntity<Map> exportAs(String user, String caseNumber) {
		return rest.withBasicAuth(user, "demo").getForEntity("/api/cases/" + caseNumber + "/export", Map.class);
	}

	/**
	 * A household of two received at reception, transferred, with no referral from the listening; a
	 * document issued, a shelter stay and a class, all over; the follow-up interview closes the case.
	 */
	Served closedCase() {
		String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String passport = "P" + unique;
		ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Yolette",
				"Pierre-" + unique, LocalDate.of(1987, 7, 14), "Haiti", List.of("ht", "fr"),
				List.of(new NewPerson.NewDocument("PASSPORT", passport))), "Éden", true), "ana");
		String caseNumber = reception.getBusinessKey();
		complete(reception.getId(), ReceptionProcess.Elements.REGISTER_HOUSEHOLD,
				ReceptionProcess.Variables.HOUSEHOLD_MEMBERS, "[]");
		cases.registerHousehold(caseNumber, List.of(new NewPerson(org.acolhida.cases.Relation.CHILD, "Jean",
				"Pierre-" + unique, LocalDate.of(2016, 2, 1), "Haiti", List.of("ht"), List.of())));
		cases.transfer(caseNumber, "SOR-CRAS-OESTE", "moved to the west of town", "ana");
		tasks.complete(task(reception.getId(), ReceptionProcess.Elements.QUALIFIED_LISTENING).getId(),
				listening());
		String crnm = "F" + unique;
		servedRows(caseNumber, crnm);
		Job followUp = management.createJobQuery().processInstanceId(reception.getId())
			.activityId(ReceptionProcess.Elements.FOLLOW_UP_TIMER).singleResult();
		ClockUtil.setCurrentTime(followUp.getDuedate());
		management.executeJob(followUp.getId());
		complete(reception.getId(), ReceptionProcess.Elements.FOLLOW_UP_INTERVIEW,
				ReceptionProcess.Variables.FOLLOW_UP_DECISION, "CLOSE");
		assertThat(cases.find(caseNumber).getStatus().name()).isEqualTo("CLOSED");
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(reception.getId()).finished()
			.count()).isEqualTo(1);
		return new Served(caseNumber, reception.getId(), passport, crnm);
	}

	/** A case still in reception, waiting for its listening, with a document issued already. */
	String openCase() {
		String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Karim",
				"Haddad-" + unique, LocalDate.of(1975, 4, 4), "Syria", List.of("ar"),
				List.of(new NewPerson.NewDocument("PASSPORT", "S" + unique))), "Éden", false), "ana");
		complete(reception.getId(), ReceptionProcess.Elements.REGISTER_HOUSEHOLD,
				ReceptionProcess.Variables.HOUSEHOLD_MEMBERS, "[]");
		db.sql("INSERT INTO issued_document (case_number, member_no, document_type, document_number, issued_on, "
				+ "recorded_at) VALUES (?, 1, 'CPF', ?, DATE '2026-03-01', ?)")
			.params(reception.getBusinessKey(), "C" + unique, now())
			.update();
		return reception.getBusinessKey();
	}

	/** What the other features write for a case they served, in their ended states. */
	void servedRows(String caseNumber, String crnm) {
		long shelter = db.sql("SELECT MIN(service_unit) FROM shelter_capacity").query(Long.class).single();
		long classUnit = db.sql("SELECT MIN(class_unit) FROM class_seats").query(Long.class).single();
		OffsetDateTime now = now();
		db.sql("INSERT INTO issued_document (case_number, member_no, document_type, document_number, issued_on, "
				+ "expires_on, issuing_office, recorded_at) VALUES (?, 1, 'CRNM', ?, DATE '2026-03-02', "
				+ "DATE '2028-03-02', 'Polícia Federal Sorocaba', ?)")
			.params(caseNumber, crnm, now)
			.update();
		long held = insertHold(shelter, caseNumber, "CONFIRMED", now);
		db.sql("INSERT INTO placement (bed_hold, service_unit, case_number, beds, since, ended_at, end_reason) "
				+ "VALUES (?, ?, ?, 2, ?, ?, 'moved to rented housing')")
			.params(held, shelter, caseNumber, now, now.plusDays(20))
			.update();
		long declined = insertHold(shelter, caseNumber, "RELEASED", now);
		db.sql("INSERT INTO shelter_decline (bed_hold, service_unit, case_number, reason, declined_at, declined_by) "
				+ "VALUES (?, ?, ?, 'no room for a child', ?, 'sara')")
			.params(declined, shelter, caseNumber, now)
			.update();
		db.sql("INSERT INTO waitlist_entry (case_number, household_size, summary, municipality, immediate, since, "
				+ "status, ended_at) VALUES (?, 2, 'adult and child', 'Sorocaba', FALSE, ?, 'PLACED', ?)")
			.params(caseNumber, now, now.plusDays(1))
			.update();
		db.sql("INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, ended) "
				+ "VALUES (?, ?, ?, ?, 'WITHDRAWN', ?)")
			.params(caseNumber + ":1", caseNumber, classUnit, now, now.plusDays(30))
			.update();
		long waited = db.sql("INSERT INTO class_waitlist (learner_ref, case_number, language, level, audience, "
				+ "municipality, since, status) VALUES (?, ?, 'pt', 'A1', 'ADULTS', 'Sorocaba', ?, 'ENROLLED') "
				+ "RETURNING id")
			.params(caseNumber + ":1", caseNumber, now)
			.query(Long.class).single();
		db.sql("INSERT INTO class_waitlist_availability (class_waitlist, class_waitlist_key, day_of_week, "
				+ "opens_minute, closes_minute) VALUES (?, 0, 2, 540, 720)")
			.param(waited)
			.update();
	}

	long insertHold(long shelter, String caseNumber, String status, OffsetDateTime now) {
		return db.sql("INSERT INTO bed_hold (service_unit, case_number, beds, held_by, held_at, expires_at, status, "
				+ "ended_at, end_reason) VALUES (?, ?, 2, 'carla', ?, ?, ?, ?, 'answered') RETURNING id")
			.params(shelter, caseNumber, now, now.plusDays(2), status, now.plusHours(3))
			.query(Long.class).single();
	}

	static OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
	}

	static Map<String, Object> listening() {
		Map<String, Object> listening = new HashMap<>();
		for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid",
				"needsHealth", "sleepingRoughTonight", "childrenInHousehold", "protectionConcern", "consentToShare")) {
			listening.put(flag, flag.equals("childrenInHousehold"));
		}
		return listening;
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

	/** The engine's cleanup job, run now as the job executor would in its window. */
	void runHistoryCleanup() {
		history.cleanUpHistoryAsync(true);
		for (int round = 0; round < 20; round++) {
			List<Job> due = new ArrayList<>();
			for (Job job : history.findHistoryCleanupJobs()) {
				if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
					due.add(job);
				}
			}
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> management.executeJob(job.getId()));
		}
	}

	/** Every process instance of the case in history, with those they called. */
	List<String> historyOf(String caseNumber) {
		List<String> ids = new ArrayList<>(db.sql("SELECT id_ FROM act_hi_procinst WHERE business_key_ = ? "
				+ "OR root_proc_inst_id_ IN (SELECT id_ FROM act_hi_procinst WHERE business_key_ = ?)")
			.params(caseNumber, caseNumber).query(String.class).list());
		assertThat(ids).as("process instances of " + caseNumber).isNotEmpty();
		return ids;
	}

	List<String> decisionsOf(List<String> instances) {
		return instances.stream()
			.flatMap(id -> history.createHistoricDecisionInstanceQuery().processInstanceId(id).list().stream())
			.map(HistoricDecisionInstance::getId)
			.toList();
	}

	/**
	 * Rows in every ACT_HI_* table (and the history's byte arrays) that belong to these instances, by
	 * table, only tables with rows; found from the schema, so that no table is left out.
	 */
	Map<String, Long> historyRows(List<String> instances, List<String> decisions) {
		Map<String, Long> rows = new LinkedHashMap<>();
		List<Map<String, Object>> columns = db.sql("SELECT table_name, column_name FROM information_schema.columns "
				+ "WHERE table_schema = current_schema() AND (table_name LIKE 'act\\_hi\\_%' OR table_name = 'act_ge_bytearray') "
				+ "AND column_name IN ('proc_inst_id_', 'root_proc_inst_id_', 'dec_inst_id_') ORDER BY table_name")
			.query().listOfRows();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			List<String> ids = name.equals("dec_inst_id_") ? decisions : instances;
			if (ids.isEmpty()) {
				continue;
			}
			long count = db.sql("SELECT COUNT(*) FROM " + table + " WHERE " + name + " IN (:ids)").param("ids", ids)
				.query(Long.class).single();
			if (count > 0) {
				rows.merge(table, count, Math::max);
			}
		}
		return rows;
	}

	/** Rows of the case in each of our tables. */
	Map<String, Long> caseRows(String caseNumber) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (CaseTables.CaseTable table : CaseTables.ALL) {
			rows.put(table.name(), db.sql("SELECT COUNT(*) FROM " + table.name() + " WHERE " + table.where())
				.param(caseNumber).query(Long.class).single());
		}
		return rows;
	}

}
