package org.acolhida.literacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.acolhida.errors.NotFoundException;
import org.acolhida.units.UnknownUnitException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats in literacy classes and the waitlist for them: what the {@code literacy-enrollment}
 * process's delegates call. Seats taken never exceed seats: the database enforces it (a guarded
 * update, and a CHECK constraint behind it), so two learners racing for the last seat cannot both
 * get it.
 * <p>
 * Every method runs in the caller's transaction when there is one (a delegate's is the engine's),
 * so that a rolled-back step leaves no seat taken. Methods that a retried step may repeat are
 * idempotent: enrolling a learner who holds a seat in the class returns that enrolment, ending an
 * ended enrolment changes nothing, adding a learner who is waiting returns their entry. Outcomes
 * of the business (no seat, nobody to offer to) are empty results; a code or id that does not
 * exist is a fault ({@link UnknownUnitException}, {@link NotFoundException}), as is a
 * {@link org.springframework.dao.DuplicateKeyException} when the same learner is enrolled twice at
 * the same instant (the retry then finds the enrolment).
 */
@Service
@Transactional
public class ClassSeats {

	private final SeatLedger ledger;

	private final ClassCatalogue catalogue;

	private final LiteracyProperties properties;

	private final Clock clock;

	ClassSeats(SeatLedger ledger, ClassCatalogue catalogue, LiteracyProperties properties,
			ObjectProvider<Clock> clock) {
		this.ledger = ledger;
		this.catalogue = catalogue;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Gives the learner a seat in the class, if one is free and the class is active. Closes the
	 * learner's waitlist entry as ENROLLED. Empty when there is no seat; then an offer of this class
	 * to the learner, if any, goes back to waiting (their place in the queue kept).
	 *
	 * @throws UnknownUnitException if no unit has that code
	 * @throws IllegalArgumentException if the unit is not a literacy class or a reference is blank
	 */
	public Optional<Enrollment> enroll(String learnerRef, String caseNumber, String classCode) {
		requireText("learnerRef", learnerRef, 64);
		requireText("caseNumber", caseNumber, 40);
		long classId = classId(classCode);
		Optional<Enrollment> held = ledger.seatHeld(learnerRef, classId);
		if (held.isPresent()) {
			return held;
		}
		if (!ledger.takeSeat(classId)) {
			ledger.offerLapsed(learnerRef, classId);
			return Optional.empty();
		}
		long id = ledger.insertEnrollment(learnerRef, caseNumber, classId, clock.instant());
		ledger.closeOpenEntry(learnerRef, WaitlistEntry.Status.ENROLLED);
		return ledger.enrollment(id, false);
	}

	/**
	 * Counts a lesson the learner missed without notice. At the configured number of no-shows
	 * (two by default) the enrolment becomes NO_SHOW_RELEASED and the seat goes back; offer it with
	 * {@link #offerFreedSeats}. On an enrolment that has ended, nothing changes.
	 *
	 * @return the enrolment after the count
	 * @throws NotFoundException if there is no such enrolment
	 */
	public Enrollment recordNoShow(long enrollmentId) {
		Enrollment enrollment = lockedEnrollment(enrollmentId);
		if (!enrollment.holdsSeat()) {
			return enrollment;
		}
		ledger.countNoShow(enrollmentId);
		if (enrollment.noShows() + 1 >= properties.noShowsToRelease()) {
			end(enrollmentId, Enrollment.Status.NO_SHOW_RELEASED);
		}
		return ledger.enrollment(enrollmentId, false).orElseThrow();
	}

	/**
	 * The learner leaves the class and the seat goes back; offer it with {@link #offerFreedSeats}.
	 * On an enrolment that has ended, nothing changes.
	 *
	 * @throws NotFoundException if there is no such enrolment
	 */
	public Enrollment withdraw(long enrollmentId) {
		Enrollment enrollment = lockedEnrollment(enrollmentId);
		if (enrollment.holdsSeat()) {
			end(enrollmentId, Enrollment.Status.WITHDRAWN);
		}
		return ledger.enrollment(enrollmentId, false).orElseThrow();
	}

	/** The enrolment, if it exists. */
	@Transactional(readOnly = true)
	public Optional<Enrollment> enrollment(long enrollmentId) {
		return ledger.enrollment(enrollmentId, false);
	}

	/** The enrolments of a case's learners, current and past, oldest first. */
	@Transactional(readOnly = true)
	public List<Enrollment> enrollmentsOfCase(String caseNumber) {
		return ledger.enrollmentsOfCase(caseNumber);
	}

	/**
	 * Puts the learner on the waitlist from now. A learner already waiting (or offered a seat) keeps
	 * the entry and place they have: that entry is returned unchanged.
	 */
	public WaitlistEntry addToWaitlist(String learnerRef, String caseNumber, LearnerNeed need) {
		return addToWaitlist(learnerRef, caseNumber, need, clock.instant());
	}

	/**
	 * Puts the learner on the waitlist as from {@code since} (the engine's clock, in a process).
	 *
	 * @see #addToWaitlist(String, String, LearnerNeed)
	 */
	public WaitlistEntry addToWaitlist(String learnerRef, String caseNumber, LearnerNeed need, Instant since) {
		requireText("learnerRef", learnerRef, 64);
		requireText("caseNumber", caseNumber, 40);
		if (need == null || since == null) {
			throw new IllegalArgumentException("need and since are required");
		}
		Optional<WaitlistEntry> open = ledger.openEntry(learnerRef);
		if (open.isPresent()) {
			return open.get();
		}
		return ledger.waitlistEntry(ledger.insertWaitlistEntry(learnerRef, caseNumber, need, since)).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<WaitlistEntry> waitlistEntry(long waitlistEntryId) {
		return ledger.waitlistEntry(waitlistEntryId);
	}

	/**
	 * The learner did not take the seat offered, but still wants a class: back to waiting, in the
	 * place they had. False if the entry was not an open offer.
	 */
	public boolean returnToWaiting(long waitlistEntryId) {
		return ledger.backToWaiting(waitlistEntryId);
	}

	/** The learner no longer waits. False if the entry was no longer open. */
	public boolean cancelWaiting(long waitlistEntryId) {
		return ledger.cancel(waitlistEntryId);
	}

	/**
	 * Offers the class's free seats (neither taken nor already offered) to the waiting learners it
	 * fits (language, level, audience, municipality, every lesson inside their availability), the
	 * longest waiting first. Call it when a seat frees up or a class opens. Offers made for this
	 * class are made one caller at a time (the class's seat row is locked), so two calls never offer
	 * the same seat twice; a second call finds the seats offered and returns nothing.
	 *
	 * @return the offers made now, longest waiting first; empty if no seat is free, nobody fits or
	 * the class is inactive
	 * @throws UnknownUnitException if no unit has that code
	 */
	public List<SeatOffer> offerFreedSeats(String classCode) {
		return offerFreedSeats(classCode, clock.instant());
	}

	/**
	 * As {@link #offerFreedSeats(String)}, at the instant given (the engine's clock, in a process):
	 * offers older than {@code acolhida.literacy.offer-valid-for} before it lapse first.
	 */
	public List<SeatOffer> offerFreedSeats(String classCode, Instant now) {
		long classId = classId(classCode);
		ledger.lockSeats(classId);
		ledger.expireOffers(now.minus(properties.offerValidFor()));
		List<ClassOption> classes = catalogue.withFreeSeats().stream()
			.filter(option -> option.code().equals(classCode))
			.toList();
		return classes.isEmpty() ? List.of() : offer(classes, ledger.waitingFor(classes.get(0)), now);
	}

	/**
	 * Looks at the whole waitlist: offers that were not taken up within
	 * {@code acolhida.literacy.offer-valid-for} go back to waiting, then every waiting learner, the
	 * longest waiting first, is offered a free seat in the best class that fits them (their district
	 * first, then most free seats), while free seats last. For the weekly re-check.
	 *
	 * @return the offers made now, longest waiting first
	 */
	public List<SeatOffer> matchWaitlist(Instant now) {
		ledger.lockActiveClassSeats();
		ledger.expireOffers(now.minus(properties.offerValidFor()));
		List<ClassOption> classes = catalogue.withFreeSeats();
		return classes.isEmpty() ? List.of() : offer(classes, ledger.waiting(), now);
	}

	private List<SeatOffer> offer(List<ClassOption> classes, List<WaitlistEntry> waiting, Instant now) {
		Map<String, ClassOption> open = new HashMap<>();
		classes.forEach(option -> open.put(option.code(), option));
		List<SeatOffer> offers = new ArrayList<>();
		for (WaitlistEntry entry : waiting) {
			List<ClassOption> fitting = ClassSearch.rank(List.copyOf(open.values()), entry.need());
			if (fitting.isEmpty()) {
				continue;
			}
			ClassOption best = fitting.get(0);
			if (!ledger.offer(entry.id(), best.code(), now)) {
				continue; // taken up meanwhile by another class's offer or enrolment
			}
			offers.add(new SeatOffer(entry.id(), entry.learnerRef(), entry.caseNumber(), best.code(), entry.since()));
			open.put(best.code(), best.withOffered(best.offered() + 1));
			if (open.values().stream().noneMatch(option -> option.freeSeats() > 0)) {
				break;
			}
		}
		return offers;
	}

	private Enrollment lockedEnrollment(long enrollmentId) {
		return ledger.enrollment(enrollmentId, true)
			.orElseThrow(() -> new NotFoundException("No class enrolment with id " + enrollmentId));
	}

	private void end(long enrollmentId, Enrollment.Status status) {
		if (ledger.end(enrollmentId, status, clock.instant())) {
			ledger.releaseSeat(ledger.classOfEnrollment(enrollmentId));
		}
	}

	private long classId(String classCode) {
		if (classCode == null || classCode.isBlank()) {
			throw new IllegalArgumentException("classCode is required");
		}
		return ledger.classId(classCode).orElseThrow(() -> ledger.unitExists(classCode)
				? new IllegalArgumentException("Unit '" + classCode + "' is not a literacy class")
				: new UnknownUnitException(classCode));
	}

	private static void requireText(String name, String value, int max) {
		if (value == null || value.isBlank() || value.length() > max) {
			throw new IllegalArgumentException(name + " is required (1 to " + max + " characters)");
		}
	}

}
