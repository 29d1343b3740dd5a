package org.acolhida.housing;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Housing's "now" is the engine's clock: a process test that moves the clock for a hold's timer
 * moves hold expiry with it. In production both are the system clock.
 */
final class HousingClock {

	private HousingClock() {
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
