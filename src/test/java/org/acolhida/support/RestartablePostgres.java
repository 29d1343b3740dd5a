package org.acolhida.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of a test's own that it may stop and start again on the same data and port, as an
 * operator restarts the database under a running application. Not {@link TestDatabase}'s server,
 * which the other integration tests share.
 */
public final class RestartablePostgres implements AutoCloseable {

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres server;

	private RestartablePostgres(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	/** A new, empty server in a temporary directory, on a free loopback port. */
	public static RestartablePostgres start() {
		try {
			// a parent of its own: the server looks for stale data directories next to its own
			RestartablePostgres postgres = new RestartablePostgres(
					Files.createTempDirectory("acolhida-pg").resolve("data"), AppProcess.freePort());
			postgres.startAgain();
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	public String user() {
		return "postgres";
	}

	public String password() {
		return "postgres";
	}

	public int port() {
		return port;
	}

	public boolean isRunning() {
		return server != null && postmaster().map(ProcessHandle::isAlive).orElse(false);
	}

	/** The server's main process, from the first line of {@code postmaster.pid} (zonky's own process is pg_ctl). */
	private Optional<ProcessHandle> postmaster() {
		try {
			Path pidFile = dataDirectory.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	/** Starts the server on the data it had (a crash recovery after {@link #stopImmediately}). */
	public synchronized void startAgain() {
		if (isRunning()) {
			throw new IllegalStateException("already running");
		}
		try {
			server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				// zonky turns it off for speed; an immediate stop would then lose commits already acknowledged
				.setServerConfig("synchronous_commit", "on")
				.setRegisterShutdownHook(true)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start PostgreSQL in " + dataDirectory, e);
		}
	}

	/**
	 * {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, which ends every backend at once
	 * without a checkpoint; open connections break and the next start recovers from the WAL.
	 */
	public synchronized void stopImmediately() {
		ProcessHandle postmaster = postmaster().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
		try {
			int status = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (postmaster.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			if (status != 0 || postmaster.isAlive()) {
				throw new IllegalStateException("PostgreSQL " + postmaster.pid() + " did not stop");
			}
			// releases the data directory's lock; its own pg_ctl stop finds no server and says so
			server.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Stops the server and deletes its data. */
	@Override
	public synchronized void close() {
		try {
			if (isRunning()) {
				server.close();
			}
			try (Stream<Path> files = Files.walk(dataDirectory.getParent())) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
