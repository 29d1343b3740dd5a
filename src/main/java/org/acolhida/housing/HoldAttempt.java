package org.acolhida.housing;

import java.util.Optional;

/**
 * The answer to a request for beds: a hold, or why there is none. Every outcome other than
 * {@link Outcome#HELD} is a business outcome (offer the next candidate, or the waitlist), not a fault.
 */
public record HoldAttempt(Outcome outcome, BedHold hold, String message) {

	public enum Outcome {
		/** Beds held (or, on a retry, the live hold the case already had there). */
		HELD,
		/** Not enough free beds: held + occupied + beds would exceed the total. */
		NO_ROOM,
		/** The shelter is deactivated in the directory. */
		SHELTER_INACTIVE,
		/** The code is a unit, but not a shelter. */
		NOT_A_SHELTER,
		/** No unit with that code. */
		UNKNOWN_SHELTER
	}

	/** The hold, when there is one. */
	public Optional<BedHold> held() {
		return Optional.ofNullable(hold);
	}

	static HoldAttempt held(BedHold hold) {
		return new HoldAttempt(Outcome.HELD, hold, hold.beds() + " beds held at " + hold.shelterCode() + " until "
				+ hold.expiresAt());
	}

	static HoldAttempt refused(Outcome outcome, String message) {
		return new HoldAttempt(outcome, null, message);
	}

}
