package org.acolhida.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.acolhida.reception.ReceptionProcess;
import org.acolhida.support.RestartablePostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the fault tests read straight from the database, behind the application's back: case files,
 * reception instances, follow-up timers, the job log and incidents. A new connection per query, so
 * that it works again as soon as the database is back after a restart.
 */
final class Ledger {

	/** The job log's state of a job that ran to its end (HistoricJobLog: 0 created, 1 failed, 2 successful). */
	static final int SUCCESSFUL = 2;

	static final int FAILED = 1;

	final JdbcTemplate jdbc;

	Ledger(RestartablePostgres postgres) {
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password()));
	}

	int count(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Integer.class, arguments);
	}

	List<String> strings(String sql, Object... arguments) {
		return jdbc.queryForList(sql, String.class, arguments);
	}

	/** Case numbers held by more than one case file. */
	List<String> duplicatedCaseNumbers() {
		return strings("SELECT case_number FROM case_file GROUP BY case_number HAVING COUNT(*) > 1");
	}

	/** Business keys of more than one reception instance (running or ended). */
	List<String> duplicatedReceptions() {
		return strings("SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = ? GROUP BY business_key_ "
				+ "HAVING COUNT(*) > 1", ReceptionProcess.KEY);
	}

	/** Case files without a reception instance of the same number: a half-written reception. */
	List<String> casesWithoutReception() {
		return strings("SELECT c.case_number FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p "
				+ "WHERE p.proc_def_key_ = ? AND p.business_key_ = c.case_number)", ReceptionProcess.KEY);
	}

	/** Reception instances without a case file (or without a case number at all). */
	List<String> receptionsWithoutCase() {
		return strings("SELECT p.id_ FROM act_hi_procinst p WHERE p.proc_def_key_ = ? AND NOT EXISTS "
				+ "(SELECT 1 FROM case_file c WHERE c.case_number = p.business_key_)", ReceptionProcess.KEY);
	}

	int caseFiles(String caseNumber) {
		return count("SELECT COUNT(*) FROM case_file WHERE case_number = ?", caseNumber);
	}

	int receptions(String caseNumber) {
		return count("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = ? AND business_key_ = ?",
				ReceptionProcess.KEY, caseNumber);
	}

	/** Follow-up timers of receptions still waiting to fire. */
	int waitingFollowUpTimers() {
		return count("SELECT COUNT(*) FROM act_ru_job WHERE process_def_key_ = ? AND handler_type_ = ?",
				ReceptionProcess.KEY, "timer-intermediate-transition");
	}

	/**
	 * Makes every waiting follow-up timer due now, as if the 30 days had passed; the engine's own
	 * clock is left alone. The due date is written through JDBC as the engine writes it.
	 */
	int makeFollowUpTimersDue() {
		return jdbc.update("UPDATE act_ru_job SET duedate_ = ? WHERE process_def_key_ = ? AND handler_type_ = ? "
				+ "AND retries_ > 0 AND duedate_ > ?", Timestamp.from(Instant.now().minusSeconds(1)), ReceptionProcess.KEY,
				"timer-intermediate-transition", Timestamp.from(Instant.now()));
	}

	/** Open follow-up interview tasks of the case (one when its timer fired once). */
	int followUpInterviews(String caseNumber) {
		return count("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
				+ "WHERE t.task_def_key_ = ? AND e.business_key_ = ?", ReceptionProcess.Elements.FOLLOW_UP_INTERVIEW,
				caseNumber);
	}

	int incidents() {
		return count("SELECT COUNT(*) FROM act_ru_incident");
	}

	/** Failed runs of jobs in the job log: each one was retried (or became an incident). */
	int failedJobRuns() {
		return count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = ?", FAILED);
	}

	/** Waits until {@code condition} holds, polling twice a second; fails after {@code timeout}. */
	static void await(Duration timeout, String what, BooleanSupplier condition) {
		await(timeout, 500, what, condition);
	}

	/** As {@link #await}, polling every 20 ms. */
	static void awaitQuickly(Duration timeout, String what, BooleanSupplier condition) {
		await(timeout, 20, what, condition);
	}

	private static void await(Duration timeout, long pause, String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException e) {
				// the database or the application may still be coming back
			}
			sleep(pause);
		}
		throw new AssertionError("Not within " + timeout + ": " + what);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A figure for the report: printed and appended to {@code target/faults/figures.md}. */
	static void figure(String test, String metric, Object value) {
		String line = "| " + test + " | " + metric + " | " + value + " |";
		System.out.println("[faults] " + line);
		Path file = Paths.get("target", "faults", "figures.md");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
