package org.acolhida.documentation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.documentation.DocumentationProcess.Elements;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionService;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
 * The whole journey on PostgreSQL: a household registered at reception is referred to documentation
 * guidance, the CRNM is issued and written to the case file, reception carries on at once, and two
 * years later the renewal task opens at the case's unit. The engine clock is moved for the timers;
 * the job executor is paused meanwhile, so that it neither races this test for its jobs nor fires
 * other tests' timers on the moved clock.
 */
@PostgresIntegrationTest
class DocumentationJourneyIT {

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

	@Autowired
	CaseFiles cases;

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
		// Wednesday 4 March 2026, 10:00 in Sorocaba
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-04T13:00:00Z")));
	}

	@AfterEach
	void resumeJobExecutor() {
		ClockUtil.reset();
		if (jobExecutor != null) {
			jobExecutor.start();
		}
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

	Job fire(String processInstanceId, String activityId) {
		Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
		assertThat(job).as("timer " + activityId).isNotNull();
		ClockUtil.setCurrentTime(job.getDuedate());
		management.executeJob(job.getId());
		return job;
	}

	@Test
	void shouldGoFromReceptionToAnIssuedDocumentAndItsRenewalYearsLater() {
		ProcessInstance reception = receptions.start(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Yolette",
				"Pierre", LocalDate.of(1987, 7, 14), "Haiti", List.of("ht", "fr"), List.of()), "Éden", true), "ana");
		String caseNumber = reception.getBusinessKey();
		complete(reception.getId(), ReceptionProcess.Elements.REGISTER_HOUSEHOLD,
				ReceptionProcess.Variables.HOUSEHOLD_MEMBERS, "[]");
		Map<String, Object> listening = new HashMap<>();
		for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid",
				"needsHealth", "sleepingRoughTonight", "childrenInHousehold", "protectionConcern", "consentToShare")) {
			listening.put(flag, flag.equals("needsDocumentation"));
		}
		tasks.complete(task(reception.getId(), ReceptionProcess.Elements.QUALIFIED_LISTENING).getId(), listening);

		ProcessInstance guidance = runtime.createProcessInstanceQuery().processDefinitionKey(DocumentationProcess.KEY)
			.processInstanceBusinessKey(caseNumber).singleResult();
		assertThat(guidance).as("documentation guidance called by reception").isNotNull();
		assertThat(runtime.getVariable(guidance.getId(), Variables.PERSON_NAME)).isEqualTo("Yolette Pierre");
		complete(guidance.getId(), Elements.CHOOSE_DOCUMENTS, Variables.CHOSEN_DOCUMENTS, "CRNM:1",
				Variables.HOUSEHOLD_SITUATION, "HUMANITARIAN_VISA");
		complete(guidance.getId(), Elements.ORIENTATION, Variables.PAPERS_COMPLETE, true);
		complete(guidance.getId(), Elements.SCHEDULE_APPOINTMENT, Variables.APPOINTMENT_DATE, "2026-03-16",
				Variables.APPOINTMENT_TIME, "10:00", Variables.OFFICE_NAME, "Polícia Federal Sorocaba");
		Job reminder = fire(guidance.getId(), Elements.REMINDER_TIMER);
		assertThat(reminder.getDuedate().toInstant().atZone(ZoneId.of("America/Sao_Paulo")).toLocalDate())
			.isEqualTo(LocalDate.of(2026, 3, 13));
		complete(guidance.getId(), Elements.CONFIRM_ATTENDANCE, Variables.ATTENDANCE, "CONFIRMED");
		fire(guidance.getId(), Elements.OUTCOME_TIMER);
		complete(guidance.getId(), Elements.RECORD_OUTCOME, Variables.OUTCOME, "ISSUED", Variables.DOCUMENT_NUMBER,
				"F456789-0", Variables.EXPIRY_DATE, "2028-03-16");

		// issued: in the case file, guidance over, reception not held by the renewal
		assertThat(db.sql("SELECT document_number FROM issued_document WHERE case_number = ? AND member_no = 1")
			.param(caseNumber).query(String.class).list()).containsExactly("F456789-0");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(guidance.getId()).count()).isZero();
		assertThat(management.createJobQuery().processInstanceId(reception.getId())
			.activityId(ReceptionProcess.Elements.FOLLOW_UP_TIMER).count()).isEqualTo(1);

		ProcessInstance renewal = runtime.createProcessInstanceQuery().processDefinitionKey(DocumentationProcess.KEY)
			.processInstanceBusinessKey(caseNumber).singleResult();
		assertThat(renewal).isNotNull();
		assertThat(renewal.getId()).isNotEqualTo(guidance.getId());
		assertThat(runtime.getActiveActivityIds(renewal.getId())).containsExactly(Elements.RENEWAL_TIMER);

		// reception follows up and closes the case; two years later the renewal comes due all the same
		fire(reception.getId(), ReceptionProcess.Elements.FOLLOW_UP_TIMER);
		complete(reception.getId(), ReceptionProcess.Elements.FOLLOW_UP_INTERVIEW,
				ReceptionProcess.Variables.FOLLOW_UP_DECISION, "CLOSE");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(reception.getId()).count()).isZero();
		Job renewalDue = fire(renewal.getId(), Elements.RENEWAL_TIMER);
		ZonedDateTime dueAt = renewalDue.getDuedate().toInstant().atZone(ZoneId.of("America/Sao_Paulo"));
		assertThat(dueAt.toLocalDate()).isEqualTo(LocalDate.of(2028, 3, 16).minusDays(60));

		Task renew = task(renewal.getId(), Elements.RENEWAL_REMINDER);
		assertThat(tasks.getIdentityLinksForTask(renew.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("documentation.SOR-CRAS-NORTE");
		assertThat(renew.getName()).isEqualTo("Renovar documento · " + caseNumber + " · Yolette Pierre");
		assertThat(cases.find(caseNumber).getStatus().name()).isEqualTo("CLOSED");
		runtime.deleteProcessInstance(renewal.getId(), "journey test done");
	}

	@Test
	void shouldLetADocumentationAdviserStartGuidanceForAnExistingCaseFromTasklist() {
		String caseNumber = cases.open(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Karim", "Haddad",
				LocalDate.of(1975, 4, 4), "Syria", List.of("ar"), List.of()), "Éden", false), "ana").getCaseNumber();
		String submit = "/engine-rest/process-definition/key/" + DocumentationProcess.KEY + "/submit-form";

		ResponseEntity<Map> started = rest.withBasicAuth("bruno", "demo").postForEntity(submit,
				Map.of("variables", Map.of(Variables.CASE_NUMBER, Map.of("value", caseNumber))), Map.class);
		ResponseEntity<Map> unknown = rest.withBasicAuth("bruno", "demo").postForEntity(submit,
				Map.of("variables", Map.of(Variables.CASE_NUMBER, Map.of("value", "SOR-1999-000001"))), Map.class);
		ResponseEntity<Map> literacy = rest.withBasicAuth("davi", "demo").postForEntity(submit,
				Map.of("variables", Map.of(Variables.CASE_NUMBER, Map.of("value", caseNumber))), Map.class);

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instanceId = (String) started.getBody().get("id");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
			.isEqualTo(caseNumber);
		assertThat(runtime.getVariable(instanceId, Variables.INITIATOR)).isEqualTo("bruno");
		// His own desk's step of the guidance he started is his already.
		assertThat(tasks.createTaskQuery().processInstanceId(instanceId).taskCandidateUser("bruno").includeAssignedTasks()
			.taskAssignee("bruno").count()).isEqualTo(1);
		// an unknown number is refused like another unit's case: the answer tells no one which cases exist
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unknown.getBody().get("message").toString())
			.isEqualTo("O caso 'SOR-1999-000001' não é um caso da sua unidade: nada foi iniciado");
		// without the grant the definition is invisible to literacy staff: nothing to start
		assertThat(literacy.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

		// the choice as Tasklist submits it: a checklist is a Json variable; bad input is a 400
		String choice = "/engine-rest/task/" + task(instanceId, Elements.CHOOSE_DOCUMENTS).getId() + "/submit-form";
		ResponseEntity<Map> refused = rest.withBasicAuth("bruno", "demo").postForEntity(choice,
				Map.of("variables", Map.of(Variables.CHOSEN_DOCUMENTS, Map.of("value", "[\"CPF:9\"]", "type", "Json"),
						Variables.HOUSEHOLD_SITUATION, Map.of("value", "REFUGEE"))), Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("message").toString()).contains("Por favor, corrija: Documentos: a família não tem o membro 9");
		ResponseEntity<Map> chosen = rest.withBasicAuth("bruno", "demo").postForEntity(choice,
				Map.of("variables", Map.of(Variables.CHOSEN_DOCUMENTS, Map.of("value", "[\"CPF:1\"]", "type", "Json"),
						Variables.HOUSEHOLD_SITUATION, Map.of("value", "REFUGEE"))), Map.class);
		assertThat(chosen.getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(runtime.getActiveActivityIds(instanceId)).contains(Elements.ORIENTATION);
		runtime.deleteProcessInstance(instanceId, "test done");
	}

}
