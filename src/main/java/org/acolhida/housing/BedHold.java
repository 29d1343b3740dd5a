package org.acolhida.housing;

import java.time.Instant;

/**
 * Beds of a shelter promised to a case for a while, so that two workers never promise the same
 * last bed. Its id is what the referral process keeps in a variable.
 */
public record BedHold(long id, String caseNumber, String shelterCode, int beds, String heldBy, Instant heldAt,
		Instant expiresAt, HoldStatus status, Instant endedAt, String endReason) {

	public boolean isHeld() {
		return status == HoldStatus.HELD;
	}

}
