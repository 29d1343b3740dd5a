package org.acolhida.literacy;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;

/**
 * An active literacy class as the seat look-ups see it.
 *
 * @param code the class's unit code, what {@link ClassSeats#enroll} takes
 * @param seats seats the manager set
 * @param taken seats held by enrolled learners
 * @param offered free seats offered to waitlisted learners who have not answered yet; they are not
 * offered to anyone else meanwhile
 * @param nearLearner whether the class serves the learner's district (false when not asked for a learner)
 */
public record ClassOption(String code, String name, String municipality, Set<String> districts, String language,
		Level level, Audience audience, int seats, int taken, int offered, List<WeeklyInterval> sessions,
		boolean nearLearner) {

	public ClassOption {
		districts = Set.copyOf(districts);
		sessions = List.copyOf(sessions);
	}

	/** Seats neither taken nor offered to a waiting learner. */
	public int freeSeats() {
		return Math.max(0, seats - taken - offered);
	}

	/** For a learner: a class in their district first, then the one with most free seats, then by code. */
	static final Comparator<ClassOption> RANKING = Comparator.comparing(ClassOption::nearLearner)
		.reversed()
		.thenComparing(Comparator.comparingInt(ClassOption::freeSeats).reversed())
		.thenComparing(ClassOption::code);

	ClassOption forLearner(LearnerNeed need) {
		return new ClassOption(code, name, municipality, districts, language, level, audience, seats, taken, offered,
				sessions, need.livesIn(districts));
	}

	ClassOption withOffered(int offered) {
		return new ClassOption(code, name, municipality, districts, language, level, audience, seats, taken, offered,
				sessions, nearLearner);
	}

	/** Whether the class teaches what the learner needs, where they live; the schedule aside. */
	boolean teaches(LearnerNeed need) {
		return language.equals(need.language()) && level == need.level() && audience == need.audience()
				&& municipality.equalsIgnoreCase(need.municipality());
	}

}
