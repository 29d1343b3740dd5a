package org.acolhida.housing;

import java.time.Instant;

/** A household waiting for a bed in a municipality; immediate ones sleep rough tonight. */
public record WaitlistEntry(long id, String caseNumber, int householdSize, String summary, String municipality,
		String district, boolean immediate, Instant since, Status status, Instant endedAt) {

	public enum Status {
		WAITING,
		/** Left the list with a placement. */
		PLACED,
		/** Left the list for any other reason (found housing alone, moved away, case closed). */
		WITHDRAWN
	}

}
