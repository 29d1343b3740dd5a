package org.acolhida.literacy;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Puts a learner for whom no class fits on the waitlist, from now (the engine's clock): what the
 * unmet-demand report counts.
 * <p>
 * Reads the placement (as {@link FindClassDelegate}), {@code learnerRef} and {@code caseNumber}.
 * Writes {@code waitlistEntryId}; a learner already waiting keeps their entry and place.
 */
@Component("addToClassWaitlistDelegate")
@ProvidesVariables(Variables.WAITLIST_ENTRY_ID)
class AddToClassWaitlistDelegate implements JavaDelegate {

	private final Placements placements;

	private final ClassSeats seats;

	AddToClassWaitlistDelegate(Placements placements, ClassSeats seats) {
		this.placements = placements;
		this.seats = seats;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WaitlistEntry entry = seats.addToWaitlist((String) execution.getVariable(Variables.LEARNER_REF),
				(String) execution.getVariable(Variables.CASE_NUMBER), placements.need(execution),
				ClockUtil.getCurrentTime().toInstant());
		execution.setVariable(Variables.WAITLIST_ENTRY_ID, entry.id());
	}

}
