package org.acolhida.literacy;

import java.time.Instant;

/**
 * A learner waiting for a class that fits them, in the order of {@code since}.
 *
 * @param offeredClass the class whose free seat was offered (status OFFERED), else {@code null}
 * @param offeredAt when it was offered, else {@code null}
 */
public record WaitlistEntry(long id, String learnerRef, String caseNumber, LearnerNeed need, Instant since,
		Status status, String offeredClass, Instant offeredAt) {

	public enum Status {
		/** In the queue. */
		WAITING,
		/** A free seat was offered; still in the queue until enrolled. */
		OFFERED,
		/** Got a seat. */
		ENROLLED,
		/** No longer waiting (moved away, found a class elsewhere, declined). */
		CANCELLED
	}

}
