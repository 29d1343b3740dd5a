package org.acolhida.literacy;

import java.util.List;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Tells the waiting learners' follow-up instances about the seats the seats core just offered them
 * ({@link ClassSeats#offerFreedSeats}, {@link ClassSeats#matchWaitlist}): the message
 * {@value LiteracyEnrollmentProcess#SEAT_OFFERED_MESSAGE} is correlated to the instance whose
 * {@code waitlistEntryId} is the offer's entry, with the class in {@code classCode}. An entry whose
 * instance is not waiting for an offer (put on the list outside a process, or busy) is left as
 * OFFERED: the offer lapses after {@code acolhida.literacy.offer-valid-for} and goes to the queue
 * again.
 */
@Component
class SeatOfferMessages {

	private final RuntimeService runtime;

	SeatOfferMessages(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/**
	 * @param except the waitlist entry of the caller's own instance (which is not waiting for the
	 * message while it runs), or {@code null}
	 * @return how many waiting instances received an offer
	 */
	int send(List<SeatOffer> offers, Long except) {
		int received = 0;
		for (SeatOffer offer : offers) {
			if (except != null && except == offer.waitlistEntryId()) {
				continue;
			}
			received += runtime.createMessageCorrelation(LiteracyEnrollmentProcess.SEAT_OFFERED_MESSAGE)
				.processInstanceVariableEquals(Variables.WAITLIST_ENTRY_ID, offer.waitlistEntryId())
				.setVariable(Variables.CLASS_CODE, offer.classCode())
				.correlateAllWithResult()
				.size();
		}
		return received;
	}

}
