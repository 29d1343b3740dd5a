package org.acolhida.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.acolhida.reception.ReceptionProcess;
import org.acolhida.reception.ReceptionProcess.Elements;
import org.acolhida.support.AppProcess;
import org.acolhida.support.RestartablePostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, "two app nodes": two JVMs of the application on one PostgreSQL, on two loopback ports,
 * each with its own engine host name. The follow-up timers of 1,000 receptions (brought to them over
 * both nodes) all fall due at once: each fires exactly once, the follow-up interview opens once per
 * case, and both nodes' job executors take part. Sizes: {@code -Dfaults.nodes.cases=1000},
 * {@code -Dfaults.nodes.workers=4}.
 * <p>
 * In the bench command ({@code ./mvnw -Pbench verify}), not in {@code ./mvnw verify}: bringing 1,000
 * receptions to their timer over REST takes minutes on a two-core machine. A test all the same: it
 * fails when a timer fires twice or never.
 */
class TwoNodesBench {

	static final int CASES = Integer.getInteger("faults.nodes.cases", 1000);

	static final int WORKERS = Integer.getInteger("faults.nodes.workers", 4);

	static final List<String> HOSTS = List.of("node-a", "node-b");

	@Test
	void shouldFireEveryTimerExactlyOnceAcrossTwoNodes() {
		long began = System.nanoTime();
		try (RestartablePostgres postgres = RestartablePostgres.start()) {
			Ledger ledger = new Ledger(postgres);
			AppProcess.Launcher a = node(postgres, HOSTS.get(0));
			AppProcess.Launcher b = node(postgres, HOSTS.get(1));
			// one after the other: the first creates the schemas, the second finds them
			try (AppProcess nodeA = a.start(Duration.ofMinutes(3)); AppProcess nodeB = b.start(Duration.ofMinutes(3))) {
				long loading = System.nanoTime();
				ReceptionLoad load = new ReceptionLoad(List.of(new Desk(nodeA.baseUrl()), new Desk(nodeB.baseUrl())), WORKERS,
						CASES, Duration.ofMinutes(10), "Node").start();
				load.awaitFinished(Duration.ofMinutes(11));
				double loadSeconds = (System.nanoTime() - loading) / 1e9;
				assertThat(load.failures).isEmpty();
				assertThat(load.acknowledged).hasSize(CASES);
				assertThat(ledger.waitingFollowUpTimers()).isEqualTo(CASES);

				assertThat(ledger.makeFollowUpTimersDue()).isEqualTo(CASES);
				long due = System.nanoTime();
				Ledger.await(Duration.ofMinutes(5), "every follow-up timer fired", () -> ledger.waitingFollowUpTimers() == 0);
				double firingSeconds = (System.nanoTime() - due) / 1e9;

				Map<String, Integer> interviewsPerCase = ledger.jdbc.query("SELECT e.business_key_, COUNT(*) AS n "
						+ "FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE t.task_def_key_ = ? "
						+ "GROUP BY e.business_key_", (row, i) -> Map.entry(row.getString(1), row.getInt(2)),
						Elements.FOLLOW_UP_INTERVIEW)
					.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
				assertThat(interviewsPerCase.keySet()).containsExactlyInAnyOrderElementsOf(load.acknowledged.keySet());
				assertThat(interviewsPerCase.values()).allMatch(n -> n == 1);

				List<Integer> runsPerTimer = ledger.jdbc.queryForList("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = ? "
						+ "AND process_def_key_ = ? AND act_id_ = ? GROUP BY job_id_", Integer.class, Ledger.SUCCESSFUL,
						ReceptionProcess.KEY, Elements.FOLLOW_UP_TIMER);
				assertThat(runsPerTimer).hasSize(CASES).allMatch(n -> n == 1);
				Map<String, Integer> firedBy = ledger.jdbc.query("SELECT hostname_, COUNT(*) FROM act_hi_job_log "
						+ "WHERE job_state_ = ? AND process_def_key_ = ? AND act_id_ = ? GROUP BY hostname_",
						(row, i) -> Map.entry(row.getString(1), row.getInt(2)), Ledger.SUCCESSFUL, ReceptionProcess.KEY,
						Elements.FOLLOW_UP_TIMER)
					.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
				assertThat(firedBy.keySet()).containsExactlyInAnyOrderElementsOf(HOSTS);
				assertThat(ledger.incidents()).isZero();

				String test = "two nodes";
				Ledger.figure(test, "cases brought to their follow-up timer over both nodes (s)",
						CASES + " in " + String.format("%.1f", loadSeconds));
				Ledger.figure(test, "timers fired by node", firedBy);
				Ledger.figure(test, "wall time from all due to all fired (s)", String.format("%.1f", firingSeconds));
				Ledger.figure(test, "failed job runs / incidents", ledger.failedJobRuns() + " / " + ledger.incidents());
				Ledger.figure(test, "fired more than once / not fired", "0 / 0");
			}
		}
		Ledger.figure("two nodes", "test wall time (s)", (System.nanoTime() - began) / 1_000_000_000L);
	}

	private static AppProcess.Launcher node(RestartablePostgres postgres, String host) {
		return AppProcess.launcher(host)
			.database(postgres.url(), postgres.user(), postgres.password())
			// what the job log records as the node that ran a job (by default the machine's address,
			// the same for two JVMs on one machine)
			.property("camunda.bpm.generic-properties.properties.hostname", host)
			.property("camunda.bpm.job-execution.max-wait", "2000");
	}

}
