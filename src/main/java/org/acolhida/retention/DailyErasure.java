package org.acolhida.retention;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the erasure once a day ({@code acolhida.retention.erasure-cron}). A Spring schedule rather than
 * a Camunda timer: the erasure belongs to no case and no protocol, and a timer would need a process
 * of its own whose history the erasure would then have to keep. With several application nodes each
 * one fires; only the node whose guarded UPDATE of {@code retention_run} moves the day forward runs
 * the erasure (the database serialises the two UPDATEs, the second finds the day taken). A run that
 * fails half-way is caught up the next day: each case is erased in a transaction of its own.
 */
@Component
class DailyErasure {

	private static final Logger log = LoggerFactory.getLogger(DailyErasure.class);

	static final String JOB = "case-erasure";

	private final JdbcClient db;

	private final HistoryTimeToLive timeToLive;

	private final CaseErasure erasure;

	private final Clock clock;

	DailyErasure(JdbcClient db, HistoryTimeToLive timeToLive, CaseErasure erasure, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.timeToLive = timeToLive;
		this.erasure = erasure;
	}

	@Scheduled(cron = "${acolhida.retention.erasure-cron:0 30 3 * * *}")
	void run() {
		if (claim()) {
			timeToLive.align();
			int erased = erasure.eraseExpired().size();
			log.info("Retention: daily erasure done, {} cases erased", erased);
		}
	}

	/** True for the one node that may run today's erasure. */
	boolean claim() {
		Instant now = clock.instant();
		// A day of the job, shared by every node whatever units it serves: not a unit's "today".
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return db.sql("UPDATE retention_run SET last_day = ?, claimed_by = ?, claimed_at = ? "
				+ "WHERE job = ? AND (last_day IS NULL OR last_day < ?)")
			.params(today, node(), now.atOffset(ZoneOffset.UTC), JOB, today)
			.update() == 1;
	}

	private static String node() {
		try {
			return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
		}
		catch (UnknownHostException ex) {
			return "pid " + ProcessHandle.current().pid();
		}
	}

}
