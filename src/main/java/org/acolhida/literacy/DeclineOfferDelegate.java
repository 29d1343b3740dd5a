package org.acolhida.literacy;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The learner did not take the seat offered: back to the queue in the place they had
 * ({@code offerAnswer} KEEP_WAITING), or off the waitlist (STOP_WAITING).
 * <p>
 * Reads {@code waitlistEntryId} and {@code offerAnswer}. Writes {@code keepWaiting}. Raises no BPMN
 * error; an entry that is no longer open changes nothing.
 */
@Component("declineOfferDelegate")
@ProvidesVariables(Variables.KEEP_WAITING)
class DeclineOfferDelegate implements JavaDelegate {

	private final ClassSeats seats;

	DeclineOfferDelegate(ClassSeats seats) {
		this.seats = seats;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long entry = LiteracyEnrollmentProcess.WAITLIST_ENTRY_ID.from(execution).get();
		boolean keepWaiting = "KEEP_WAITING".equals(execution.getVariable(Variables.OFFER_ANSWER));
		if (keepWaiting) {
			seats.returnToWaiting(entry);
		}
		else {
			seats.cancelWaiting(entry);
		}
		execution.setVariable(Variables.KEEP_WAITING, keepWaiting);
	}

}
