package org.acolhida.journey;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.support.Browser;
import org.acolhida.support.Browsers;
import org.acolhida.support.DeployedForm;
import org.acolhida.support.FormLabels;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the journeys of staff through Tasklist share: a {@link Desk} per worker in the test's language,
 * the names of their lists and steps read from the bundles (never written in the test), the units of
 * the workers read from their Camunda groups, the check that no form screen shows English or a raw
 * code ({@link ScreenTexts}), and the timers that a journey cannot wait for.
 */
abstract class StaffJourney {

	static final ObjectMapper JSON = new ObjectMapper();

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UnitDirectory units;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	FormService formService;

	final String language;

	final ResourceBundle lists;

	final ResourceBundle formErrors;

	final ScreenTexts screens;

	final Effort effort;

	final Desk.Shots shots;

	StaffJourney(String journey, String language) {
		this.language = language;
		this.lists = ResourceBundle.getBundle("i18n/tasklists", Locale.forLanguageTag(language));
		this.formErrors = ResourceBundle.getBundle("i18n/form-errors", Locale.forLanguageTag(language));
		this.screens = ScreenTexts.in(language);
		this.effort = new Effort(journey);
		this.shots = new Desk.Shots(journey);
	}

	@AfterEach
	void writeEffort() {
		effort.write();
	}

	/** A new browser in the test's language with {@code worker} signed in to Tasklist. */
	Desk desk(String worker) {
		Browser browser = browsers.open(language);
		return new Desk(browser, worker, language, effort, shots).signIn();
	}

	FormLabels form(String formId) {
		return FormLabels.of(formId, language);
	}

	/** The unit where {@code user} works in {@code role}, from their workgroup {@code <role>.<UNIT>}. */
	String unitOf(String user, String role) {
		List<String> units = identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.filter(id -> id.startsWith(role + "."))
			.map(id -> id.substring(role.length() + 1))
			.toList();
		assertThat(units).as("%s's units as %s", user, role).hasSize(1);
		return units.get(0);
	}

	/**
	 * Opens the list of {@code role} at {@code unitCode} at the desk: "Documentação · CRAS Norte", the
	 * role in the test's language and the unit's name, or its first part when the name goes on to explain
	 * the unit ("Servizio Immigrazione Caritas – Coop. …").
	 */
	Desk openDeskList(Desk desk, String role, String unitCode) {
		String roleName = lists.getString("role." + role) + " · ";
		String unitName = units.unit(unitCode).getName();
		return desk.openList(roleName + unitName, name -> name.startsWith(roleName)
				&& unitName.startsWith(name.substring(roleName.length())) && name.length() > roleName.length());
	}

	/** The name of a step ("Escolher documentos") as the process's bundle says it in the test's language. */
	String step(String processKey, String taskId) {
		Map<String, String> names = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(processKey, language));
		assertThat(names).as("the %s name of %s in %s", language, taskId, processKey).containsKey(taskId);
		return names.get(taskId);
	}

	/** The names a process can have in "Start process": in the worker's language, or the diagram's own. */
	String[] processNames(String processKey) {
		Map<String, String> names = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(processKey, language));
		String diagram = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult()
			.getName();
		return new String[] { names.getOrDefault("process.name", diagram), diagram };
	}

	/**
	 * Notes English or raw codes on the screen of {@code formId} now shown at the desk; the journey fails
	 * on them at its end ({@link #assertEveryScreenInLanguage()}), after every screen has been seen.
	 */
	void assertInLanguage(Desk desk, String formId) {
		screens.check(formId, desk.screenText());
	}

	void assertEveryScreenInLanguage() {
		screens.assertNothingUnexpected();
	}

	/**
	 * The refusal of a form as the bundles say it: "Por favor, corrija", the field named as the form
	 * {@code formId} labels it, and the message.
	 */
	void assertRefused(String shown, String formId, String field, String error) {
		screens.checkRefusal(shown);
		assertThat(shown).contains(formErrors.getString("refused"), form(formId).label(field),
				formErrors.getString("error." + error));
	}

	/**
	 * The label of the option of a form whose options a delegate computed (documents, shelters), read
	 * from the open task's variable {@code variable}: the first option that passes {@code which}.
	 */
	String optionLabel(String caseNumber, String taskId, String variable, Predicate<JsonNode> which) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(taskId)
			.singleResult();
		Object value = tasks.getVariable(task.getId(), variable);
		try {
			for (JsonNode option : JSON.readTree(String.valueOf(value))) {
				if (which.test(option)) {
					return option.path("label").asText();
				}
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		throw new AssertionError("no option of " + variable + " fits; they are " + value);
	}

	/**
	 * The start form of {@code processKey} as the engine serves it to {@code user}, signed in with their
	 * groups: the options and first values filled in for them, the texts in their language. What the
	 * browser shows them is this form.
	 */
	DeployedForm servedStartForm(String user, String processKey) {
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		String definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult()
			.getId();
		identity.setAuthentication(user, groups);
		try {
			return DeployedForm.of(formService.getDeployedStartForm(definition));
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** Every option of a form whose options a delegate computed, from the open task's variable {@code variable}. */
	List<JsonNode> options(String caseNumber, String taskId, String variable) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(taskId)
			.singleResult();
		try {
			List<JsonNode> options = new java.util.ArrayList<>();
			JSON.readTree(String.valueOf(tasks.getVariable(task.getId(), variable))).forEach(options::add);
			return options;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The languages (ISO codes, as stored) of member {@code memberNo} of the case. */
	String languagesOf(String caseNumber, int memberNo) {
		return jdbc.queryForObject("SELECT m.languages FROM case_member m JOIN case_file f ON m.case_file = f.id "
				+ "WHERE f.case_number = ? AND m.member_no = ?", String.class, caseNumber, memberNo);
	}

	/** The family name of member {@code memberNo} of the case. */
	String familyNameOf(String caseNumber, int memberNo) {
		return jdbc.queryForObject("SELECT m.family_name FROM case_member m JOIN case_file f ON m.case_file = f.id "
				+ "WHERE f.case_number = ? AND m.member_no = ?", String.class, caseNumber, memberNo);
	}

	/**
	 * Fires the timer {@code timerId} of the case's {@code processKey} now, through the engine's Java
	 * API: a journey cannot wait for "the working day before" or "after the appointment".
	 */
	void fireTimer(String caseNumber, String processKey, String timerId) {
		String instance = processInstance(caseNumber, processKey);
		Job job = management.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult();
		assertThat(job).as("the timer %s of %s", timerId, caseNumber).isNotNull();
		management.executeJob(job.getId());
	}

	private String processInstance(String caseNumber, String processKey) {
		return jdbc.queryForObject("SELECT id_ FROM act_ru_execution e WHERE e.business_key_ = ? AND e.parent_id_ IS NULL "
				+ "AND e.proc_def_id_ IN (SELECT id_ FROM act_re_procdef WHERE key_ = ?)", String.class, caseNumber,
				processKey);
	}

	/** The number of the case whose reference person has this family name, once it is open; else null. */
	String caseOf(String familyName) {
		List<String> numbers = jdbc.queryForList("SELECT f.case_number FROM case_file f JOIN case_member m "
				+ "ON m.case_file = f.id WHERE m.member_no = 1 AND m.family_name = ?", String.class, familyName);
		assertThat(numbers).as("cases of " + familyName).hasSizeLessThanOrEqualTo(1);
		return numbers.isEmpty() ? null : numbers.get(0);
	}

	/** A working day at least {@code days} days ahead. */
	static LocalDate workingDayIn(int days) {
		LocalDate day = LocalDate.now().plusDays(days);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** Letters only, so that names look like names in the screenshots. */
	static String token() {
		StringBuilder token = new StringBuilder("Q");
		for (int i = 0; i < 5; i++) {
			token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return token.toString();
	}

}
