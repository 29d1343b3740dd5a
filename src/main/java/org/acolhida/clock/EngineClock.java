package org.acolhida.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the process engine's. Timers, due dates and the history are
 * stamped by the engine's clock, which tests (and a replay) move; everything else that asks "now" or
 * "today" reads it too, so that a moved clock moves the whole application and nothing compares an
 * engine time with the wall clock.
 * <p>
 * Its zone is UTC and means nothing: "today" is a date at a unit, so ask
 * {@code LocalDate.now(clock.withZone(unit.getZone()))}, never the JVM's default zone.
 */
public final class EngineClock extends Clock {

	private final ZoneId zone;

	public EngineClock() {
		this(ZoneOffset.UTC);
	}

	private EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new EngineClock(zone);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EngineClock clock && clock.zone.equals(zone);
	}

	@Override
	public int hashCode() {
		return zone.hashCode() ^ EngineClock.class.hashCode();
	}

}
