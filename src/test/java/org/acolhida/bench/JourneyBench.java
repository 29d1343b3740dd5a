package org.acolhida.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.acolhida.bench.BenchReport.Figure;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full journey (issue 9, items 1, 2 and 6): reception → documentation issued → housing placed →
 * learner enrolled → case closed, driven by {@link Journeys} on our engine and, in the same run, on
 * a bare engine ({@link BareEngine}) with the same diagrams and every bean of ours replaced by the
 * no-op {@link Replay}. Rounds alternate between the two. Reports journeys per second, latency
 * percentiles, SQL statements per journey (exact: counted with datasource-proxy on the bench's
 * thread), the time spent in JDBC calls and outside them, the statements of ours the bare engine
 * does not send ({@code target/bench/journey-statements.md}), and the history each journey leaves. Sizes: {@code -Dbench.journeys.warmup}, {@code -Dbench.journeys.rounds},
 * {@code -Dbench.journeys.perRound}. Fails only if a journey cannot reach its end.
 * <p>
 * Its own application context (the statement counter wraps the DataSource) on a fresh database of
 * its own ({@value #OURS_DATABASE}, next to the bare engine's, so that both start empty and other
 * benchmarks' data does not weigh on one side only), with the job executor off; the job executors of
 * other contexts in this JVM are paused meanwhile, because the engine clock that the journeys move is
 * JVM-wide. Every shelter and class of that database gets a million more places, so that every
 * journey finds a bed and a seat.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { "camunda.bpm.process-engine-name=journeybench",
		"camunda.bpm.job-execution.enabled=false" })
class JourneyBench {

	static final int WARM_UP = Integer.getInteger("bench.journeys.warmup", 15);

	static final int ROUNDS = Integer.getInteger("bench.journeys.rounds", 5);

	static final int PER_ROUND = Integer.getInteger("bench.journeys.perRound", 20);

	static final StatementCounter OURS = new StatementCounter();

	static final StatementCounter BARE = new StatementCounter();

	static final String NAME = "full journey";

	/** Our engine's own database, fresh like the bare engine's: other benchmarks' data stays out. */
	static final String OURS_DATABASE = "journey_ours";

	private static String oursDatabaseUrl;

	/** Created once: the property is read more than once, and each read must find the same database. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> {
			synchronized (JourneyBench.class) {
				if (oursDatabaseUrl == null) {
					oursDatabaseUrl = BareEngine.createDatabase(TestDatabase.url(), TestDatabase.user(),
							TestDatabase.password(), OURS_DATABASE);
				}
				return oursDatabaseUrl;
			}
		});
	}

	@TestConfiguration
	static class CountStatements {

		@Bean
		static BeanPostProcessor countOurStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
							? OURS.wrap(dataSource, "ours") : bean;
				}
			};
		}

	}

	/** The journeys of one engine: latencies, statements and round trips of each measured journey. */
	static final class Side {

		final String name;

		final Journeys journeys;

		final StatementCounter counter;

		final double[] perSecond = new double[ROUNDS];

		final double[] p50 = new double[ROUNDS];

		final double[] p95 = new double[ROUNDS];

		final double[] p99 = new double[ROUNDS];

		final List<Long> statements = new ArrayList<>();

		final List<Long> roundTrips = new ArrayList<>();

		final List<Long> jdbcNanos = new ArrayList<>();

		final List<Long> journeyNanos = new ArrayList<>();

		/** JDBC time by shape, summed over every measured journey. */
		final Map<String, Long> shapeNanos = new HashMap<>();

		/** Statements by shape, summed over every measured journey. */
		final Map<String, Long> shapes = new HashMap<>();

		Side(String name, Journeys journeys, StatementCounter counter) {
			this.name = name;
			this.journeys = journeys;
			this.counter = counter;
		}

		void round(int round, int[] next) {
			long[] nanos = new long[PER_ROUND];
			long start = System.nanoTime();
			for (int i = 0; i < PER_ROUND; i++) {
				counter.start();
				long t = System.nanoTime();
				journeys.run(next[0]++);
				nanos[i] = System.nanoTime() - t;
				counter.stop();
				statements.add(counter.statements());
				roundTrips.add(counter.roundTrips());
				counter.byShape().forEach((shape, n) -> shapes.merge(shape, n, Long::sum));
				counter.nanosByShape().forEach((shape, n) -> shapeNanos.merge(shape, n, Long::sum));
				jdbcNanos.add(counter.nanos());
				journeyNanos.add(nanos[i]);
			}
			perSecond[round] = PER_ROUND / ((System.nanoTime() - start) / 1e9);
			p50[round] = BenchReport.percentile(nanos, 50) / 1e6;
			p95[round] = BenchReport.percentile(nanos, 95) / 1e6;
			p99[round] = BenchReport.percentile(nanos, 99) / 1e6;
		}

		double medianStatements() {
			return BenchReport.median(statements.stream().mapToDouble(Long::doubleValue).toArray());
		}

		double medianJdbcMillis() {
			return BenchReport.median(jdbcNanos.stream().mapToDouble(n -> n / 1e6).toArray());
		}

		double medianOutsideJdbcMillis() {
			double[] outside = new double[journeyNanos.size()];
			for (int i = 0; i < outside.length; i++) {
				outside[i] = (journeyNanos.get(i) - jdbcNanos.get(i)) / 1e6;
			}
			return BenchReport.median(outside);
		}

		double medianRoundTrips() {
			return BenchReport.median(roundTrips.stream().mapToDouble(Long::doubleValue).toArray());
		}

		long spread() {
			return statements.stream().mapToLong(Long::longValue).max().orElse(0)
					- statements.stream().mapToLong(Long::longValue).min().orElse(0);
		}

	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.datasource.url}")
	String oursUrl;

	@Test
	void measureFullJourneysAgainstTheBareEngine() throws Exception {
		List<JobExecutor> paused = pauseOtherJobExecutors();
		try {
			// room for every household of the run: the journey ends with a bed and a seat taken
			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(OURS_DATABASE);
			jdbc.update("UPDATE shelter_capacity SET total = total + 1000000");
			jdbc.update("UPDATE class_seats SET seats = seats + 1000000");
			int[] next = { (int) (System.currentTimeMillis() / 1000 % 100_000) * 1000 };
			Journeys ours = new Journeys(engine);
			Journeys.Journey recorded = ours.run(next[0]++);
			Replay replay = Replay.record(engine.getHistoryService(), recorded.caseNumber());
			System.out.println("journey bench: replaying " + replay.summary());

			try (BareEngine bare = BareEngine.start(oursUrl, TestDatabase.user(), TestDatabase.password(), replay,
					BARE)) {
				Side oursSide = new Side("ours", ours, OURS);
				Side bareSide = new Side("bare engine", new Journeys(bare.engine), BARE);
				for (int i = 0; i < WARM_UP; i++) {
					oursSide.journeys.run(next[0]++);
					bareSide.journeys.run(next[0]++);
				}
				Map<String, Long> oursBefore = sizes(oursUrl);
				Map<String, Long> bareBefore = sizes(bare.url);
				for (int round = 0; round < ROUNDS; round++) {
					Side first = round % 2 == 0 ? oursSide : bareSide;
					Side second = first == oursSide ? bareSide : oursSide;
					first.round(round, next);
					second.round(round, next);
				}
				Map<String, Long> oursAfter = sizes(oursUrl);
				Map<String, Long> bareAfter = sizes(bare.url);
				System.out.println("journey bench: sizes ours " + oursBefore + " → " + oursAfter + ", bare " + bareBefore
						+ " → " + bareAfter);

				assertThat(oursSide.statements).hasSize(ROUNDS * PER_ROUND);
				report(oursSide, bareSide, oursBefore, oursAfter, bareBefore, bareAfter);
			}
		}
		finally {
			ClockUtil.reset();
			paused.forEach(JobExecutor::start);
		}
	}

	void report(Side ours, Side bare, Map<String, Long> oursBefore, Map<String, Long> oursAfter,
			Map<String, Long> bareBefore, Map<String, Long> bareAfter) {
		String rounds = "median of " + ROUNDS + " rounds of " + PER_ROUND;
		List<Figure> figures = new ArrayList<>();
		for (Side side : List.of(ours, bare)) {
			String name = NAME + " (" + side.name + ")";
			figures.add(new Figure(name, "journeys per second, " + rounds, BenchReport.median(side.perSecond),
					"journeys/s", ""));
			figures.add(new Figure(name, "latency p50, " + rounds, BenchReport.median(side.p50), "ms", ""));
			figures.add(new Figure(name, "latency p95, " + rounds, BenchReport.median(side.p95), "ms", ""));
			figures.add(new Figure(name, "latency p99, " + rounds, BenchReport.median(side.p99), "ms", ""));
			figures.add(new Figure(name, "SQL statements per journey (median; max - min over "
					+ side.statements.size() + " journeys: " + side.spread() + ")", side.medianStatements(),
					"statements", ""));
			figures.add(new Figure(name, "JDBC round trips per journey (a batch is one)", side.medianRoundTrips(),
					"round trips", ""));
			figures.add(new Figure(name, "time in JDBC calls per journey (median)", side.medianJdbcMillis(), "ms", ""));
			figures.add(new Figure(name, "time outside JDBC calls per journey (median)", side.medianOutsideJdbcMillis(),
					"ms", ""));
		}
		double[] ratios = new double[ROUNDS];
		for (int r = 0; r < ROUNDS; r++) {
			ratios[r] = ours.perSecond[r] / bare.perSecond[r];
		}
		figures.add(new Figure(NAME, "throughput ours / bare (median of the rounds' ratios)",
				BenchReport.median(ratios), "×", "≥ 1.0"));
		figures.add(new Figure(NAME, "SQL statements per journey ours / bare",
				ours.medianStatements() / bare.medianStatements(), "×", "≤ 1.0"));

		int journeys = ROUNDS * PER_ROUND;
		for (String group : List.of("ACT_HI_*", "ACT_GE_BYTEARRAY", "our tables")) {
			for (String what : List.of("", ROW_BYTES)) {
				String metric = "history size per closed journey: " + group
						+ (what.isEmpty() ? ", tables + indexes + TOAST after VACUUM FULL" : ", row data only");
				if (oursAfter.containsKey(group + what)) {
					figures.add(new Figure(NAME + " (ours)", metric,
							(double) (oursAfter.get(group + what) - oursBefore.get(group + what)) / journeys, "bytes", ""));
				}
				if (bareAfter.containsKey(group + what)) {
					figures.add(new Figure(NAME + " (bare engine)", metric,
							(double) (bareAfter.get(group + what) - bareBefore.get(group + what)) / journeys, "bytes", ""));
				}
			}
		}
		long oursTotal = total(oursAfter) - total(oursBefore);
		long bareTotal = total(bareAfter) - total(bareBefore);
		figures.add(new Figure(NAME, "history size per closed journey ours / bare (all groups, tables + indexes)",
				(double) oursTotal / bareTotal, "×", ""));
		BenchReport.write(figures);
		BenchReport.writeSection("journey-statements.md", breakdown(ours, bare) + history(journeys, oursBefore,
				oursAfter, bareBefore, bareAfter));
		System.out.println("journey bench: statements per journey, ours " + ours.statements + ", bare " + bare.statements);
		figures.forEach(f -> System.out.println("journey bench: " + f));
	}

	/**
	 * Our statements per table and per shape against the bare engine's, per journey (averaged over
	 * every measured journey), the largest surplus first; then every shape whose count differs.
	 */
	static String breakdown(Side ours, Side bare) {
		double oursJourneys = ours.statements.size();
		double bareJourneys = bare.statements.size();
		Map<String, double[]> shapes = new HashMap<>();
		Set<String> all = new HashSet<>(ours.shapes.keySet());
		all.addAll(bare.shapes.keySet());
		Map<String, double[]> tables = new HashMap<>();
		for (String shape : all) {
			double o = ours.shapes.getOrDefault(shape, 0L) / oursJourneys;
			double b = bare.shapes.getOrDefault(shape, 0L) / bareJourneys;
			shapes.put(shape, new double[] { o, b });
			double[] t = tables.computeIfAbsent(table(shape), k -> new double[2]);
			t[0] += o;
			t[1] += b;
		}
		StringBuilder md = new StringBuilder("# Full journey: our SQL statements beyond the bare engine's\n\n")
			.append(BenchReport.machine()).append(" Per journey, averaged over ").append((long) oursJourneys)
			.append(" measured journeys each. Statements per journey: ours ").append(ours.medianStatements())
			.append(" (max - min ").append(ours.spread()).append("), bare ").append(bare.medianStatements())
			.append(" (max - min ").append(bare.spread()).append("). Distinct statement shapes: ours ")
			.append(ours.shapes.size()).append(", bare ").append(bare.shapes.size()).append(".\n\n## By table\n\n")
			.append("| table | ours | bare | extra |\n|---|---:|---:|---:|\n");
		tables.entrySet().stream().filter(e -> Math.abs(e.getValue()[0] - e.getValue()[1]) > 0.001)
			.sorted((a, b) -> Double.compare(b.getValue()[0] - b.getValue()[1], a.getValue()[0] - a.getValue()[1]))
			.forEach(e -> md.append(row(e.getKey(), e.getValue())));
		md.append("\n## Top 10 statement shapes by surplus\n\n| statement | ours | bare | extra |\n|---|---:|---:|---:|\n");
		List<Map.Entry<String, double[]>> differing = shapes.entrySet().stream()
			.filter(e -> Math.abs(e.getValue()[0] - e.getValue()[1]) > 0.001)
			.sorted((a, b) -> Double.compare(b.getValue()[0] - b.getValue()[1], a.getValue()[0] - a.getValue()[1]))
			.toList();
		differing.stream().limit(10).forEach(e -> md.append(row("`" + abbreviate(e.getKey()) + "`", e.getValue())));
		md.append("\n## Top 10 statement shapes by extra JDBC time\n\nMilliseconds per journey (from the call until"
				+ " its result came back). JDBC time per journey, median: ours "
				+ String.format(Locale.ROOT, "%.1f", ours.medianJdbcMillis()) + " ms, bare "
				+ String.format(Locale.ROOT, "%.1f", bare.medianJdbcMillis()) + " ms; outside JDBC: ours "
				+ String.format(Locale.ROOT, "%.1f", ours.medianOutsideJdbcMillis()) + " ms, bare "
				+ String.format(Locale.ROOT, "%.1f", bare.medianOutsideJdbcMillis())
				+ " ms.\n\n| statement | ours | bare | extra |\n|---|---:|---:|---:|\n");
		Set<String> timed = new HashSet<>(ours.shapeNanos.keySet());
		timed.addAll(bare.shapeNanos.keySet());
		timed.stream().map(shape -> Map.entry(shape, new double[] {
				ours.shapeNanos.getOrDefault(shape, 0L) / 1e6 / oursJourneys,
				bare.shapeNanos.getOrDefault(shape, 0L) / 1e6 / bareJourneys }))
			.sorted((a, b) -> Double.compare(b.getValue()[0] - b.getValue()[1], a.getValue()[0] - a.getValue()[1]))
			.limit(10).forEach(e -> md.append(row("`" + abbreviate(e.getKey()) + "`", e.getValue())));
		md.append("\n## Every shape whose count differs\n\n| statement | ours | bare | extra |\n|---|---:|---:|---:|\n");
		differing.forEach(e -> md.append(row("`" + e.getKey() + "`", e.getValue())));
		return md.toString();
	}

	/** Bytes per closed journey of each table that grew, ours and bare (tables + indexes + TOAST). */
	static String history(int journeys, Map<String, Long> oursBefore, Map<String, Long> oursAfter,
			Map<String, Long> bareBefore, Map<String, Long> bareAfter) {
		Map<String, double[]> tables = new HashMap<>();
		oursAfter.forEach((key, after) -> {
			if (key.startsWith(TABLE_PREFIX)) {
				tables.computeIfAbsent(key.substring(TABLE_PREFIX.length()), k -> new double[2])[0] = (double) (after
						- oursBefore.getOrDefault(key, 0L)) / journeys;
			}
		});
		bareAfter.forEach((key, after) -> {
			if (key.startsWith(TABLE_PREFIX)) {
				tables.computeIfAbsent(key.substring(TABLE_PREFIX.length()), k -> new double[2])[1] = (double) (after
						- bareBefore.getOrDefault(key, 0L)) / journeys;
			}
		});
		StringBuilder md = new StringBuilder("\n## History size per closed journey, by table\n\nBytes (table,"
				+ " indexes, TOAST after VACUUM FULL) per journey over " + journeys + " journeys each.\n\n"
				+ "| table | ours | bare | extra |\n|---|---:|---:|---:|\n");
		tables.entrySet().stream().filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
			.sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
			.forEach(e -> md.append(row(e.getKey(), e.getValue())));
		return md.toString();
	}

	private static String row(String name, double[] counts) {
		return "| " + name.replace("|", "\\|") + " | " + String.format(Locale.ROOT, "%.2f", counts[0]) + " | "
				+ String.format(Locale.ROOT, "%.2f", counts[1]) + " | "
				+ String.format(Locale.ROOT, "%+.2f", counts[0] - counts[1]) + " |\n";
	}

	private static final Pattern TABLE = Pattern.compile(
			"(?i)^\\s*(?:select\\b.*?\\bfrom|insert\\s+into|update|delete\\s+from)\\s+([a-z_0-9.]+)");

	static String table(String shape) {
		Matcher m = TABLE.matcher(shape);
		if (m.find()) {
			return m.group(1).toLowerCase(Locale.ROOT);
		}
		return shape.split(" ")[0].toLowerCase(Locale.ROOT);
	}

	static String abbreviate(String shape) {
		return shape.length() <= 180 ? shape : shape.substring(0, 177) + "...";
	}

	static final String ROW_BYTES = " (rows only)";

	static final String TABLE_PREFIX = "table ";

	/**
	 * Bytes (table, indexes, TOAST) of the history tables, the byte array table and ours, each table
	 * rewritten compactly first (VACUUM FULL), so that the difference is the space the journeys'
	 * rows take, not dead row versions the engine's own updates (end times, removal times) leave.
	 */
	static Map<String, Long> sizes(String url) throws SQLException {
		Map<String, Long> sizes = new LinkedHashMap<>();
		try (Connection db = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
				Statement statement = db.createStatement()) {
			Map<String, String> groups = new LinkedHashMap<>();
			try (ResultSet tables = statement.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
					+ " ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema()")) {
				while (tables.next()) {
					String table = tables.getString(1).toLowerCase(Locale.ROOT);
					String group = table.startsWith("act_hi_") ? "ACT_HI_*"
							: table.equals("act_ge_bytearray") ? "ACT_GE_BYTEARRAY"
							: table.startsWith("act_") || table.equals("flyway_schema_history") ? null : "our tables";
					if (group != null) {
						groups.put(table, group);
					}
				}
			}
			for (Map.Entry<String, String> table : groups.entrySet()) {
				statement.execute("VACUUM FULL ANALYZE " + table.getKey());
				sizes.merge(table.getValue(), one(statement, "SELECT pg_total_relation_size('" + table.getKey()
						+ "')"), Long::sum);
				sizes.put(TABLE_PREFIX + table.getKey(), one(statement, "SELECT pg_total_relation_size('"
						+ table.getKey() + "')"));
				sizes.merge(table.getValue() + ROW_BYTES, one(statement, "SELECT COALESCE(SUM(pg_column_size(t.*)), 0)"
						+ " FROM " + table.getKey() + " t"), Long::sum);
			}
			for (String group : List.of("ACT_HI_*", "ACT_GE_BYTEARRAY")) {
				sizes.putIfAbsent(group, 0L);
				sizes.putIfAbsent(group + ROW_BYTES, 0L);
			}
		}
		return sizes;
	}

	private static long total(Map<String, Long> sizes) {
		return sizes.entrySet().stream().filter(e -> !e.getKey().endsWith(ROW_BYTES))
			.filter(e -> !e.getKey().startsWith(TABLE_PREFIX)).mapToLong(Map.Entry::getValue).sum();
	}

	private static long one(Statement statement, String sql) throws SQLException {
		try (ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	/** The engine clock is JVM-wide: no other context's job executor may fire timers meanwhile. */
	List<JobExecutor> pauseOtherJobExecutors() {
		List<JobExecutor> paused = new ArrayList<>();
		for (ProcessEngine other : ProcessEngines.getProcessEngines().values()) {
			JobExecutor executor = ((ProcessEngineConfigurationImpl) other.getProcessEngineConfiguration())
				.getJobExecutor();
			if (executor != null && executor.isActive()) {
				executor.shutdown();
				paused.add(executor);
			}
		}
		return paused;
	}

}
