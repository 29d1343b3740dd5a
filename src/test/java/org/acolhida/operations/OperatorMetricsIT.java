package org.acolhida.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus reads from {@code /actuator/prometheus}: who may scrape it, under
 * which spellings of the path, and that the gauges move by what the work through the real processes
 * did, for the right unit and role. The exposition is parsed as Prometheus parses it
 * ({@link PrometheusText}); the Grafana dashboard may only name what it exposes.
 */
@PostgresIntegrationTest
class OperatorMetricsIT {

	static final String UNIT = "SOR-CRAS-NORTE";

	@LocalServerPort
	int port;

	@Autowired
	OperatorMetrics metrics;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	HttpResponse<String> send(String user, String method, String rawPath, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/plain, application/json");
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A scrape that reads the database now, as the first scrape after the refresh interval does. */
	PrometheusText scrape() throws Exception {
		metrics.forget();
		HttpResponse<String> response = send("mauro", "GET", "/actuator/prometheus", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return PrometheusText.parse(response.body());
	}

	static double openTasks(PrometheusText scrape, String role, String... priority) {
		Map<String, String> labels = new LinkedHashMap<>(Map.of("unit", UNIT, "role", role));
		if (priority.length > 0) {
			labels.put("priority", priority[0]);
		}
		return scrape.sum("acolhida_tasks_open", labels);
	}

	static double overdue(PrometheusText scrape, String role) {
		return scrape.sum("acolhida_tasks_overdue", Map.of("unit", UNIT, "role", role));
	}

	@Test
	void shouldLetOnlyOperatorsScrapeAndKeepHealthOpen() throws Exception {
		assertThat(send(null, "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(send(null, "GET", "/actuator/prometheus", null).headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
		assertThat(send("nobody", "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
		// a user of its own: the engine delays a user's next sign-in after a wrong password
		if (identity.createUserQuery().userId("metrics-probe").count() == 0) {
			User probe = identity.newUser("metrics-probe");
			probe.setPassword("Scrape-Probe-7x!");
			identity.saveUser(probe);
			identity.createMembership("metrics-probe", "metrics");
		}
		HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("metrics-probe:wrong".getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		for (String worker : List.of("ana", "helena", "otavio")) {
			HttpResponse<String> refused = send(worker, "GET", "/actuator/prometheus", null);
			assertThat(refused.statusCode()).as(worker).isEqualTo(403);
			assertThat(refused.body()).doesNotContain("acolhida_");
		}
		assertThat(send("mauro", "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
		assertThat(send("admin", "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
		assertThat(send(null, "GET", "/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(send("ana", "GET", "/actuator/health", null).statusCode()).isEqualTo(200);
		// the list of endpoints and the others are the operators' too
		assertThat(send(null, "GET", "/actuator", null).statusCode()).isEqualTo(401);
		assertThat(send(null, "GET", "/actuator/info", null).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldRefuseEverySpellingOfThePathThatRoutesToTheScrape() throws Exception {
		for (String path : List.of("/actuator/prometheus;x=1", "/actuator;x=1/prometheus", "//actuator//prometheus",
				"/actuator/prometheus/", "/actuator/%70rometheus", "/%61ctuator/prometheus", "/actuator/./prometheus",
				"/actuator/health/../prometheus", "/actuator/health;x=1/../prometheus", "/actuator/health/%2E%2E/prometheus",
				"/actuator%2Fprometheus", "/actuator/health%2F..%2Fprometheus", "/x/../actuator/prometheus")) {
			for (String user : new String[] { null, "ana" }) {
				HttpResponse<String> response = send(user, "GET", path, null);
				// refused, or not routed to the scrape at all: never the metrics
				assertThat(response.statusCode()).as(user + " " + path).isNotEqualTo(200);
				assertThat(response.body()).as(user + " " + path).doesNotContain("acolhida_tasks_open");
			}
		}
		assertThat(send("mauro", "GET", "/actuator/prometheus;x=1", null).statusCode()).isIn(200, 400, 404);
	}

	@Test
	void shouldCountANewReceptionsTasksAtItsUnitAndRole() throws Exception {
		long refreshed = System.nanoTime();
		PrometheusText before = scrape();
		double casesOpened = before.sum("acolhida_cases_opened_total", Map.of("municipality", "Sorocaba"));
		double casesOpen = before.sum("acolhida_cases_open", Map.of("municipality", "Sorocaba"));

		HttpResponse<String> started = send("ana", "POST", "/engine-rest/process-definition/key/reception/submit-form",
				startForm("Yolanda"));
		assertThat(started.statusCode()).isEqualTo(200);
		String instanceId = json.readTree(started.body()).get("id").asText();

		// within the refresh interval (10 s) a scrape answers from what the last one read
		HttpResponse<String> cached = send("mauro", "GET", "/actuator/prometheus", null);
		if (Duration.ofNanos(System.nanoTime() - refreshed).compareTo(Duration.ofSeconds(9)) < 0) {
			assertThat(openTasks(PrometheusText.parse(cached.body()), "reception")).isEqualTo(openTasks(before, "reception"));
		}

		PrometheusText afterStart = scrape();
		assertThat(openTasks(afterStart, "reception")).isEqualTo(openTasks(before, "reception") + 1);
		// before the triage a case has no priority
		assertThat(openTasks(afterStart, "reception", "none")).isEqualTo(openTasks(before, "reception", "none") + 1);
		assertThat(openTasks(afterStart, "documentation")).isEqualTo(openTasks(before, "documentation"));
		assertThat(overdue(afterStart, "reception")).isEqualTo(overdue(before, "reception"));
		assertThat(afterStart.sum("acolhida_tasks_open", Map.of("unit", "CRE-CARITAS-IMMIGRAZIONE", "role", "reception")))
			.isEqualTo(before.sum("acolhida_tasks_open", Map.of("unit", "CRE-CARITAS-IMMIGRAZIONE", "role", "reception")));
		assertThat(afterStart.sum("acolhida_cases_opened_total", Map.of("municipality", "Sorocaba"))).isEqualTo(casesOpened + 1);
		assertThat(afterStart.sum("acolhida_cases_open", Map.of("municipality", "Sorocaba"))).isEqualTo(casesOpen + 1);

		// an incident in the new reception counts for its process until it is resolved
		Map<String, String> receptionIncidents = Map.of("process", "reception", "type", "acolhida-test");
		String incident = runtime.createIncident("acolhida-test", instanceId, "probe").getId();
		try {
			assertThat(scrape().sum("acolhida_incidents_open", receptionIncidents)).isEqualTo(1);
		}
		finally {
			runtime.resolveIncident(incident);
		}
		assertThat(scrape().sum("acolhida_incidents_open", receptionIncidents)).isZero();

		// a year later every open task of the unit's reception workers is overdue, the new one too
		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(365).toMillis()));
		try {
			PrometheusText late = scrape();
			// other tests share the database and may leave tasks without a due date: count what is due, apart
			Integer due = jdbc.queryForObject("""
					SELECT COUNT(DISTINCT t.id_) FROM act_ru_task t JOIN act_ru_identitylink l ON l.task_id_ = t.id_
					WHERE l.type_ = 'candidate' AND l.group_id_ = ? AND t.due_date_ < ?""", Integer.class,
					"reception." + UNIT, ClockUtil.getCurrentTime());
			assertThat(overdue(late, "reception")).isEqualTo(due.doubleValue()).isGreaterThanOrEqualTo(1)
				.isGreaterThanOrEqualTo(overdue(afterStart, "reception") + 1);
		}
		finally {
			ClockUtil.reset();
		}

		complete("ana", instanceId, Map.of("householdMembers", Map.of("type", "Json", "value", "[]")));
		complete("ana", instanceId, variables("needsDocumentation", true, "needsHousing", false, "needsLiteracy", false,
				"needsLegalAid", false, "needsHealth", false, "sleepingRoughTonight", false, "childrenInHousehold", false,
				"protectionConcern", false, "consentToShare", true));

		PrometheusText afterTriage = scrape();
		assertThat(openTasks(afterTriage, "reception")).isEqualTo(openTasks(before, "reception"));
		assertThat(openTasks(afterTriage, "documentation")).isEqualTo(openTasks(before, "documentation") + 1);
		// the documentation guidance's task counts under the priority the triage gave the case
		String priority = json.readTree(send("admin", "GET", "/engine-rest/process-instance/" + instanceId + "/variables/priority",
				null).body()).get("value").asText().toLowerCase(Locale.ROOT);
		assertThat(priority).isIn("immediate", "high", "normal");
		assertThat(openTasks(afterTriage, "documentation", priority)).isEqualTo(openTasks(before, "documentation", priority) + 1);
	}

	@Test
	void shouldCountRestErrorsByApiAndStatusClass() throws Exception {
		PrometheusText before = scrape();
		Map<String, String> engine4xx = Map.of("api", "engine-rest", "status_class", "4xx");
		Map<String, String> api4xx = Map.of("api", "api", "status_class", "4xx");

		assertThat(send("ana", "GET", "/engine-rest/task/no-such-task", null).statusCode()).isEqualTo(404);
		assertThat(send(null, "GET", "/api/cases/SOR-2026-999999", null).statusCode()).isEqualTo(401);

		PrometheusText after = scrape();
		assertThat(after.sum("acolhida_rest_errors_total", engine4xx)).isEqualTo(before.sum("acolhida_rest_errors_total", engine4xx) + 1);
		assertThat(after.sum("acolhida_rest_errors_total", api4xx)).isEqualTo(before.sum("acolhida_rest_errors_total", api4xx) + 1);
		assertThat(after.families().get("acolhida_rest_errors_total") != null
				? after.families().get("acolhida_rest_errors_total").type()
				: after.families().get("acolhida_rest_errors").type()).isEqualTo("counter");
	}

	@Test
	void shouldShowBedsAndSeatsAgainstWaitingListsByMunicipality() throws Exception {
		PrometheusText scrape = scrape();
		for (String municipality : List.of("Sorocaba", "Cremona")) {
			Integer beds = jdbc.queryForObject("""
					SELECT SUM(c.total - c.held - c.occupied) FROM shelter_capacity c JOIN service_unit u ON u.id = c.service_unit
					WHERE u.active AND u.municipality = ?""", Integer.class, municipality);
			Integer seats = jdbc.queryForObject("""
					SELECT SUM(s.seats - s.taken) FROM class_seats s JOIN service_unit u ON u.id = s.class_unit
					WHERE u.active AND u.municipality = ?""", Integer.class, municipality);
			assertThat(beds).as(municipality).isPositive();
			assertThat(scrape.sum("acolhida_beds_free", Map.of("municipality", municipality))).isEqualTo(beds.doubleValue());
			if (seats != null) {
				assertThat(scrape.sum("acolhida_class_seats_free", Map.of("municipality", municipality))).isEqualTo(seats.doubleValue());
			}
			assertThat(scrape.sum("acolhida_housing_waiting", Map.of("municipality", municipality))).isEqualTo(
					jdbc.queryForObject("SELECT COUNT(*) FROM waitlist_entry WHERE status = 'WAITING' AND municipality = ?",
							Integer.class, municipality).doubleValue());
		}
		assertThat(scrape.names("acolhida_engine_metric_total")).isTrue();
		// no label carries a case number or anybody's name
		// (http_client_*: the tests' own TestRestTemplate, measured in the same registry; the application
		// itself calls no HTTP service)
		scrape.families().entrySet().stream().filter(family -> !family.getKey().startsWith("http_client_"))
			.forEach(entry -> entry.getValue().samples().forEach(sample -> sample.labels().values()
			.forEach(value -> assertThat(value).as(entry.getKey() + " " + sample.labels())
				.doesNotContainPattern("[A-Z]{3}-\\d{4}-\\d{6}").doesNotContain("Yolanda"))));
	}

	@Test
	void shouldNameOnlyExposedMetricsInTheDashboard() throws Exception {
		PrometheusText scrape = scrape();
		JsonNode dashboard = json.readTree(Files.readString(Path.of("docs/grafana-dashboard.json")));
		Set<String> named = new TreeSet<>();
		Pattern metric = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
		List<String> expressions = new java.util.ArrayList<>(dashboard.findValuesAsText("expr"));
		expressions.addAll(dashboard.findValuesAsText("definition"));
		assertThat(expressions).isNotEmpty();
		for (String expr : expressions) {
			Matcher matcher = metric.matcher(expr);
			while (matcher.find()) {
				named.add(matcher.group(1));
			}
			Matcher acolhida = Pattern.compile("\\bacolhida_[a-z0-9_]+").matcher(expr);
			while (acolhida.find()) {
				named.add(acolhida.group());
			}
		}
		assertThat(named).isNotEmpty();
		assertThat(named).allSatisfy(name -> assertThat(scrape.names(name)).as(name + " exposed").isTrue());
		assertThat(named).contains("acolhida_tasks_open", "acolhida_tasks_overdue", "acolhida_incidents_open",
				"acolhida_jobs_failing", "acolhida_cases_opened_total", "acolhida_cases_closed_total", "acolhida_beds_free",
				"acolhida_housing_waiting", "acolhida_class_seats_free", "acolhida_learners_waiting",
				"acolhida_rest_errors_total");
	}

	void complete(String user, String instanceId, Map<String, Object> variables) throws Exception {
		JsonNode tasks = json.readTree(send(user, "GET", "/engine-rest/task?maxResults=50&processInstanceId=" + instanceId, null).body());
		assertThat(tasks).hasSize(1);
		assertThat(send(user, "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
				Map.of("variables", variables)).statusCode()).isEqualTo(204);
	}

	static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
		}
		return variables;
	}

	static Map<String, Object> startForm(String givenName) {
		return Map.of("variables", variables("givenName", givenName, "familyName", "Arce", "birthDate", "1988-04-02",
				"nationality", "Venezuela", "languages", "es", "district", "Éden", "interpreterNeeded", false,
				"documentType", "PASSPORT", "documentNumber", "VE-" + System.nanoTime()));
	}

}
