package org.acolhida.literacy;

import java.time.Clock;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The learner told the follow-up call they leave the class: the seat goes back
 * ({@link ClassSeats#withdraw}) and is offered at once to the waiting learners it fits, whose
 * instances get the offer by message.
 * <p>
 * Reads {@code enrollmentId}. Writes {@code enrollmentStatus} (WITHDRAWN). Raises no BPMN error; an
 * unknown enrolment is a fault (incident).
 */
@Component("withdrawDelegate")
@ProvidesVariables(Variables.ENROLLMENT_STATUS)
class WithdrawDelegate implements JavaDelegate {

	private final ClassSeats seats;

	private final SeatOfferMessages messages;

	private final Clock clock;

	WithdrawDelegate(ClassSeats seats, SeatOfferMessages messages, Clock clock) {
		this.clock = clock;
		this.seats = seats;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long id = LiteracyEnrollmentProcess.ENROLLMENT_ID.from(execution).get();
		Enrollment enrollment = seats.withdraw(id);
		execution.setVariable(Variables.ENROLLMENT_STATUS, enrollment.status().name());
		messages.send(seats.offerFreedSeats(enrollment.classCode(), clock.instant()), null);
	}

}
