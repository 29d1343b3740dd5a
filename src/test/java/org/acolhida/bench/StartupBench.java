package org.acolhida.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.acolhida.bench.BenchReport.Figure;
import org.acolhida.support.AppProcess;
import org.acolhida.support.RestartablePostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up and memory (issue 9, item 5): the packaged jar with {@code -Xmx512m} on a PostgreSQL of its
 * own, from launching the JVM to {@code /actuator/health} UP — the first start on an empty database
 * (the engine's and our schema, the demo network) and then restarts on it, each a new JVM — with the
 * resident memory at UP; then the application's resident memory after it ran whole journeys
 * ({@link JourneyRun}, the same application with the benchmark classes on its class path).
 */
class StartupBench {

	static final int RESTARTS = Integer.getInteger("bench.startup.restarts", 5);

	static final int JOURNEYS = Integer.getInteger("bench.startup.journeys", 200);

	static final Duration START_LIMIT = Duration.ofMinutes(3);

	static final String HEAP = "-Xmx512m";

	@Test
	void measureStartUpAndMemory() throws Exception {
		List<Figure> figures = new ArrayList<>();
		try (RestartablePostgres database = RestartablePostgres.start()) {
			AppProcess.Launcher jar = AppProcess.launcher("startup").jvmOptions(HEAP)
				.database(database.url(), database.user(), database.password());

			double[] first = startAndStop(jar);
			figures.add(new Figure("start-up (-Xmx512m, jar)", "first start, empty database: to health UP", first[0],
					"s", ""));
			figures.add(new Figure("start-up (-Xmx512m, jar)", "first start: RSS at health UP", first[1], "MiB", ""));

			double[] seconds = new double[RESTARTS];
			double[] rss = new double[RESTARTS];
			for (int i = 0; i < RESTARTS; i++) {
				double[] run = startAndStop(jar);
				seconds[i] = run[0];
				rss[i] = run[1];
			}
			String restarts = "restart (new JVM), median of " + RESTARTS;
			figures.add(new Figure("start-up (-Xmx512m, jar)", restarts + ": to health UP", BenchReport.median(seconds),
					"s", ""));
			figures.add(new Figure("start-up (-Xmx512m, jar)", restarts + ": RSS at health UP", BenchReport.median(rss),
					"MiB", ""));

			classDataSharing(database, figures);

			if (JOURNEYS == 0) { // -Dbench.startup.journeys=0: start-up only
				BenchReport.write(figures);
				return;
			}
			Path directory = Files.createTempDirectory("journey-run");
			Path done = directory.resolve("done");
			AppProcess.Launcher journeys = AppProcess.launcher("journey-run").jvmOptions(HEAP)
				.database(database.url(), database.user(), database.password())
				.mainClass(JourneyRun.class.getName(), System.getProperty("java.class.path"))
				.workingDirectory(directory)
				.property("bench.journeys", Integer.toString(JOURNEYS))
				.property("bench.done-file", done.toString());
			try (AppProcess app = journeys.launch()) {
				awaitFile(app, done, Duration.ofMinutes(20));
				app.awaitHealthUp(START_LIMIT);
				figures.add(new Figure("memory (-Xmx512m)", "RSS after " + JOURNEYS + " journeys in the application",
						app.rssKiB() / 1024.0, "MiB", ""));
			}
		}
		BenchReport.write(figures);
	}

	/**
	 * The restart as the Dockerfile runs it: the jar extracted by Spring Boot's tools and started with a
	 * class-data-sharing archive written by a training run, so that the JVM maps the classes it loaded
	 * then instead of reading and verifying them again. Restarts of the extracted jar with and without
	 * the archive alternate, so that both meet the same load and their ratio means something on a busy
	 * machine; the protocols' start-up checks run in both.
	 */
	static void classDataSharing(RestartablePostgres database, List<Figure> figures) throws Exception {
		Path directory = Files.createTempDirectory("startup-cds");
		Path extracted = directory.resolve("application");
		Path archive = directory.resolve("application.jsa");
		run(List.of(java(), "-Djarmode=tools", "-jar", AppProcess.Launcher.packagedJar().toAbsolutePath().toString(),
				"extract", "--destination", extracted.toString()), directory);
		Path jar;
		try (var files = Files.list(extracted)) {
			jar = files.filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
		}
		AppProcess.Launcher training = AppProcess.launcher("startup-cds-training").jar(jar)
			.jvmOptions(HEAP, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh")
			.database(database.url(), database.user(), database.password());
		try (AppProcess app = training.launch()) {
			long deadline = System.nanoTime() + START_LIMIT.toNanos();
			while (app.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(app.isAlive()).as("the training run ended by itself; see " + app.log()).isFalse();
		}
		assertThat(archive).as("the class-data-sharing archive").exists();

		AppProcess.Launcher plain = AppProcess.launcher("startup-extracted").jar(jar).jvmOptions(HEAP)
			.database(database.url(), database.user(), database.password());
		AppProcess.Launcher shared = AppProcess.launcher("startup-cds").jar(jar)
			.jvmOptions(HEAP, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto")
			.database(database.url(), database.user(), database.password());
		double[] plainSeconds = new double[RESTARTS];
		double[] sharedSeconds = new double[RESTARTS];
		double[] sharedRss = new double[RESTARTS];
		double[] ratios = new double[RESTARTS];
		for (int i = 0; i < RESTARTS; i++) {
			plainSeconds[i] = startAndStop(plain)[0];
			double[] run = startAndStop(shared);
			sharedSeconds[i] = run[0];
			sharedRss[i] = run[1];
			ratios[i] = sharedSeconds[i] / plainSeconds[i];
		}
		String restarts = "restart (new JVM), median of " + RESTARTS;
		figures.add(new Figure("start-up (-Xmx512m, extracted jar)", restarts + ": to health UP",
				BenchReport.median(plainSeconds), "s", ""));
		figures.add(new Figure("start-up (-Xmx512m, extracted jar + CDS archive)", restarts + ": to health UP",
				BenchReport.median(sharedSeconds), "s", "≤ 6 s"));
		figures.add(new Figure("start-up (-Xmx512m, extracted jar + CDS archive)", restarts + ": RSS at health UP",
				BenchReport.median(sharedRss), "MiB", ""));
		figures.add(new Figure("start-up (-Xmx512m)", "restart with CDS / without, median of the pairs' ratios",
				BenchReport.median(ratios), "×", ""));
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static void run(List<String> command, Path directory) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
			.redirectOutput(directory.resolve("extract.log").toFile()).start();
		assertThat(process.waitFor()).as(String.join(" ", command) + "; see " + directory.resolve("extract.log"))
			.isZero();
	}

	/** Seconds from launch to health UP, and MiB resident then. */
	static double[] startAndStop(AppProcess.Launcher launcher) {
		try (AppProcess app = launcher.start(START_LIMIT)) {
			return new double[] { app.startup().toMillis() / 1000.0, app.rssKiB() / 1024.0 };
		}
	}

	static void awaitFile(AppProcess app, Path file, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!Files.exists(file)) {
			assertThat(app.isAlive()).as("the journey run is alive; see " + app.log()).isTrue();
			assertThat(System.nanoTime()).as("journeys done within " + timeout + "; see " + app.log())
				.isLessThan(deadline);
			Thread.sleep(500);
		}
	}

}
