package org.acolhida.literacy;

import java.util.List;

import java.time.Clock;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The weekly look at the waitlist from a waiting learner's instance: lapsed offers go back to the
 * queue, then every free seat is offered to the longest-waiting learners it fits
 * ({@link ClassSeats#matchWaitlist}); the other learners' instances get their offers by message.
 * <p>
 * Reads {@code waitlistEntryId}. Writes {@code seatOffered} and, when this learner was offered a
 * seat (now or by an earlier offer still open), {@code classCode}. Raises no BPMN error.
 */
@Component("recheckWaitlistDelegate")
@ProvidesVariables({ Variables.SEAT_OFFERED, Variables.CLASS_CODE })
class RecheckWaitlistDelegate implements JavaDelegate {

	private final ClassSeats seats;

	private final SeatOfferMessages messages;

	private final Clock clock;

	RecheckWaitlistDelegate(ClassSeats seats, SeatOfferMessages messages, Clock clock) {
		this.clock = clock;
		this.seats = seats;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long own = LiteracyEnrollmentProcess.WAITLIST_ENTRY_ID.from(execution).get();
		List<SeatOffer> offers = seats.matchWaitlist(clock.instant());
		messages.send(offers, own);
		WaitlistEntry entry = seats.waitlistEntry(own)
			.orElseThrow(() -> new IllegalStateException("Waitlist entry " + own + " is gone"));
		boolean offered = entry.status() == WaitlistEntry.Status.OFFERED;
		execution.setVariable(Variables.SEAT_OFFERED, offered);
		if (offered) {
			execution.setVariable(Variables.CLASS_CODE, entry.offeredClass());
		}
	}

}
