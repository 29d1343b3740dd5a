package org.acolhida.literacy;

import java.time.Clock;
import org.acolhida.literacy.LiteracyEnrollmentProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts a week the learner did not come. At {@code acolhida.literacy.no-shows-to-release} (two)
 * the seat goes back ({@link ClassSeats#recordNoShow}) and is offered at once to the waiting
 * learners it fits ({@link ClassSeats#offerFreedSeats}), whose instances get the offer by message.
 * <p>
 * Reads {@code enrollmentId} and {@code classCode}. Writes {@code noShows},
 * {@code enrollmentStatus} and {@code seatReleased}, which the diagram and the history keep as the
 * note of the release. Raises no BPMN error; an unknown enrolment is a fault (incident).
 */
@Component("recordClassNoShowDelegate")
@ProvidesVariables({ Variables.NO_SHOWS, Variables.ENROLLMENT_STATUS, Variables.SEAT_RELEASED })
class RecordClassNoShowDelegate implements JavaDelegate {

	private final ClassSeats seats;

	private final SeatOfferMessages messages;

	private final Clock clock;

	RecordClassNoShowDelegate(ClassSeats seats, SeatOfferMessages messages, Clock clock) {
		this.clock = clock;
		this.seats = seats;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long id = LiteracyEnrollmentProcess.ENROLLMENT_ID.from(execution).get();
		Enrollment enrollment = seats.recordNoShow(id);
		boolean released = enrollment.status() == Enrollment.Status.NO_SHOW_RELEASED;
		execution.setVariable(Variables.NO_SHOWS, enrollment.noShows());
		execution.setVariable(Variables.ENROLLMENT_STATUS, enrollment.status().name());
		execution.setVariable(Variables.SEAT_RELEASED, released);
		if (released) {
			messages.send(seats.offerFreedSeats(enrollment.classCode(), clock.instant()), null);
		}
	}

}
