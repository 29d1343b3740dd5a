package org.acolhida.literacy;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the classes a learner can be enrolled in now: active literacy classes of the learner's
 * municipality in the language of instruction, at the learner's level and for their audience, whose
 * every weekly lesson lies inside the learner's availability, with a seat neither taken nor offered
 * to a waitlisted learner. Best first: a class serving the learner's district, then the one with
 * most free seats, then by code, so that every desk gives the same answer.
 * <p>
 * An empty list is a business outcome (put the learner on the waitlist), never an error. The
 * answer is a snapshot: the seat is only the learner's once {@link ClassSeats#enroll} says so.
 */
@Service
@Transactional(readOnly = true)
public class ClassSearch {

	private final ClassCatalogue catalogue;

	ClassSearch(ClassCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** The classes that fit the learner, best first; empty if none does. */
	public List<ClassOption> classesFor(LearnerNeed need) {
		return rank(catalogue.withFreeSeatsFor(need), need);
	}

	/** Of these classes, those that fit the learner, best first. */
	static List<ClassOption> rank(List<ClassOption> classes, LearnerNeed need) {
		return classes.stream()
			.filter(option -> option.teaches(need) && option.freeSeats() > 0)
			.filter(option -> Schedule.fits(option.sessions(), need.availability()))
			.map(option -> option.forLearner(need))
			.sorted(ClassOption.RANKING)
			.toList();
	}

}
