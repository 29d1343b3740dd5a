package org.acolhida.cases;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.NewPerson.NewDocument;
import org.acolhida.errors.NotFoundException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case file's one-statement reads and its writes of changed rows only ({@link CaseFileStatements}):
 * they read and write what the whole aggregate would, keep its version check, and the registration
 * forms' personal answers reach the case file without a copy in the engine ({@link CaseFileFormFields}).
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:case-statements;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false" })
@ActiveProfiles("demo")
class CaseFileStatementsTest {

	@Autowired
	CaseFiles cases;

	@Autowired
	CaseFileRepository repository;

	@Autowired
	CaseFileStatements statements;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	FormService forms;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repositories;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	CaseFile opened(String familyName) {
		return cases.open(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Marie", familyName,
				LocalDate.of(1990, 3, 1), "Haiti", List.of("ht", "fr"), List.of(new NewDocument("PASSPORT",
						"HT-" + familyName))), "Éden", true), "ana");
	}

	static NewPerson child(String given, String familyName, String passport) {
		return new NewPerson(Relation.CHILD, given, familyName, LocalDate.of(2016, 1, 9), "Haiti", List.of("ht"),
				passport == null ? List.of() : List.of(new NewDocument("PASSPORT", passport)));
	}

	@Test
	void shouldReadInTheSummaryWhatTheWholeCaseFileHolds() {
		CaseFile file = opened("Summarised");
		cases.registerHousehold(file.getCaseNumber(), List.of(child("Jean", "Summarised", null)));

		CaseFile whole = cases.find(file.getCaseNumber());
		CaseSummary summary = cases.summary(file.getCaseNumber());
		assertThat(summary.getCaseNumber()).isEqualTo(whole.getCaseNumber());
		assertThat(summary.getOwningUnit()).isEqualTo("SOR-CRAS-NORTE");
		assertThat(summary.getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(summary.getDistrict()).isEqualTo("Éden");
		assertThat(summary.isInterpreterNeeded()).isTrue();
		assertThat(summary.getMembers()).isEqualTo(whole.getMembers());
		assertThat(summary.getReferencePerson().fullName()).isEqualTo("Marie Summarised");

		assertThatThrownBy(() -> cases.summary("SOR-1999-999999")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void shouldReplaceTheHouseholdButTheReferencePersonAndKeepTheAggregateSaveable() {
		CaseFile file = opened("Replaced");
		CaseSummary first = cases.registerHousehold(file.getCaseNumber(),
				List.of(child("Jean", "Replaced", "HT-J1"), child("Rose", "Replaced", null)));
		assertThat(first.getMembers()).extracting(Member::givenName).containsExactly("Marie", "Jean", "Rose");

		CaseSummary second = cases.registerHousehold(file.getCaseNumber(), List.of(child("Paul", "Replaced", "HT-P1")));
		assertThat(second.getMembers()).extracting(Member::givenName).containsExactly("Marie", "Paul");

		CaseFile whole = cases.find(file.getCaseNumber());
		assertThat(whole.getMembers()).isEqualTo(second.getMembers());
		assertThat(whole.getDocuments()).extracting(MemberDocument::number).containsExactlyInAnyOrder("HT-Replaced",
				"HT-P1");
		// the aggregate reads the version the direct writes moved on, and saves over it
		cases.transfer(file.getCaseNumber(), "SOR-CRAS-OESTE", "moved", "ana");
		assertThat(cases.find(file.getCaseNumber()).getMembers()).isEqualTo(second.getMembers());
	}

	@Test
	void shouldRefuseToWriteAHouseholdOverAChangeMadeSinceItWasRead() {
		CaseFile file = opened("Raced");
		CaseSummary read = statements.summary(file.getCaseNumber()).orElseThrow();
		cases.close(file.getCaseNumber());

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> statements.replaceHousehold(read,
				List.of(new Member(2, Relation.CHILD, "Late", "Raced", LocalDate.of(2016, 1, 9), "Haiti", null)),
				List.of()))).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(cases.find(file.getCaseNumber()).getMembers()).hasSize(1);

		// and an aggregate read before a direct write cannot be saved over it
		CaseFile stale = cases.find(file.getCaseNumber());
		cases.reopen(file.getCaseNumber());
		stale.close(java.time.Instant.now());
		assertThatThrownBy(() -> repository.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(cases.summary(file.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.OPEN);
	}

	@Test
	void shouldCloseAndReopenWithoutReadingTheCase() {
		CaseFile file = opened("Closed");
		cases.close(file.getCaseNumber());
		CaseFile closed = cases.find(file.getCaseNumber());
		assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(closed.getClosedAt()).isNotNull();
		assertThat(closed.getMembers()).hasSize(1);

		cases.reopen(file.getCaseNumber());
		assertThat(cases.find(file.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(cases.find(file.getCaseNumber()).getClosedAt()).isNull();

		assertThatThrownBy(() -> cases.close("SOR-1999-999998")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> cases.possibleDuplicates("SOR-1999-999998")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void shouldReadACaseOncePerTransactionUntilItIsWritten() {
		CaseFile file = opened("Cached");
		transaction.executeWithoutResult(status -> {
			CaseSummary first = cases.summary(file.getCaseNumber());
			assertThat(cases.summary(file.getCaseNumber())).isSameAs(first);
			cases.registerHousehold(file.getCaseNumber(), List.of(child("Jean", "Cached", null)));
			assertThat(cases.summary(file.getCaseNumber()).getMembers()).hasSize(2);
		});
		// a new transaction reads it again
		CaseSummary before = transaction.execute(status -> cases.summary(file.getCaseNumber()));
		CaseSummary after = transaction.execute(status -> cases.summary(file.getCaseNumber()));
		assertThat(after).isNotSameAs(before);
	}

	@Test
	void shouldKeepTheRegistrationFormsPersonalAnswersInTheCaseFileOnly() {
		signInAs("ana");
		String reception = repositories.createProcessDefinitionQuery().processDefinitionKey("reception")
			.latestVersion().singleResult().getId();
		Map<String, Object> answers = new HashMap<>(Map.of("givenName", "Yolette", "familyName", "Transient",
				"birthDate", "1987-07-14", "nationality", "Haiti", "languages", "ht,fr", "documentType", "PASSPORT",
				"documentNumber", "HT-TRANSIENT-1", "district", "Éden", "interpreterNeeded", false));
		ProcessInstance started = forms.submitStartForm(reception, answers);
		String caseNumber = started.getBusinessKey();
		assertThat(cases.summary(caseNumber).getReferencePerson().fullName()).isEqualTo("Yolette Transient");

		Task household = tasks.createTaskQuery().processInstanceId(started.getId())
			.taskDefinitionKey("task_register_household").singleResult();
		forms.submitTaskForm(household.getId(), Map.of("membersCount", 1L, "member1", SpinValues.jsonValue("""
				{"relation":"SPOUSE","givenName":"Jean","familyName":"Transient","birthDate":"1985-02-03",
				 "nationality":"Haiti","languages":"ht","documentType":"PASSPORT","documentNumber":"HT-TRANSIENT-2"}""")
			.create()));
		CaseFile file = cases.find(caseNumber);
		assertThat(file.getMembers()).extracting(Member::fullName).containsExactly("Yolette Transient", "Jean Transient");
		assertThat(file.getDocuments()).extracting(MemberDocument::number).containsExactlyInAnyOrder("HT-TRANSIENT-1",
				"HT-TRANSIENT-2");

		identity.clearAuthentication();
		List<String> kept = history.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
			.includeDeleted().list().stream().map(HistoricVariableInstance::getName).toList();
		assertThat(kept).contains("caseNumber", "district", "interpreterNeeded")
			.doesNotContain("givenName", "familyName", "birthDate", "nationality", "languages", "documentType",
					"documentNumber", "membersCount", "member1");
		assertThat(history.createHistoricDetailQuery().processInstanceId(started.getId()).variableUpdates().list())
			.noneMatch(detail -> String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
				.getValue()).contains("TRANSIENT"));
	}

	void signInAs(String user) {
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
	}

}
