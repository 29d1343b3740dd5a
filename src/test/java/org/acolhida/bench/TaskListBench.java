package org.acolhida.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.bench.BenchReport.Figure;
import org.acolhida.reception.ReceptionProcess;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist at scale (issue 9, item 3): with {@code bench.tasks} (100,000) open tasks spread over
 * 100 units, authorization on, the list a reception worker ({@code ana}, workgroup
 * {@code reception.SOR-CRAS-NORTE}) sees, fetched through the REST API with HTTP Basic: newest first,
 * with the count. Aim: p95 ≤ 100 ms. Medians over rounds of the percentiles, after a warm-up.
 * <p>
 * Three requests: exactly what Tasklist 7.24 sends for the worker's filter (the filter's list as HAL,
 * 15 newest, which also counts and fetches the filter's variable columns); the filter's newest 50 and
 * its count; and a plain task query for the workgroup's newest 50 and its count.
 * <p>
 * The tasks are real engine tasks: instances of the real reception process started before one of its
 * user tasks (register household, qualified listening, follow-up interview), so that the engine
 * makes the identity links and the per-task authorizations of their candidate group, and our task
 * listener names them. They live in a database of their own ({@code tasklist_bench}), made once
 * and re-used by later runs on the same server.
 * <p>
 * Before and after in one run: first one request each without the planner statistics that
 * {@code system.AuthorizationStatistics} creates (each takes seconds), then the measured rounds with
 * them and with the planner settings {@code system.TaskQueryPlans} gives task queries. The statements each request ran, and the plans of the engine's task queries, are written to
 * {@code target/bench/tasklist-plans.md}.
 */
class TaskListBench {

	static final int TASKS = Integer.getInteger("bench.tasks", 100_000);

	static final int ROUNDS = Integer.getInteger("bench.tasklist.rounds", 5);

	static final int SAMPLES = Integer.getInteger("bench.tasklist.samples", 40);

	static final int WARM_UP = Integer.getInteger("bench.tasklist.warmup", 20);

	static final String DATABASE = "tasklist_bench";

	/** Units the tasks are spread over: the two demo units and 98 of the bench's own. */
	static final int UNITS = 100;

	static final String UNIT = "SOR-CRAS-NORTE";

	static final String WORKGROUP = "reception." + UNIT;

	static final String WORKER = "ana";

	/** The list Tasklist shows ana first: her desk's list, kept by the application (see tasklists). */
	static final String FILTER = "the reception desk's list";

	/** The body Tasklist 7.24 posts to a filter's list (its "taskListQuery"), first page. */
	static final String TASKLIST_BODY = """
			{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
			"sorting":[{"sortOrder":"desc","sortBy":"created"}],"active":true}""";

	static final String NEWEST_FIRST = "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]";

	final ObjectMapper json = new ObjectMapper();

	@Test
	void measureTheWorkersTaskListAmongAHundredThousandTasks() throws Exception {
		try (OwnDatabaseApplication app = OwnDatabaseApplication.start(DATABASE)) {
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			List<Figure> figures = new ArrayList<>();

			long started = System.nanoTime();
			int created = createTasks(app, jdbc);
			jdbc.execute("ANALYZE");
			if (created > 0) {
				figures.add(new Figure("task list: set-up", created + " tasks started (2 threads)",
						(System.nanoTime() - started) / 1e9, "s", "< 600 s"));
			}

			long atUnit = jdbc.queryForObject("""
					SELECT COUNT(DISTINCT t.id_) FROM act_ru_task t
					JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate'
					WHERE l.group_id_ = ?""", Long.class, WORKGROUP);
			long all = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task", Long.class);
			assertThat(all).isGreaterThanOrEqualTo(TASKS);
			String filterId = app.bean(FilterService.class).createFilterQuery().list().stream()
				.filter(filter -> filter.getProperties() != null
						&& ("workgroup:" + WORKGROUP).equals(filter.getProperties().get("acolhidaList")))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no task list for " + WORKGROUP))
				.getId();

			Rest rest = new Rest(app.port(), WORKER, "demo");
			String base = "/engine-rest/filter/" + filterId;
			String groupQuery = "{\"candidateGroup\":\"" + WORKGROUP + "\"";
			Map<String, Runnable> requests = new java.util.LinkedHashMap<>();
			requests.put("Tasklist's request: filter \"" + FILTER + "\", HAL list of 15 with count", () -> {
				JsonNode page = rest.post(base + "/list?firstResult=0&maxResults=15", TASKLIST_BODY, true);
				assertPage(page.path("_embedded").path("task"), Math.min(15, atUnit), true);
				assertThat(page.path("count").asLong()).isEqualTo(atUnit);
			});
			requests.put("filter \"" + FILTER + "\": newest 50 + count", () -> {
				assertPage(rest.post(base + "/list?firstResult=0&maxResults=50", "{" + NEWEST_FIRST + "}", false),
						Math.min(50, atUnit), true);
				assertThat(rest.post(base + "/count", "{}", false).path("count").asLong()).isEqualTo(atUnit);
			});
			requests.put("task query candidateGroup=" + WORKGROUP + ": newest 50 + count", () -> {
				assertPage(rest.post("/engine-rest/task?firstResult=0&maxResults=50",
						groupQuery + "," + NEWEST_FIRST + "}", false), Math.min(50, atUnit), false);
				assertThat(rest.post("/engine-rest/task/count", groupQuery + "}", false).path("count").asLong())
					.isEqualTo(atUnit);
			});

			String size = all + " open tasks, " + atUnit + " at " + WORKGROUP;
			SqlCapture capture = SqlCapture.installIn(app.bean(ProcessEngine.class));
			StringBuilder plans = new StringBuilder("# Plans of the task list queries (" + size + ")\n\n"
					+ BenchReport.machine() + "\n\nplan_cache_mode: " + jdbc.queryForObject("SHOW plan_cache_mode", String.class)
					+ "\n");

			// Before: the engine's tables with PostgreSQL's own statistics only. One request each, as
			// each takes seconds; their plans without ANALYZE, which would take as long again.
			ApplicationRunner statistics = (ApplicationRunner) app.context.getBean("authorizationStatistics");
			jdbc.execute("DROP STATISTICS IF EXISTS acolhida_authorization_permissions");
			jdbc.execute("ANALYZE act_ru_authorization");
			plans.append("\n# Before: without statistics on the authorizations' permission bits\n");
			for (Map.Entry<String, Runnable> request : requests.entrySet()) {
				long start = System.nanoTime();
				List<SqlCapture.Statement> statements = capture.during(request.getValue());
				figures.add(new Figure("task list (" + size + "): " + request.getKey(),
						"before: without authorization statistics, 1 request", (System.nanoTime() - start) / 1e6, "ms",
						"≤ 100 ms"));
				appendPlans(plans, jdbc, request.getKey(), statements, "EXPLAIN ");
			}

			// After: with the statistics the application creates at start (system.AuthorizationStatistics)
			// and the planner settings it gives task queries (system.TaskQueryPlans).
			statistics.run(null);
			plans.append("\n# After: with statistics on the authorizations' permission bits\n");
			for (Map.Entry<String, Runnable> request : requests.entrySet()) {
				figures.addAll(measure("task list (" + size + "): " + request.getKey(), "", request.getValue()));
				appendPlans(plans, jdbc, request.getKey(), capture.during(request.getValue()),
						"EXPLAIN (ANALYZE, BUFFERS) ");
			}

			BenchReport.write(figures);
			Files.createDirectories(BenchReport.DIR);
			Files.writeString(BenchReport.DIR.resolve("tasklist-plans.md"), plans);
		}
	}

	/** Starts reception instances until {@link #TASKS} are open; none if a former run made them. */
	int createTasks(OwnDatabaseApplication app, JdbcTemplate jdbc) throws Exception {
		int existing = jdbc.queryForObject("""
				SELECT COUNT(*) FROM act_ru_task t JOIN act_re_procdef d ON d.id_ = t.proc_def_id_
				WHERE d.key_ = ?""", Integer.class, ReceptionProcess.KEY);
		if (existing >= TASKS) {
			return 0;
		}
		RuntimeService runtime = app.bean(RuntimeService.class);
		TransactionTemplate transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
		int threads = 2;
		int batch = 200;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int from = existing; from < TASKS; from += batch) {
				int first = from;
				int last = Math.min(TASKS, from + batch);
				work.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
					for (int i = first; i < last; i++) {
						start(runtime, i);
					}
				})));
			}
			for (Future<?> done : work) {
				done.get(30, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return TASKS - existing;
	}

	/**
	 * The i-th bench case: a reception at one of 100 units (1.5% each at the two demo units), waiting
	 * at one of three user tasks; a third of them after the triage, with a priority.
	 */
	static void start(RuntimeService runtime, int i) {
		String caseNumber = String.format("BENCH-%07d", i);
		Map<String, Object> variables = new HashMap<>();
		variables.put(ReceptionProcess.Variables.UNIT_CODE, unit(i));
		variables.put(ReceptionProcess.Variables.CASE_NUMBER, caseNumber);
		variables.put(ReceptionProcess.Variables.PERSON_NAME, "Bench Person " + i);
		String activity = switch (i % 3) {
			case 0 -> ReceptionProcess.Elements.REGISTER_HOUSEHOLD;
			case 1 -> ReceptionProcess.Elements.QUALIFIED_LISTENING;
			default -> {
				variables.put(ReceptionProcess.Variables.PRIORITY, List.of("IMMEDIATE", "HIGH", "NORMAL").get(i / 3 % 3));
				yield ReceptionProcess.Elements.FOLLOW_UP_INTERVIEW;
			}
		};
		runtime.createProcessInstanceByKey(ReceptionProcess.KEY)
			.businessKey(caseNumber)
			.setVariables(variables)
			.startBeforeActivity(activity)
			.execute();
	}

	/** 3 in 200 cases at SOR-CRAS-NORTE, 3 at the Cremona demo unit, the rest over 98 bench units. */
	static String unit(int i) {
		int slot = i % 200;
		if (slot < 3) {
			return UNIT;
		}
		if (slot < 6) {
			return "CRE-CARITAS-IMMIGRAZIONE";
		}
		return "BENCH-TL-" + (i % (UNITS - 2));
	}

	/**
	 * A full page, newest first; for the filter, whose own sorting (due date, ascending) comes before
	 * the one Tasklist asks for, newest first among tasks due at the same time.
	 */
	void assertPage(JsonNode tasks, long expected, boolean dueFirst) {
		assertThat(tasks.size()).isEqualTo(expected);
		for (int i = 1; i < tasks.size(); i++) {
			String due = tasks.get(i - 1).path("due").asText();
			String nextDue = tasks.get(i).path("due").asText();
			if (dueFirst) {
				assertThat(due).isLessThanOrEqualTo(nextDue);
			}
			if (!dueFirst || due.equals(nextDue)) {
				assertThat(tasks.get(i - 1).path("created").asText())
					.isGreaterThanOrEqualTo(tasks.get(i).path("created").asText());
			}
		}
	}

	List<Figure> measure(String name, String setting, Runnable request) {
		for (int i = 0; i < WARM_UP; i++) {
			request.run();
		}
		double[] p50 = new double[ROUNDS];
		double[] p95 = new double[ROUNDS];
		double[] p99 = new double[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long[] nanos = new long[SAMPLES];
			for (int i = 0; i < SAMPLES; i++) {
				long start = System.nanoTime();
				request.run();
				nanos[i] = System.nanoTime() - start;
			}
			p50[round] = BenchReport.percentile(nanos, 50) / 1e6;
			p95[round] = BenchReport.percentile(nanos, 95) / 1e6;
			p99[round] = BenchReport.percentile(nanos, 99) / 1e6;
		}
		String rounds = ", median of " + ROUNDS + " rounds of " + SAMPLES + setting;
		return List.of(new Figure(name, "p50" + rounds, BenchReport.median(p50), "ms", ""),
				new Figure(name, "p95" + rounds, BenchReport.median(p95), "ms", "≤ 100 ms"),
				new Figure(name, "p99" + rounds, BenchReport.median(p99), "ms", ""));
	}

	/** Every statement a request ran, and the plan of each task query (list and count). */
	void appendPlans(StringBuilder plans, JdbcTemplate jdbc, String request, List<SqlCapture.Statement> statements,
			String explain) {
		plans.append("\n## ").append(request).append("\n\n").append(statements.size()).append(" statements:\n\n");
		statements.stream()
			.collect(java.util.stream.Collectors.groupingBy(SqlCapture.Statement::id, java.util.TreeMap::new,
					java.util.stream.Collectors.counting()))
			.forEach((id, count) -> plans.append("- ").append(count).append(" × ").append(id).append('\n'));
		for (SqlCapture.Statement statement : statements) {
			if (statement.id().contains("selectTask")) {
				plans.append("\n### ").append(statement.id()).append("\n\n```sql\n").append(statement.sql())
					.append("\n```\n\n```\n");
				jdbc.query(explain + statement.sql(), row -> {
					plans.append(row.getString(1)).append('\n');
				});
				plans.append("```\n");
			}
		}
	}

	/** The REST API as one signed-in user, with HTTP Basic. */
	final class Rest {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final String root;

		private final String authorization;

		Rest(int port, String user, String password) {
			this.root = "http://127.0.0.1:" + port;
			this.authorization = "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

		JsonNode post(String path, String body, boolean hal) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
				.timeout(Duration.ofSeconds(180))
				.header("Authorization", authorization)
				.header("Content-Type", "application/json")
				.header("Accept", hal ? "application/hal+json, application/json; q=0.5" : "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
				return json.readTree(response.body());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

	}

}
