package org.acolhida.literacy;

import java.time.Instant;

/**
 * A free seat offered to a waitlisted learner. The seat is not held by the offer: the learner takes
 * it with {@link ClassSeats#enroll}, which may still find it gone (then the entry waits again).
 *
 * @param waitlistEntryId the learner's waitlist entry, now OFFERED
 * @param waitingSince when the learner joined the waitlist
 */
public record SeatOffer(long waitlistEntryId, String learnerRef, String caseNumber, String classCode,
		Instant waitingSince) {
}
