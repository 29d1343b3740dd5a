package org.acolhida.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load of receptions at the desk: a few workers, each starting a reception and working its
 * household and listening tasks (which brings it to the follow-up timer), over and over, until
 * {@link #stop()}, a number of receptions or a time limit. Records what the application acknowledged;
 * calls that got no answer or an error are counted and the worker goes on after a short pause.
 */
final class ReceptionLoad {

	private final List<Desk> desks;

	private final int maxReceptions;

	private final long deadline;

	private final String names;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final List<Thread> workers = new ArrayList<>();

	/** Acknowledged receptions: case number → instance id. */
	final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	final AtomicInteger tasksAcknowledged = new AtomicInteger();

	/** The last task whose completion was acknowledged, by instance id. */
	final Map<String, String> lastStepAcknowledged = new ConcurrentHashMap<>();

	final AtomicInteger failedCalls = new AtomicInteger();

	final Map<String, Integer> failures = new ConcurrentHashMap<>();

	ReceptionLoad(List<Desk> desks, int workers, int maxReceptions, Duration maxTime, String names) {
		this.desks = desks;
		this.maxReceptions = maxReceptions;
		this.deadline = System.nanoTime() + maxTime.toNanos();
		this.names = names;
		for (int i = 0; i < workers; i++) {
			Thread worker = new Thread(this::work, "reception-load-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
		}
	}

	ReceptionLoad start() {
		workers.forEach(Thread::start);
		return this;
	}

	private void work() {
		while (!stopped.get() && System.nanoTime() < deadline) {
			int n = next.incrementAndGet();
			if (n > maxReceptions) {
				return;
			}
			Desk desk = desks.get(n % desks.size());
			try {
				Desk.Started started = desk.startReception(names + n);
				if (started.caseNumber() == null) {
					throw new IllegalStateException("acknowledged without a case number: " + started);
				}
				acknowledged.put(started.caseNumber(), started.instanceId());
				for (int step = 0; step < 2 && !stopped.get(); step++) {
					String done = desk.workNextTask(started.instanceId());
					if (done == null) {
						break;
					}
					lastStepAcknowledged.put(started.instanceId(), done);
					tasksAcknowledged.incrementAndGet();
				}
			}
			catch (IOException | RuntimeException e) {
				failedCalls.incrementAndGet();
				failures.merge(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
						1, Integer::sum);
				Ledger.sleep(200);
			}
		}
	}

	/** Waits (at most {@code timeout}) until {@code count} receptions were acknowledged. */
	ReceptionLoad awaitAcknowledged(int count, Duration timeout) {
		Ledger.await(timeout, count + " receptions acknowledged (so far " + acknowledged.size() + ", failures "
				+ failures + ")", () -> acknowledged.size() >= count);
		return this;
	}

	/** Whether every worker has finished (all receptions done or the time is up). */
	boolean finished() {
		return workers.stream().noneMatch(Thread::isAlive);
	}

	/** Stops the workers after their current call (each call is bounded by its timeout). */
	void stop() {
		stopped.set(true);
		for (Thread worker : workers) {
			try {
				worker.join(Duration.ofSeconds(90).toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Waits for the workers to finish by themselves, at most {@code timeout}. */
	void awaitFinished(Duration timeout) {
		Ledger.await(timeout, "load finished (" + acknowledged.size() + " acknowledged)", this::finished);
	}

}
