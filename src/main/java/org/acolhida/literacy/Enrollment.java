package org.acolhida.literacy;

import java.time.Instant;

/**
 * A learner's place in a class.
 *
 * @param id what {@link ClassSeats#recordNoShow} and {@link ClassSeats#withdraw} take
 * @param learnerRef the learner, as the case file refers to them
 * @param noShows lessons missed without notice, counted by the class coordinator
 * @param ended when the learner left or was released, {@code null} while enrolled
 */
public record Enrollment(long id, String learnerRef, String caseNumber, String classCode, Instant since,
		Status status, int noShows, Instant ended) {

	/** Whether the learner still holds a seat in the class. */
	public boolean holdsSeat() {
		return status == Status.ENROLLED;
	}

	public enum Status {
		/** Holds a seat. */
		ENROLLED,
		/** Left the class; the seat went back. */
		WITHDRAWN,
		/** Did not come too often; the seat went back. */
		NO_SHOW_RELEASED
	}

}
