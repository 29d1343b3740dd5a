package org.acolhida.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.acolhida.AcolhidaApplication;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's backup and restore, done as an operator would: a PostgreSQL cluster of its own under
 * {@code target/} (this machine's {@code initdb} and {@code pg_ctl}, of the major version of its
 * {@code pg_dump}), the application on it with running cases, {@code pg_dump -Fc} while it runs, then
 * {@code pg_restore} into a NEW database and the application started on that one. A month later (the
 * engine's clock moved) the reception's follow-up timer fires by the job executor alone, and the worker
 * closes the case.
 * <p>
 * Needs PostgreSQL's client and server programs ({@code /usr/lib/postgresql/<major>/bin}, or
 * {@code PG_BIN}); without them it is skipped with a message. The embedded PostgreSQL of the other tests
 * brings no {@code pg_dump}. In a JVM of its own (pom, execution own-jvm): it starts the application twice.
 */
class BackupRestoreIT {

	static final String LIVE = "acolhida_live";

	static final String RESTORED = "acolhida_restored";

	static final Duration MONTH_AND_A_DAY = Duration.ofDays(31);

	static Path bin;

	static Path work;

	static Path data;

	static int port;

	/** Who runs PostgreSQL's programs: the server refuses to run as root. */
	static List<String> runAs = List.of();

	@BeforeAll
	static void startCluster() throws Exception {
		Optional<Path> found = postgresPrograms();
		assumeTrue(found.isPresent(), "BackupRestoreIT skipped: no PostgreSQL programs (pg_dump, pg_restore, initdb, "
				+ "pg_ctl of one version) under /usr/lib/postgresql/*/bin or PG_BIN; install PostgreSQL to run it");
		bin = found.get();
		work = Path.of("target", "backup-restore-it").toAbsolutePath();
		deleteTree(work);
		Files.createDirectories(work);
		data = work.resolve("cluster");
		Files.createDirectories(data);
		if ("root".equals(System.getProperty("user.name"))) {
			UserPrincipal postgres = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
			Files.setOwner(work, postgres);
			Files.setOwner(data, postgres);
			runAs = List.of("runuser", "-u", "postgres", "--");
		}
		try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
		run("pg_ctl", "-D", data.toString(), "-l", work.resolve("server.log").toString(), "-w", "-t", "60", "-o",
				"-p " + port + " -k " + work + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
		sql("CREATE DATABASE " + LIVE);
	}

	@AfterAll
	static void stopCluster() throws Exception {
		ClockUtil.reset();
		if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
			run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
		}
	}

	@Test
	void shouldRestoreADumpIntoANewDatabaseWhereTheTimersThatFellDueFireAndTheCaseCloses() throws Exception {
		String closing;
		String waiting;
		String closingCase;
		Instant followUpDue;
		try (ConfigurableApplicationContext live = application(LIVE)) {
			TestRestTemplate rest = rest(live);
			JsonNode ramona = reception(rest, "Ramona");
			closing = ramona.get("id").asText();
			closingCase = ramona.get("businessKey").asText();
			submit(rest, onlyTask(rest, closing), Map.of("householdMembers", Map.of("type", "Json", "value", "[]")));
			submit(rest, onlyTask(rest, closing), listeningWithoutReferrals());
			Job timer = live.getBean(ManagementService.class).createJobQuery()
				.processInstanceId(closing)
				.activityId("timer_follow_up")
				.singleResult();
			assertThat(timer).as("the follow-up timer waits").isNotNull();
			followUpDue = timer.getDuedate().toInstant();
			assertThat(followUpDue).isAfter(Instant.now().plus(Duration.ofDays(29)));
			waiting = reception(rest, "Ezequiel").get("id").asText();

			// Online: pg_dump reads one consistent snapshot while the application works on.
			run("pg_dump", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-Fc", "-f",
					work.resolve("acolhida.dump").toString(), LIVE);
		}
		assertThat(Files.size(work.resolve("acolhida.dump"))).isPositive();

		sql("CREATE DATABASE " + RESTORED);
		run("pg_restore", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "--no-owner", "--exit-on-error",
				"-d", RESTORED, work.resolve("acolhida.dump").toString());

		// A month and a day later: the follow-up fell due while the backup waited.
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(MONTH_AND_A_DAY)));
		try (ConfigurableApplicationContext restored = application(RESTORED)) {
			TestRestTemplate rest = rest(restored);
			JdbcTemplate jdbc = restored.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(RESTORED);
			assertThat(jdbc.queryForObject("SELECT status FROM case_file WHERE case_number = ?", String.class,
					closingCase)).isEqualTo("OPEN");

			JsonNode interview = awaitTask(rest, closing, "task_follow_up_interview", Duration.ofSeconds(90));
			assertThat(onlyTask(rest, waiting).get("taskDefinitionKey").asText()).as("the other case waits where it was")
				.isEqualTo("task_register_household");
			submit(rest, interview, Map.of("followUpDecision", Map.of("value", "CLOSE")));

			assertThat(restored.getBean(HistoryService.class)
				.createHistoricProcessInstanceQuery()
				.processInstanceId(closing)
				.singleResult()
				.getEndActivityId()).isEqualTo("end_case_closed");
			assertThat(jdbc.queryForObject("SELECT status FROM case_file WHERE case_number = ?", String.class,
					closingCase)).isEqualTo("CLOSED");
		}
		// The first database is untouched by what happened after the dump.
		try (Connection live = connection(LIVE); Statement statement = live.createStatement();
				var status = statement.executeQuery("SELECT status FROM case_file WHERE case_number = '" + closingCase + "'")) {
			assertThat(status.next()).isTrue();
			assertThat(status.getString(1)).isEqualTo("OPEN");
		}
	}

	// --- the application ---

	static ConfigurableApplicationContext application(String database) {
		return new SpringApplicationBuilder(AcolhidaApplication.class).profiles("postgres", "demo")
			.run("--spring.datasource.url=" + jdbcUrl(database), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.port=0", "--acolhida.data-dir=" + work.resolve("data-" + database),
					// the job executor looks for due jobs every two seconds at most, not every minute
					"--camunda.bpm.job-execution.max-wait=2000");
	}

	static TestRestTemplate rest(ConfigurableApplicationContext application) {
		int appPort = ((WebServerApplicationContext) application).getWebServer().getPort();
		return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + appPort)).withBasicAuth("ana",
				"demo");
	}

	static ResponseEntity<JsonNode> call(TestRestTemplate rest, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** A reception started by ana from the start form: the new process instance, with the case number as business key. */
	static JsonNode reception(TestRestTemplate rest, String givenName) {
		Map<String, Object> form = new LinkedHashMap<>();
		Object[] fields = { "givenName", givenName, "familyName", "Backup", "birthDate", "1984-06-30", "nationality",
				"Venezuela", "languages", "es", "district", "Éden", "interpreterNeeded", false, "documentType", "PASSPORT",
				"documentNumber", "VE-" + givenName.hashCode() };
		for (int i = 0; i < fields.length; i += 2) {
			form.put((String) fields[i], Map.of("value", fields[i + 1]));
		}
		ResponseEntity<JsonNode> started = call(rest, HttpMethod.POST, "/engine-rest/process-definition/key/reception/submit-form",
				Map.of("variables", form));
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		return started.getBody();
	}

	static JsonNode onlyTask(TestRestTemplate rest, String instanceId) {
		JsonNode list = call(rest, HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceId=" + instanceId, null)
			.getBody();
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	static JsonNode awaitTask(TestRestTemplate rest, String instanceId, String key, Duration atMost)
			throws InterruptedException {
		Instant until = Instant.now().plus(atMost);
		while (Instant.now().isBefore(until)) {
			JsonNode list = call(rest, HttpMethod.GET,
					"/engine-rest/task?maxResults=50&processInstanceId=" + instanceId + "&taskDefinitionKey=" + key, null)
				.getBody();
			if (list.size() == 1) {
				return list.get(0);
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No task " + key + " within " + atMost + ": the job executor did not fire the timer");
	}

	static void submit(TestRestTemplate rest, JsonNode task, Map<String, Object> variables) {
		ResponseEntity<JsonNode> done = call(rest, HttpMethod.POST, "/engine-rest/task/" + task.get("id").asText()
				+ "/submit-form", Map.of("variables", variables));
		assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	static Map<String, Object> listeningWithoutReferrals() {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid", "needsHealth",
				"sleepingRoughTonight", "childrenInHousehold", "protectionConcern", "consentToShare")) {
			answers.put(flag, Map.of("value", false));
		}
		return answers;
	}

	// --- PostgreSQL's programs and the throwaway cluster ---

	/** The newest bin directory that has every program this test runs. */
	static Optional<Path> postgresPrograms() throws IOException {
		List<Path> candidates = new ArrayList<>();
		String own = System.getenv("PG_BIN");
		if (own != null && !own.isBlank()) {
			candidates.add(Path.of(own));
		}
		Path installed = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(installed)) {
			try (Stream<Path> versions = Files.list(installed)) {
				versions.map(v -> v.resolve("bin"))
					.sorted(Comparator.comparing((Path p) -> majorOf(p)).reversed())
					.forEach(candidates::add);
			}
		}
		return candidates.stream()
			.filter(dir -> Stream.of("initdb", "pg_ctl", "pg_dump", "pg_restore")
				.allMatch(program -> Files.isExecutable(dir.resolve(program))))
			.findFirst();
	}

	private static int majorOf(Path binDir) {
		try {
			return Integer.parseInt(binDir.getParent().getFileName().toString());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	static void run(String program, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(runAs);
		command.add(bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		Path log = work.resolve(program + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished in time", program).isTrue();
		assertThat(process.exitValue()).as("%s exit code (output in %s): %s", program, log, Files.readString(log))
			.isZero();
	}

	static String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	static Connection connection(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
	}

	static void sql(String statement) throws SQLException {
		try (Connection connection = connection("postgres"); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> all = Files.walk(root)) {
			for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
