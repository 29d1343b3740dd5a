package org.acolhida.literacy;

import java.time.Clock;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

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

	private final Clock clock;

	AddToClassWaitlistDelegate(Placements placements, ClassSeats seats, Clock clock) {
		this.clock = clock;
		this.placements = placements;
		this.seats = seats;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WaitlistEntry entry = seats.addToWaitlist(LiteracyEnrollmentProcess.LEARNER_REF.from(execution).get(),
				CASE_NUMBER.from(execution).get(), placements.need(execution),
				clock.instant());
		execution.setVariable(Variables.WAITLIST_ENTRY_ID, entry.id());
	}

}
