package org.acolhida.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application as a JVM of its own, for tests that must kill it, restart it or run two of it, and
 * for measuring its start-up and memory: {@code java <options> -jar target/acolhida-*.jar} (or a main
 * class on a given class path) on 127.0.0.1, with the environment an operator would give it.
 * <p>
 * A {@link Launcher} holds the settings and may start the application several times (after a kill,
 * on the same database); each start logs to a file of its own under {@code target/app-processes/}.
 */
public final class AppProcess implements AutoCloseable {

	private static final Path LOGS = Paths.get("target", "app-processes");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private final long launchedAt;

	private Duration startup;

	private AppProcess(Process process, int port, Path log, long launchedAt) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.launchedAt = launchedAt;
	}

	/** Settings for starting the packaged application: profiles {@code postgres,demo}, admin password {@code demo}. */
	public static Launcher launcher(String name) {
		return new Launcher(name);
	}

	/** A port nobody listens on right now, on the loopback interface. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public int port() {
		return port;
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** From launching the JVM to the first health UP, once {@link #awaitHealthUp} saw it. */
	public Duration startup() {
		return startup;
	}

	/**
	 * Waits until {@code /actuator/health} says UP, at most {@code timeout}; fails at once if the JVM
	 * exits, pointing at its log.
	 */
	public AppProcess awaitHealthUp(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application exited with " + process.exitValue() + " before it was UP; see "
						+ log.toAbsolutePath());
			}
			if (healthUp()) {
				if (startup == null) {
					startup = Duration.ofNanos(System.nanoTime() - launchedAt);
				}
				return this;
			}
			sleep(250);
		}
		throw new IllegalStateException("The application was not UP after " + timeout + "; see " + log.toAbsolutePath());
	}

	/** Whether {@code /actuator/health} answers UP now (the database included). */
	public boolean healthUp() {
		try {
			HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
				.timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && "UP".equals(JSON.readTree(health.body()).path("status").asText());
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Resident memory of the JVM now, in KiB ({@code VmRSS} of {@code /proc/<pid>/status}; Linux only). */
	public long rssKiB() {
		try (Stream<String> lines = Files.lines(Paths.get("/proc", Long.toString(pid()), "status"))) {
			return lines.filter(line -> line.startsWith("VmRSS:"))
				.map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no VmRSS for " + pid()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * {@code kill -9}: on Linux {@link Process#destroyForcibly()} sends SIGKILL, so the application gets
	 * no chance to finish anything. Returns the exit status, 137 (128 + 9) when SIGKILL ended it.
	 */
	public int kill() {
		process.destroyForcibly();
		return waitForExit(Duration.ofSeconds(30));
	}

	/** A graceful stop (SIGTERM; Spring closes the context); a kill after {@code timeout}. */
	public int stop(Duration timeout) {
		process.destroy();
		try {
			if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return process.exitValue();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return kill();
	}

	private int waitForExit(Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("process " + pid() + " still alive after " + timeout);
			}
			return process.exitValue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Stops the application if it still runs (gracefully, killed after 30 s). */
	@Override
	public void close() {
		if (process.isAlive()) {
			stop(Duration.ofSeconds(30));
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * How to start the application. Environment variables are the operator's settings (see
	 * application.yaml); {@link #property} adds a Spring property as a command-line argument, for
	 * settings without a variable.
	 */
	public static final class Launcher {

		private final String name;

		private final AtomicInteger starts = new AtomicInteger();

		private final List<String> jvmOptions = new ArrayList<>();

		private final Map<String, String> env = new LinkedHashMap<>();

		private final Map<String, String> properties = new LinkedHashMap<>();

		private Path jar;

		private String mainClass;

		private String classPath;

		private int port;

		private Path directory;

		private Launcher(String name) {
			this.name = name;
			env.put("SPRING_PROFILES_ACTIVE", "postgres,demo");
			env.put("ADMIN_PASSWORD", "demo");
			env.put("SERVER_ADDRESS", "127.0.0.1");
		}

		/** The packaged jar; by default the {@code target/acolhida-*.jar} that {@code package} built. */
		public Launcher jar(Path jar) {
			this.jar = jar;
			this.mainClass = null;
			return this;
		}

		/** Instead of a jar: a main class on a class path (e.g. this JVM's). */
		public Launcher mainClass(String mainClass, String classPath) {
			this.mainClass = mainClass;
			this.classPath = classPath;
			this.jar = null;
			return this;
		}

		/** JVM options such as {@code -Xmx512m}. Without any, {@code -Xmx512m} is used. */
		public Launcher jvmOptions(String... options) {
			jvmOptions.addAll(List.of(options));
			return this;
		}

		public Launcher env(String variable, String value) {
			env.put(variable, value);
			return this;
		}

		/** The database, as {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}. */
		public Launcher database(String url, String user, String password) {
			return env("DB_URL", url).env("DB_USER", user).env("DB_PASSWORD", password);
		}

		/** A Spring property as a {@code --name=value} argument. */
		public Launcher property(String name, String value) {
			properties.put(name, value);
			return this;
		}

		/**
		 * The working directory of the JVM; by default this one's. A main class run on a class path
		 * needs one of its own: some jar on the path names "." in its manifest, and the application
		 * would deploy the {@code processes/} folder of the project a second time.
		 */
		public Launcher workingDirectory(Path directory) {
			this.directory = directory;
			return this;
		}

		/** The port to listen on; by default one picked at the first start and kept for restarts. */
		public Launcher port(int port) {
			this.port = port;
			return this;
		}

		/** Launches a JVM and returns at once; see {@link AppProcess#awaitHealthUp}. */
		public AppProcess launch() {
			if (port == 0) {
				port = freePort();
			}
			try {
				Files.createDirectories(LOGS);
				Path log = LOGS.resolve(name + "-" + starts.incrementAndGet() + ".log");
				Map<String, String> environment = new LinkedHashMap<>(env);
				environment.put("PORT", Integer.toString(port));
				if (!environment.containsKey("ACOLHIDA_DATA_DIR")) {
					environment.put("ACOLHIDA_DATA_DIR", Files.createTempDirectory("acolhida-" + name).toString());
				}
				List<String> command = new ArrayList<>();
				command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
				command.addAll(jvmOptions.isEmpty() ? List.of("-Xmx512m") : jvmOptions);
				if (mainClass != null) {
					command.addAll(List.of("-cp", classPath, mainClass));
				}
				else {
					command.addAll(List.of("-jar", (jar == null ? packagedJar() : jar).toString()));
				}
				properties.forEach((property, value) -> command.add("--" + property + "=" + value));
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.to(log.toAbsolutePath().toFile()));
				if (directory != null) {
					builder.directory(directory.toFile());
				}
				builder.environment().putAll(environment);
				long launchedAt = System.nanoTime();
				Process process = builder.start();
				// not left running when the test JVM ends without closing it (a failure, a timeout)
				Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
				return new AppProcess(process, port, log, launchedAt);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/** Launches and waits for health UP (at most {@code timeout}). */
		public AppProcess start(Duration timeout) {
			AppProcess app = launch();
			try {
				return app.awaitHealthUp(timeout);
			}
			catch (RuntimeException e) {
				app.kill();
				throw e;
			}
		}

		public static Path packagedJar() {
			try (Stream<Path> files = Files.list(Paths.get("target"))) {
				return files.filter(file -> file.getFileName().toString().matches("acolhida-.*\\.jar"))
					.filter(file -> !file.getFileName().toString().endsWith("-plain.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("No target/acolhida-*.jar: run ./mvnw package first"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

	}

}
