package org.acolhida.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.support.AppProcess;
import org.acolhida.support.RestartablePostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, "database restarted": PostgreSQL stops at once ({@code pg_ctl stop -m immediate}) and
 * starts again while the application takes receptions and its job executor fires follow-up timers.
 * The application recovers by itself (health UP, requests succeed, same JVM), jobs that failed are
 * retried by the configured {@code failedJobRetryTimeCycle} ({@code JOB_RETRY_CYCLE}, here R5/PT5S),
 * every acknowledged reception is there once and reaches its follow-up, no incident is left.
 * Sizes: {@code -Dfaults.dbrestart.workers=4}, {@code -Dfaults.dbrestart.before=20} (acknowledged
 * receptions before the stop), {@code -Dfaults.dbrestart.outageSeconds=5}.
 */
class DatabaseRestartIT {

	static final int WORKERS = Integer.getInteger("faults.dbrestart.workers", 4);

	static final int BEFORE = Integer.getInteger("faults.dbrestart.before", 20);

	static final int OUTAGE_SECONDS = Integer.getInteger("faults.dbrestart.outageSeconds", 5);

	static final int BURST = Integer.getInteger("faults.dbrestart.burst", 15);

	@Test
	void shouldRecoverByItselfAndLoseNothingWhenTheDatabaseRestarts() throws IOException {
		long began = System.nanoTime();
		try (RestartablePostgres postgres = RestartablePostgres.start()) {
			Ledger ledger = new Ledger(postgres);
			AppProcess.Launcher launcher = AppProcess.launcher("db-restart")
				.database(postgres.url(), postgres.user(), postgres.password())
				.env("JOB_RETRY_CYCLE", "R5/PT5S")
				// a job whose node lost the database cannot even record its failure: it is tried again
				// when its lock expires (5 minutes by default; 20 s keeps the test short)
				.property("camunda.bpm.job-execution.lock-time-in-millis", "20000")
				.property("camunda.bpm.job-execution.max-wait", "2000");
			try (AppProcess app = launcher.start(Duration.ofMinutes(3))) {
				long pid = app.pid();
				Desk desk = new Desk(app.baseUrl());
				ReceptionLoad load = new ReceptionLoad(List.of(desk), WORKERS, Integer.MAX_VALUE, Duration.ofMinutes(5),
						"Restart").start();
				// the job executor's share of the load: follow-up timers made due as soon as they wait
				AtomicBoolean poking = new AtomicBoolean(true);
				AtomicBoolean holding = new AtomicBoolean();
				AtomicInteger madeDue = new AtomicInteger();
				Thread timers = new Thread(() -> {
					for (int round = 0; round < 600 && poking.get(); round++) {
						try {
							if (!holding.get()) {
								madeDue.addAndGet(ledger.makeFollowUpTimersDue());
							}
						}
						catch (RuntimeException e) {
							// the database is down: try again in a moment
						}
						Ledger.sleep(500);
					}
				}, "follow-up-timers");
				timers.setDaemon(true);
				timers.start();

				load.awaitAcknowledged(BEFORE, Duration.ofMinutes(3));
				Ledger.await(Duration.ofMinutes(1), "follow-up timers firing", () -> ledger
					.count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = ?", Elements.FOLLOW_UP_INTERVIEW) > 0);
				// a burst of timers made due at once, and the database stops while the executor runs them
				holding.set(true);
				Ledger.await(Duration.ofMinutes(1), BURST + " timers waiting", () -> ledger.waitingFollowUpTimers() >= BURST);
				int burst = ledger.makeFollowUpTimersDue();
				madeDue.addAndGet(burst);
				awaitJobLocked(ledger);
				int acknowledgedBefore = load.acknowledged.size();
				postgres.stopImmediately();
				holding.set(false);
				Ledger.sleep(OUTAGE_SECONDS * 1000L / 2);
				boolean downSeen = !app.healthUp();
				Ledger.sleep(OUTAGE_SECONDS * 1000L / 2);
				int failedDuringOutage = load.failedCalls.get();
				postgres.startAgain();
				long back = System.nanoTime();
				Ledger.await(Duration.ofMinutes(2), "health UP again", app::healthUp);
				double healthUpAfter = (System.nanoTime() - back) / 1e9;
				int acknowledgedAtRestart = load.acknowledged.size();
				load.awaitAcknowledged(acknowledgedAtRestart + 10, Duration.ofMinutes(2));
				double requestsOkAfter = (System.nanoTime() - back) / 1e9;
				load.stop();
				poking.set(false);

				assertThat(app.isAlive()).isTrue();
				assertThat(app.pid()).isEqualTo(pid);
				Map<String, String> acknowledged = Map.copyOf(load.acknowledged);
				// the receptions whose next task got no answer go on to their follow-up timer now
				for (String instance : acknowledged.values()) {
					desk.workUntilFollowUp(instance);
				}
				Ledger.await(Duration.ofMinutes(3), "every follow-up timer fired", () -> {
					ledger.makeFollowUpTimersDue();
					return ledger.waitingFollowUpTimers() == 0;
				});

				assertThat(ledger.duplicatedCaseNumbers()).isEmpty();
				assertThat(ledger.duplicatedReceptions()).isEmpty();
				assertThat(ledger.casesWithoutReception()).isEmpty();
				assertThat(ledger.receptionsWithoutCase()).isEmpty();
				int lost = 0;
				for (String caseNumber : acknowledged.keySet()) {
					if (ledger.caseFiles(caseNumber) != 1 || ledger.receptions(caseNumber) != 1
							|| ledger.followUpInterviews(caseNumber) != 1) {
						lost++;
					}
				}
				assertThat(lost).as("acknowledged receptions missing, doubled or without their one follow-up").isZero();
				assertThat(ledger.incidents()).isZero();
				assertThat(desk.call(Desk.WORKER, "GET", "/api/cases/" + acknowledged.keySet().iterator().next(), null).ok())
					.isTrue();

				String test = "database restarted";
				Ledger.figure(test, "receptions acknowledged (before the stop / in all)",
						acknowledgedBefore + " / " + acknowledged.size());
				Ledger.figure(test, "outage (s); health DOWN seen during it", OUTAGE_SECONDS + "; " + downSeen);
				Ledger.figure(test, "calls failed (during the outage / in all)",
						failedDuringOutage + " / " + load.failedCalls.get() + " " + load.failures);
				Ledger.figure(test, "health UP after the database was back (s)", String.format("%.1f", healthUpAfter));
				Ledger.figure(test, "10 more receptions acknowledged after the database was back (s)",
						String.format("%.1f", requestsOkAfter));
				Ledger.figure(test, "follow-up timers made due (burst at the stop) / failed job runs retried",
						madeDue.get() + " (" + burst + ") / " + ledger.failedJobRuns());
				Ledger.figure(test, "lost / incidents", lost + " / " + ledger.incidents());
			}
		}
		Ledger.figure("database restarted", "test wall time (s)", (System.nanoTime() - began) / 1_000_000_000L);
	}

	/** Waits (briefly) until the job executor has acquired one of the reception's jobs. */
	private static void awaitJobLocked(Ledger ledger) {
		Ledger.awaitQuickly(Duration.ofSeconds(20), "a job acquired", () -> ledger.count(
				"SELECT COUNT(*) FROM act_ru_job WHERE process_def_key_ = 'reception' AND lock_owner_ IS NOT NULL") > 0);
	}

}
