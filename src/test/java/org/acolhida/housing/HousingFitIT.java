package org.acolhida.housing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.Relation;
import org.acolhida.housing.HousingReferralProcess.Elements;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.WorkLanguage;
import org.acolhida.language.Words;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.ShelterFacts.ShelterTakes;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Housing fits the family, on PostgreSQL: the housing tasks are due as the settings say for the
 * triage's priority, on the engine's clock, and an immediate household's tasks are in the housing
 * worker's "urgent" list while a normal one's are not; the shelters offered are ranked by fit to the
 * household and each option says, in the unit's language, whom the shelter takes and its free beds.
 */
@PostgresIntegrationTest
class HousingFitIT {

	static final ResourceBundle LISTS = ResourceBundle.getBundle("i18n/tasklists", Locale.forLanguageTag("pt-BR"));

	@Autowired
	HousingReferralService referrals;

	@Autowired
	CaseFiles cases;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ComposedTexts texts;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	@Value("${acolhida.housing.referral.due.immediate}")
	Duration dueImmediate;

	@Value("${acolhida.housing.referral.due.high}")
	Duration dueHigh;

	@Value("${acolhida.housing.referral.due.normal}")
	Duration dueNormal;

	final List<String> instances = new ArrayList<>();

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		instances.forEach(id -> {
			if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
				runtime.deleteProcessInstance(id, "test over", true, true);
			}
		});
	}

	@Test
	void shouldDueHousingTasksByThePriorityAndListTheImmediateOnesAsUrgent() {
		assertThat(dueImmediate).as("hours for an immediate household").isLessThan(Duration.ofDays(1));
		assertThat(dueNormal).as("days for a normal one").isGreaterThanOrEqualTo(Duration.ofDays(2));
		// the engine's clock, set where no wall clock is: a due date computed from the wall clock would miss it
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(7));
		ClockUtil.setCurrentTime(Date.from(now));

		ProcessInstance immediate = refer(household("SOR-CRAS-NORTE", "Centro"), "IMMEDIATE", false);
		ProcessInstance roughTonight = refer(household("SOR-CRAS-NORTE", "Centro"), "HIGH", true);
		ProcessInstance high = refer(household("SOR-CRAS-NORTE", "Centro"), "HIGH", false);
		ProcessInstance normal = refer(household("SOR-CRAS-NORTE", "Centro"), "NORMAL", false);

		for (ProcessInstance urgent : List.of(immediate, roughTonight)) {
			assertThat(task(urgent, Elements.HOUSEHOLD_NEEDS).getDueDate()).isEqualTo(Date.from(now.plus(dueImmediate)));
			assertThat(task(urgent, Elements.HOUSEHOLD_NEEDS).getFollowUpDate())
				.isEqualTo(Date.from(now.plus(dueImmediate.dividedBy(2))));
		}
		assertThat(task(roughTonight, Elements.EMERGENCY_PLACEMENT).getDueDate()).as("a bed tonight")
			.isEqualTo(Date.from(now.plus(dueImmediate)));
		assertThat(task(high, Elements.HOUSEHOLD_NEEDS).getDueDate()).isEqualTo(Date.from(now.plus(dueHigh)));
		assertThat(task(normal, Elements.HOUSEHOLD_NEEDS).getDueDate()).isEqualTo(Date.from(now.plus(dueNormal)));
		assertThat(tasks.createTaskQuery().processInstanceId(normal.getId()).count())
			.as("no emergency placement for a normal referral").isEqualTo(1);

		// the next task is due from when it opens, by the same priority
		Instant later = now.plus(Duration.ofHours(1));
		ClockUtil.setCurrentTime(Date.from(later));
		needs(normal, "WOMEN");
		assertThat(task(normal, Elements.CHOOSE_SHELTER).getDueDate()).isEqualTo(Date.from(later.plus(dueNormal)));

		// carla's lists in Tasklist: the urgent one shows the immediate households, not the normal one
		String urgentList = listsOf("carla").get(LISTS.getString("urgent.name"));
		assertThat(urgentList).as("carla's urgent list").isNotNull();
		List<String> urgentTasks = tasksIn("carla", urgentList);
		assertThat(urgentTasks).contains(task(immediate, Elements.HOUSEHOLD_NEEDS).getId(),
				task(roughTonight, Elements.EMERGENCY_PLACEMENT).getId(),
				// priority HIGH, but sleeping rough tonight: urgent by its due date alone
				task(roughTonight, Elements.HOUSEHOLD_NEEDS).getId())
			.doesNotContain(task(normal, Elements.CHOOSE_SHELTER).getId(), task(high, Elements.HOUSEHOLD_NEEDS).getId());
	}

	@Test
	void shouldOfferTheSheltersMadeForTheHouseholdFirstEachSayingWhomItTakesAndItsFreeBeds() throws Exception {
		String town = "Fit " + UUID.randomUUID().toString().substring(0, 8);
		String cras = unit(town, "CRAS", null);
		String anyoneNear = unit(town, "SHELTER", Map.of("beds", 40, "takes", "ANYONE", "wheelchairAccessible", false));
		String familiesFar = unit(town, "SHELTER",
				Map.of("beds", 8, "takes", "FAMILIES_WITH_CHILDREN", "wheelchairAccessible", false), "Vila Nova");
		String womenNear = unit(town, "SHELTER", Map.of("beds", 6, "takes", "WOMEN_ONLY", "wheelchairAccessible", true));
		String menNear = unit(town, "SHELTER", Map.of("beds", 30, "takes", "MEN_ONLY", "wheelchairAccessible", false));
		String womenTooSmall = unit(town, "SHELTER",
				Map.of("beds", 2, "takes", "WOMEN_ONLY", "wheelchairAccessible", false));

		ProcessInstance instance = refer(household(cras, "Centro", 7, 12), "NORMAL", false);
		needs(instance, "WOMEN");

		List<JsonNode> options = new ArrayList<>();
		json.readTree(runtime.getVariable(instance.getId(), Variables.SHELTER_OPTIONS).toString()).forEach(options::add);
		assertThat(options).extracting(option -> option.get("value").asText())
			.as("a mother and her two children: the women's house in her district, the families' house elsewhere,"
					+ " then the house that takes anyone; never the men's house nor one too small for three")
			.containsExactly(womenNear, familiesFar, anyoneNear)
			.doesNotContain(menNear, womenTooSmall);

		Words pt = texts.in(WorkLanguage.PT_BR);
		Words en = texts.in(WorkLanguage.EN);
		Map<String, String> labels = new LinkedHashMap<>();
		options.forEach(option -> labels.put(option.get("value").asText(), option.get("label").asText()));
		assertThat(labels.get(womenNear)).startsWith("Abrigo " + womenNear + " · ")
			.contains(pt.word("shelterTakes", ShelterTakes.WOMEN_ONLY), pt.text("shelter.freeBeds", 6),
					pt.text("shelter.sameDistrict"), pt.text("shelter.speaks", "espanhol"));
		assertThat(labels.get(familiesFar)).contains(pt.word("shelterTakes", ShelterTakes.FAMILIES_WITH_CHILDREN),
				pt.text("shelter.freeBeds", 8))
			.doesNotContain(pt.text("shelter.sameDistrict"));
		assertThat(labels.get(anyoneNear)).contains(pt.word("shelterTakes", ShelterTakes.ANYONE),
				pt.text("shelter.freeBeds", 40));
		for (String label : labels.values()) {
			assertThat(label).as("in Portuguese, no code").doesNotContain("WOMEN_ONLY", "FAMILIES", "ANYONE",
					en.word("shelterTakes", ShelterTakes.ANYONE), en.text("shelter.freeBeds", 6).replaceAll("\\d+ ", ""));
		}
	}

	// ---------------------------------------------------------------- helpers

	/** A case at the unit: a mother aged 34 who speaks Spanish, with children of the given ages. */
	String household(String unit, String district, int... childrenAges) {
		LocalDate today = LocalDate.now();
		String caseNumber = cases.open(new NewCase(unit, new NewPerson(null, "Rosa", "Pérez", today.minusYears(34),
				"Venezuela", List.of("es"), List.of()), district, false), "ana").getCaseNumber();
		List<NewPerson> children = new ArrayList<>();
		for (int age : childrenAges) {
			children.add(new NewPerson(Relation.CHILD, "Filha" + children.size(), "Pérez",
					today.minusYears(age).minusDays(10), "Venezuela", List.of("es"), List.of()));
		}
		cases.registerHousehold(caseNumber, children);
		return caseNumber;
	}

	ProcessInstance refer(String caseNumber, String priority, boolean sleepingRoughTonight) {
		ProcessInstance instance = referrals.refer(caseNumber, priority, sleepingRoughTonight);
		instances.add(instance.getId());
		return instance;
	}

	void needs(ProcessInstance instance, String adultsAre) {
		tasks.complete(task(instance, Elements.HOUSEHOLD_NEEDS).getId(),
				Map.of(Variables.ADULTS_ARE, adultsAre, Variables.WHEELCHAIR_NEEDED, false));
	}

	Task task(ProcessInstance instance, String taskId) {
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).singleResult();
		assertThat(task).as("open task " + taskId).isNotNull();
		return task;
	}

	/** A unit of the town made by the manager helena through the API, serving the district Centro unless told. */
	String unit(String town, String kind, Map<String, Object> shelter, String... districts) {
		String code = "T-FIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		Map<String, Object> unit = new HashMap<>();
		unit.put("code", code);
		unit.put("name", ("SHELTER".equals(kind) ? "Abrigo " : "CRAS ") + code);
		unit.put("kind", kind);
		unit.put("municipality", town);
		unit.put("country", "BR");
		unit.put("timeZone", "America/Sao_Paulo");
		unit.put("districts", districts.length == 0 ? List.of("Centro") : List.of(districts));
		unit.put("languages", List.of("pt", "es"));
		if (shelter != null) {
			unit.put("shelter", shelter);
		}
		ResponseEntity<JsonNode> created = call("helena", HttpMethod.POST, "/api/units", unit);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		return code;
	}

	ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** The lists the user may read, by name. */
	Map<String, String> listsOf(String user) {
		ResponseEntity<JsonNode> answer = call(user, HttpMethod.GET,
				"/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", null);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, String> byName = new LinkedHashMap<>();
		answer.getBody().forEach(filter -> byName.put(filter.get("name").asText(), filter.get("id").asText()));
		return byName;
	}

	/** The ids of the tasks a list shows the user, as Tasklist asks for them. */
	List<String> tasksIn(String user, String filterId) {
		ResponseEntity<JsonNode> answer = call(user, HttpMethod.POST,
				"/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=200", Map.of());
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
		return StreamSupport.stream(answer.getBody().spliterator(), false).map(task -> task.get("id").asText()).toList();
	}

}
