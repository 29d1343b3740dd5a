package org.acolhida.housing;

import java.time.Instant;

/**
 * Where a household sleeps and since when: the confirmed hold's beds, occupied until it leaves
 * ({@code endedAt}).
 */
public record Placement(long id, long holdId, String caseNumber, String shelterCode, int beds, Instant since,
		Instant endedAt, String endReason) {

	public boolean isCurrent() {
		return endedAt == null;
	}

}
