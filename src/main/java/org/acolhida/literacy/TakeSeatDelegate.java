package org.acolhida.literacy;

import java.util.Optional;

import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * Takes a seat in the class for the learner: the class found at placement, or the one offered from
 * the waitlist.
 * <p>
 * Reads {@code learnerRef}, {@code caseNumber} and {@code classCode}. Writes {@code seatTaken} and,
 * when taken, {@code enrollmentId} and {@code enrollmentStatus}. No seat left (another learner was
 * faster) is not an error: {@code seatTaken} is false and the diagram looks again or waits. An unknown
 * class code is a fault (incident).
 */
@Component("takeSeatDelegate")
@ProvidesVariables({ Variables.SEAT_TAKEN, Variables.ENROLLMENT_ID, Variables.ENROLLMENT_STATUS })
class TakeSeatDelegate implements JavaDelegate {

	private final ClassSeats seats;

	TakeSeatDelegate(ClassSeats seats) {
		this.seats = seats;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Optional<Enrollment> enrollment = seats.enroll(LiteracyEnrollmentProcess.LEARNER_REF.from(execution).get(),
				CASE_NUMBER.from(execution).get(),
				LiteracyEnrollmentProcess.CLASS_CODE.from(execution).get());
		execution.setVariable(Variables.SEAT_TAKEN, enrollment.isPresent());
		enrollment.ifPresent(e -> {
			execution.setVariable(Variables.ENROLLMENT_ID, e.id());
			execution.setVariable(Variables.ENROLLMENT_STATUS, e.status().name());
		});
	}

}
