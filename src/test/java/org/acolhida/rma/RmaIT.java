package org.acolhida.rma;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.cases.CaseFiles;
import org.acolhida.language.InvalidFormException;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.Rfc4180;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A month of households received through the real reception process on PostgreSQL, at a CRAS, at
 * another CRAS, at the CREAS and at an Italian desk, some the month before, one in the last half hour
 * of the month at the unit (already the next month in UTC), one transferred to the CREAS; then every
 * counted item of both RMAs is compared with the same count done here, from what this test created.
 * The units are ones no other test opens cases at, and the month is years ahead, so nothing else in
 * the shared database falls into it.
 */
@PostgresIntegrationTest
class RmaIT {

	static final String CRAS = "SOR-CRAS-LESTE";

	static final String OTHER_CRAS = "SOR-CRAS-NORTE";

	static final String CREAS = "SOR-CREAS-1";

	static final String DESK = "CRE-CARITAS-IMMIGRAZIONE";

	static final YearMonth MONTH = YearMonth.of(2032, 3);

	static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	static final BigDecimal EXTREME_POVERTY = new BigDecimal("109.00");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FormService forms;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	CaseFiles cases;

	/** What the test gave one household's listening, and where its case is at the end of the month. */
	static final class Household {

		final String unit;

		final Instant listenedAt;

		final Map<String, Object> answers = new HashMap<>();

		String caseNumber;

		String instanceId;

		String ownerAtEnd;

		Instant arrivedAtOwner;

		final List<Instant> attendances = new ArrayList<>();

		final Map<String, Instant> referrals = new LinkedHashMap<>();

		Household(String unit, Instant listenedAt) {
			this.unit = unit;
			this.listenedAt = listenedAt;
			this.ownerAtEnd = unit;
			this.arrivedAtOwner = listenedAt;
		}

		Household with(String name, Object value) {
			answers.put(name, value);
			return this;
		}

		boolean yes(String name) {
			return Boolean.TRUE.equals(answers.get(name));
		}

	}

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SAO_PAULO).toInstant();
	}

	static boolean inMonth(Instant instant) {
		return !instant.isBefore(MONTH.atDay(1).atStartOfDay(SAO_PAULO).toInstant())
				&& instant.isBefore(MONTH.plusMonths(1).atDay(1).atStartOfDay(SAO_PAULO).toInstant());
	}

	static boolean beforeEnd(Instant instant) {
		return instant.isBefore(MONTH.plusMonths(1).atDay(1).atStartOfDay(SAO_PAULO).toInstant());
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/**
	 * Through the start form, an empty household and the listening as Tasklist submits them, then each
	 * generic referral recorded as made; the referrals the triage started are noted with their time.
	 */
	void receive(Household household, String district, int n) {
		ClockUtil.setCurrentTime(Date.from(household.listenedAt));
		String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ReceptionProcess.KEY)
			.latestVersion().singleResult().getId();
		Map<String, Object> start = new HashMap<>();
		start.put(Variables.UNIT_CODE, household.unit);
		start.put(Variables.GIVEN_NAME, "Rma" + n);
		start.put(Variables.FAMILY_NAME, "Contagem" + System.nanoTime());
		start.put(Variables.BIRTH_DATE, "1985-0" + (1 + n % 9) + "-1" + n % 10);
		start.put(Variables.NATIONALITY, "Venezuela");
		start.put(Variables.LANGUAGES, "es");
		start.put(Variables.DISTRICT, district);
		start.put(Variables.INTERPRETER_NEEDED, false);
		ProcessInstance instance = forms.submitStartForm(definition, start);
		household.instanceId = instance.getId();
		household.caseNumber = instance.getBusinessKey();
		forms.submitTaskForm(onlyTask(instance.getId(), Elements.REGISTER_HOUSEHOLD).getId(), Map.of("membersCount", 0));
		Task listening = onlyTask(instance.getId(), Elements.QUALIFIED_LISTENING);
		household.answers.putIfAbsent(Variables.PROTECTION_CONCERN, false);
		household.answers.putIfAbsent(Variables.SLEEPING_ROUGH_TONIGHT, false);
		for (String need : List.of(Variables.NEEDS_DOCUMENTATION, Variables.NEEDS_HOUSING, Variables.NEEDS_LITERACY,
				Variables.NEEDS_LEGAL_AID, Variables.NEEDS_HEALTH, Variables.CHILDREN_IN_HOUSEHOLD,
				Variables.CONSENT_TO_SHARE)) {
			household.answers.putIfAbsent(need, false);
		}
		forms.submitTaskForm(listening.getId(), household.answers);
		household.attendances.add(household.listenedAt);
		for (Task referral : tasks.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey("task_record_referral_outcome").list()) {
			household.referrals.put((String) tasks.getVariable(referral.getId(), Variables.REFERRAL_KIND),
					household.listenedAt);
			forms.submitTaskForm(referral.getId(), Map.of(Variables.REFERRAL_OUTCOME, "REFERRED"));
		}
	}

	Task onlyTask(String instanceId, String element) {
		return tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(element).singleResult();
	}

	/** The follow-up timer fires and the worker closes the case at that moment. */
	void followUpAndClose(Household household, Instant when) throws InterruptedException {
		ClockUtil.setCurrentTime(Date.from(when));
		Job timer = management.createJobQuery().processInstanceId(household.instanceId).timers().singleResult();
		if (timer != null) {
			try {
				management.executeJob(timer.getId());
			}
			catch (RuntimeException e) {
				// the job executor, which reads the same clock, fired it first
			}
		}
		Task interview = null;
		for (int wait = 0; interview == null && wait < 100; wait++) {
			interview = onlyTask(household.instanceId, Elements.FOLLOW_UP_INTERVIEW);
			if (interview == null) {
				Thread.sleep(100);
			}
		}
		assertThat(interview).as("the follow-up interview").isNotNull();
		forms.submitTaskForm(interview.getId(), Map.of(Variables.FOLLOW_UP_DECISION, "CLOSE"));
		household.attendances.add(when);
	}

	ResponseEntity<JsonNode> get(String user, String query) {
		return rest.withBasicAuth(user, "demo").getForEntity("/api/reports/rma?" + query, JsonNode.class);
	}

	static Map<String, JsonNode> byCode(JsonNode report) {
		Map<String, JsonNode> items = new LinkedHashMap<>();
		report.get("items").forEach(item -> items.put(item.get("code").asText(), item));
		return items;
	}

	/** The count and the cases behind it, as the test counts them. */
	static Map.Entry<Long, List<String>> expected(List<Household> households, Predicate<Household> counted) {
		List<String> numbers = households.stream().filter(counted).map(h -> h.caseNumber).sorted().toList();
		return Map.entry((long) numbers.size(), numbers);
	}

	static void assertItem(Map<String, JsonNode> items, String code, Map.Entry<Long, List<String>> expected) {
		JsonNode item = items.get(code);
		assertThat(item).as(code).isNotNull();
		assertThat(item.get("counted").asBoolean()).as("%s counted", code).isTrue();
		assertThat(item.get("value").asLong()).as("%s value", code).isEqualTo(expected.getKey());
		List<String> cases = new ArrayList<>();
		item.get("cases").forEach(c -> cases.add(c.asText()));
		assertThat(cases).as("%s cases", code).isEqualTo(expected.getValue());
	}

	@Test
	void shouldCountEveryItemTheWorkflowKnowsAsCountedByHand() throws InterruptedException {
		List<Household> households = List.of(
				// in the PAIF, extreme poverty, Bolsa Família, a member without BPC, not in the Cadastro Único
				new Household(CRAS, at("2032-03-05T10:00")).with("paif", true).with("incomePerPerson", 80.5)
					.with("bolsaFamilia", true).with("bpcReceived", false).with("bpcMissing", true)
					.with("cadUnico", "NOT_REGISTERED"),
				// in the PAIF, a member with BPC, out of date, a protection concern (CREAS), trafficking
				new Household(CRAS, at("2032-03-10T14:00")).with("paif", true).with("incomePerPerson", 300)
					.with("bolsaFamilia", false).with("bpcReceived", true).with("cadUnico", "OUTDATED")
					.with(Variables.PROTECTION_CONCERN, true).with("traffickingVictim", true),
				// in the PAIF since the month before; its follow-up closes it this month
				new Household(CRAS, at("2032-02-20T09:00")).with("paif", true).with("incomePerPerson", 50)
					.with("bolsaFamilia", true).with("cadUnico", "NOT_REGISTERED"),
				// the last half hour of the month at the unit: already April in UTC
				new Household(CRAS, at("2032-03-31T23:30")).with("paif", false).with("cadUnico", "UP_TO_DATE"),
				// the first half hour of April at the unit
				new Household(CRAS, at("2032-04-01T00:30")).with("paif", true).with("incomePerPerson", 10)
					.with("bolsaFamilia", true).with("cadUnico", "NOT_REGISTERED"),
				// another CRAS
				new Household(OTHER_CRAS, at("2032-03-12T11:00")).with("paif", true).with("incomePerPerson", 20)
					.with("bolsaFamilia", true).with("cadUnico", "NOT_REGISTERED"),
				// opened at the CREAS: sleeping rough, trafficking, Bolsa Família, Cadastro Único out of date
				new Household(CREAS, at("2032-03-15T16:00")).with("paif", false).with("bolsaFamilia", true)
					.with(Variables.SLEEPING_ROUGH_TONIGHT, true).with("traffickingVictim", true)
					.with("cadUnico", "OUTDATED"),
				// listened to at the CRAS, then transferred to the CREAS this month
				new Household(CRAS, at("2032-03-08T10:00")).with("paif", false).with("bpcReceived", true)
					.with(Variables.PROTECTION_CONCERN, true).with("cadUnico", "UP_TO_DATE"),
				// an Italian desk: no Brazilian questions, no Brazilian referrals
				new Household(DESK, at("2032-03-09T10:00")));
		String[] districts = { "Centro", "Centro", "Centro", "Centro", "Centro", "Éden", "Centro", "Centro", "Centro" };
		for (int i = 0; i < households.size(); i++) {
			receive(households.get(i), districts[i], i);
		}
		Household previousMonth = households.get(2);
		followUpAndClose(previousMonth, at("2032-03-22T10:00"));
		Household transferred = households.get(7);
		Instant transferAt = at("2032-03-20T15:00");
		ClockUtil.setCurrentTime(Date.from(transferAt));
		cases.transfer(transferred.caseNumber, CREAS, "protection case taken by the CREAS", "ana");
		transferred.ownerAtEnd = CREAS;
		transferred.arrivedAtOwner = transferAt;
		ClockUtil.reset();

		// the triage referred where the listening said; the Italian desk's listening asked nothing Brazilian
		assertThat(households.get(0).referrals.keySet()).containsExactlyInAnyOrder("CADUNICO_INCLUSION", "BPC");
		assertThat(households.get(1).referrals.keySet()).containsExactlyInAnyOrder("CADUNICO_UPDATE", "CREAS");
		assertThat(households.get(8).referrals).isEmpty();
		assertThat(jdbc.queryForObject("""
				SELECT COUNT(*) FROM case_listening l JOIN case_file cf ON cf.id = l.case_file
				WHERE cf.case_number = ? AND l.paif IS NULL AND l.cad_unico IS NULL""", Integer.class,
				households.get(8).caseNumber)).isEqualTo(1);
		// the facts live in the case file only: the engine kept none of them, not even in its history
		List<String> instances = households.stream().map(h -> h.instanceId).toList();
		for (String fact : List.of("incomePerPerson", "paif", "bolsaFamilia", "bpcReceived", "bpcMissing", "cadUnico",
				"traffickingVictim")) {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = ? AND PROC_INST_ID_ IN ("
					+ String.join(",", instances.stream().map(i -> "'" + i + "'").toList()) + ")", Integer.class, fact))
				.as("history of %s", fact).isZero();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE NAME_ = 'incomePerPerson'",
				Integer.class)).isZero();

		List<Household> atCras = households.stream().filter(h -> h.ownerAtEnd.equals(CRAS)).toList();
		List<Household> listenedAtCras = households.stream().filter(h -> h.unit.equals(CRAS)).toList();
		// the month holds something to count for every counted item but D.6 (no class seats here)
		assertThat(expected(listenedAtCras, h -> h.yes("paif") && inMonth(h.listenedAt)).getKey()).isEqualTo(2);
		assertThat(households.stream().filter(h -> h.ownerAtEnd.equals(CREAS)).count()).isEqualTo(2);
		JsonNode cras = get("helena", "unit=" + CRAS + "&month=" + MONTH).getBody();
		assertThat(cras.get("report").asText()).isEqualTo("rma-cras");
		assertThat(cras.get("unit").asText()).isEqualTo(CRAS);
		assertThat(cras.get("month").asText()).isEqualTo("2032-03");
		Map<String, JsonNode> items = byCode(cras);
		Predicate<Household> newInPaif = h -> h.yes("paif") && inMonth(h.listenedAt);
		assertItem(items, "A.1", expected(listenedAtCras, h -> h.yes("paif") && beforeEnd(h.listenedAt)));
		assertItem(items, "A.2", expected(listenedAtCras, newInPaif));
		assertItem(items, "B.1", expected(listenedAtCras, newInPaif.and(h -> h.answers.get("incomePerPerson") != null
				&& new BigDecimal(h.answers.get("incomePerPerson").toString()).compareTo(EXTREME_POVERTY) <= 0)));
		assertItem(items, "B.2", expected(listenedAtCras, newInPaif.and(h -> h.yes("bolsaFamilia"))));
		assertItem(items, "B.4", expected(listenedAtCras, newInPaif.and(h -> h.yes("bpcReceived"))));
		long attendances = atCras.stream().mapToLong(h -> h.attendances.stream().filter(RmaIT::inMonth).count()).sum();
		assertItem(items, "C.1", Map.entry(attendances, atCras.stream()
			.filter(h -> h.attendances.stream().anyMatch(RmaIT::inMonth)).map(h -> h.caseNumber).sorted().toList()));
		assertItem(items, "C.2", expected(atCras, h -> inMonth(h.referrals.getOrDefault("CADUNICO_INCLUSION", Instant.MIN))));
		assertItem(items, "C.3", expected(atCras, h -> inMonth(h.referrals.getOrDefault("CADUNICO_UPDATE", Instant.MIN))));
		assertItem(items, "C.4", expected(atCras, h -> inMonth(h.referrals.getOrDefault("BPC", Instant.MIN))));
		assertItem(items, "C.5", expected(atCras, h -> inMonth(h.referrals.getOrDefault("CREAS", Instant.MIN))));
		assertItem(items, "D.6", expected(atCras, h -> false));
		assertThat(items.keySet()).containsSubsequence("A.1", "A.2", "B.1", "B.6", "C.1", "C.9", "D.1", "D.7");
		items.values().stream().filter(item -> !item.get("counted").asBoolean())
			.forEach(item -> assertThat(item.get("value").isNull()).as(item.get("code").asText()).isTrue());
		assertThat(items.get("C.6").get("counted").asBoolean()).isFalse();
		// the edge of the month is the unit's: 23:30 on the 31st counts, 00:30 on the 1st does not
		assertThat(items.get("C.1").get("cases").toString()).contains(households.get(3).caseNumber)
			.doesNotContain(households.get(4).caseNumber);

		List<Household> atCreas = households.stream().filter(h -> h.ownerAtEnd.equals(CREAS)).toList();
		Map<String, JsonNode> creas = byCode(get("helena", "unit=" + CREAS + "&month=" + MONTH).getBody());
		Predicate<Household> newAtCreas = h -> inMonth(h.arrivedAtOwner);
		assertItem(creas, "A.1", expected(atCreas, h -> beforeEnd(h.arrivedAtOwner)));
		assertItem(creas, "A.2", expected(atCreas, newAtCreas));
		assertItem(creas, "B.1", expected(atCreas, newAtCreas.and(h -> h.yes("bolsaFamilia"))));
		assertItem(creas, "B.2", expected(atCreas, newAtCreas.and(h -> h.yes("bpcReceived"))));
		assertItem(creas, "G.1", expected(atCreas, newAtCreas.and(h -> h.yes("traffickingVictim"))));
		assertItem(creas, "I.1", expected(atCreas, newAtCreas.and(h -> h.yes(Variables.SLEEPING_ROUGH_TONIGHT))));
		assertItem(creas, "K.6", expected(atCreas, newAtCreas));
		long creasAttendances = atCreas.stream().mapToLong(h -> h.attendances.stream().filter(RmaIT::inMonth).count())
			.sum();
		assertItem(creas, "M.1", Map.entry(creasAttendances, atCreas.stream()
			.filter(h -> h.attendances.stream().anyMatch(RmaIT::inMonth)).map(h -> h.caseNumber).sorted().toList()));
		assertItem(creas, "M.3", expected(atCreas, h -> h.referrals.entrySet().stream()
			.anyMatch(r -> List.of("CADUNICO_INCLUSION", "CADUNICO_UPDATE", "BPC").contains(r.getKey())
					&& inMonth(r.getValue()))));

		// the same report as CSV, one record per item
		ResponseEntity<String> csv = rest.withBasicAuth("helena", "demo")
			.getForEntity("/api/reports/rma.csv?unit=" + CRAS + "&month=" + MONTH, String.class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		List<List<String>> records = Rfc4180.parse(csv.getBody());
		assertThat(records.get(0)).containsExactly("code", "block", "name", "value", "counted", "cases");
		assertThat(records).hasSize(items.size() + 1);
		List<String> a2 = records.stream().filter(r -> r.get(0).equals("A.2")).findFirst().orElseThrow();
		assertThat(a2.get(3)).isEqualTo(items.get("A.2").get("value").asText());
		assertThat(a2.get(5).split(" ")).containsExactlyElementsOf(expected(listenedAtCras, newInPaif).getValue());
	}

	@Test
	void shouldRefuseABadIncomeInTheUnitsLanguageAndKeepTheListeningOpen() {
		Household household = new Household(CRAS, at("2032-05-04T10:00"));
		ClockUtil.setCurrentTime(Date.from(household.listenedAt));
		String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ReceptionProcess.KEY)
			.latestVersion().singleResult().getId();
		ProcessInstance instance = forms.submitStartForm(definition, Map.of(Variables.UNIT_CODE, CRAS,
				Variables.GIVEN_NAME, "Renda", Variables.FAMILY_NAME, "Negativa" + System.nanoTime(), Variables.BIRTH_DATE,
				"1980-01-01", Variables.NATIONALITY, "Haiti", Variables.DISTRICT, "Centro"));
		forms.submitTaskForm(onlyTask(instance.getId(), Elements.REGISTER_HOUSEHOLD).getId(), Map.of("membersCount", 0));
		Task listening = onlyTask(instance.getId(), Elements.QUALIFIED_LISTENING);
		assertThat(tasks.getVariable(listening.getId(), "unitCountry")).isEqualTo("BR");
		Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM case_listening", Integer.class);

		assertThatThrownBy(() -> forms.submitTaskForm(listening.getId(), Map.of("incomePerPerson", -10,
				"cadUnico", "UP_TO_DATE", Variables.SLEEPING_ROUGH_TONIGHT, false, Variables.PROTECTION_CONCERN, false)))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("Renda mensal por pessoa (R$): não pode ser negativo");
		assertThatThrownBy(() -> forms.submitTaskForm(listening.getId(), Map.of("incomePerPerson", 10,
				"cadUnico", "MAYBE", Variables.SLEEPING_ROUGH_TONIGHT, false, Variables.PROTECTION_CONCERN, false)))
			.isInstanceOf(InvalidFormException.class)
			.hasMessageContaining("Cadastro Único: 'MAYBE' não é")
			.hasMessageContaining("Não cadastrada");

		assertThat(onlyTask(instance.getId(), Elements.QUALIFIED_LISTENING)).isNotNull();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_listening", Integer.class)).isEqualTo(before);
	}

	@Test
	void shouldLetOnlyTheUnitsStaffAndManagersReadItsReport() {
		String query = "unit=" + OTHER_CRAS + "&month=2032-03";
		assertThat(get("ana", query).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("carla", query).getStatusCode()).as("any role of the unit").isEqualTo(HttpStatus.OK);
		assertThat(get("helena", query).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<JsonNode> other = get("giulia", query);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(other.getBody().get("detail").asText()).contains("Solo il personale di " + OTHER_CRAS);
		assertThat(rest.withBasicAuth("giulia", "demo").getForEntity("/api/reports/rma.csv?" + query, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("ana", "unit=" + CRAS + "&month=2032-03").getStatusCode()).as("another CRAS")
			.isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<JsonNode> badMonth = get("ana", "unit=" + OTHER_CRAS + "&month=2032-13");
		assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badMonth.getBody().at("/errors/0/field").asText()).isEqualTo("month");
		assertThat(badMonth.getBody().at("/errors/0/message").asText()).contains("não é um mês");
		ResponseEntity<JsonNode> unknown = get("helena", "unit=SOR-NOWHERE&month=2032-03");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<JsonNode> desk = get("giulia", "unit=" + DESK + "&month=2032-03");
		assertThat(desk.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(desk.getBody().at("/errors/0/message").asText()).contains("non invia l'RMA");
	}

}
