package org.acolhida.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.support.AppProcess;
import org.acolhida.support.RestartablePostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, "app killed": the application is killed ({@code kill -9}) in the middle of a load of
 * receptions and started again on the same PostgreSQL. Every reception it acknowledged is there
 * exactly once, with its case file, and can be worked to its end; none is duplicated; nothing is
 * half-written (a case file without its reception or the reverse). Sizes:
 * {@code -Dfaults.killed.workers=4}, {@code -Dfaults.killed.before=30} (acknowledged receptions
 * before the kill).
 */
class AppKilledIT {

	static final int WORKERS = Integer.getInteger("faults.killed.workers", 4);

	static final int BEFORE_KILL = Integer.getInteger("faults.killed.before", 30);

	static final Duration START = Duration.ofMinutes(3);

	@Test
	void shouldKeepEveryAcknowledgedReceptionExactlyOnceAfterAKill() throws IOException {
		long began = System.nanoTime();
		try (RestartablePostgres postgres = RestartablePostgres.start()) {
			AppProcess.Launcher launcher = AppProcess.launcher("killed")
				.database(postgres.url(), postgres.user(), postgres.password())
				// the follow-up timers that the test makes due are picked up within 2 s, not 60
				.property("camunda.bpm.job-execution.max-wait", "2000");
			Ledger ledger = new Ledger(postgres);
			ReceptionLoad load;
			int exitStatus;
			try (AppProcess first = launcher.start(START)) {
				load = new ReceptionLoad(List.of(new Desk(first.baseUrl())), WORKERS, Integer.MAX_VALUE,
						Duration.ofMinutes(3), "Killed").start();
				load.awaitAcknowledged(BEFORE_KILL, Duration.ofMinutes(3));
				exitStatus = first.kill();
				load.stop();
			}
			assertThat(exitStatus).as("exit status of a JVM ended by SIGKILL").isEqualTo(128 + 9);
			Map<String, String> acknowledged = Map.copyOf(load.acknowledged);
			int casesAtKill = ledger.count("SELECT COUNT(*) FROM case_file");

			try (AppProcess second = launcher.start(START)) {
				assertThat(ledger.duplicatedCaseNumbers()).isEmpty();
				assertThat(ledger.duplicatedReceptions()).isEmpty();
				assertThat(ledger.casesWithoutReception()).isEmpty();
				assertThat(ledger.receptionsWithoutCase()).isEmpty();
				for (Map.Entry<String, String> reception : acknowledged.entrySet()) {
					assertThat(ledger.caseFiles(reception.getKey())).as(reception.getKey()).isEqualTo(1);
					assertThat(ledger.receptions(reception.getKey())).as(reception.getKey()).isEqualTo(1);
				}
				// an acknowledged task completion is not undone: the task is not open again
				load.lastStepAcknowledged.forEach((instance, step) -> assertThat(ledger.count(
						"SELECT COUNT(*) FROM act_ru_task WHERE proc_inst_id_ = ? AND task_def_key_ = ?", instance, step))
					.as(step + " of " + instance).isZero());

				// every acknowledged reception goes on to its end in the restarted application
				Desk desk = new Desk(second.baseUrl());
				for (String instance : acknowledged.values()) {
					for (int step = 0; step < 2 && desk.workNextTask(instance) != null; step++) {
						// household, then listening: the reception waits for its follow-up
					}
				}
				assertThat(ledger.waitingFollowUpTimers()).isGreaterThanOrEqualTo(acknowledged.size());
				ledger.makeFollowUpTimersDue();
				Ledger.await(Duration.ofMinutes(2), "every follow-up timer fired", () -> ledger.waitingFollowUpTimers() == 0);
				List<String> notClosed = new ArrayList<>();
				for (Map.Entry<String, String> reception : acknowledged.entrySet()) {
					assertThat(desk.workNextTask(reception.getValue())).isEqualTo(Elements.FOLLOW_UP_INTERVIEW);
					if (ledger.count("SELECT COUNT(*) FROM act_hi_procinst WHERE id_ = ? AND end_time_ IS NOT NULL",
							reception.getValue()) != 1
							|| ledger.count("SELECT COUNT(*) FROM case_file WHERE case_number = ? AND status = 'CLOSED'",
									reception.getKey()) != 1) {
						notClosed.add(reception.getKey());
					}
				}
				assertThat(notClosed).as("acknowledged receptions that did not reach their end").isEmpty();
				assertThat(ledger.incidents()).isZero();

				Ledger.figure("app killed", "receptions acknowledged before the kill", acknowledged.size());
				Ledger.figure("app killed", "task completions acknowledged before the kill", load.tasksAcknowledged.get());
				Ledger.figure("app killed", "case files after the kill (acknowledged or not)", casesAtKill);
				Ledger.figure("app killed", "calls without answer at the kill", load.failedCalls.get());
				Ledger.figure("app killed", "lost / duplicated / half-written", "0 / 0 / 0");
				Ledger.figure("app killed", "restart to health UP (s)", second.startup().toMillis() / 1000.0);
			}
		}
		Ledger.figure("app killed", "test wall time (s)", (System.nanoTime() - began) / 1_000_000_000L);
	}

}
