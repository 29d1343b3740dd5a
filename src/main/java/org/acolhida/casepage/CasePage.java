package org.acolhida.casepage;

import java.util.List;
import java.util.Map;

/**
 * What a worker of the owning unit reads about a case from any of its tasks, every text already in
 * the worker's language: the household, what the triage decided and where the person goes next, the
 * referrals and their state, the open tasks and the next appointments. It holds nothing only an
 * auditor may read: no document numbers, no listening notes, no history of who did what.
 *
 * @param labels the page's headings and column names, so that the page itself holds no text
 */
record CasePage(String language, String caseNumber, String unit, String status, String openedOn, String district,
		boolean interpreterNeeded, Map<String, String> labels, List<Person> household, Triage triage,
		List<Referral> referrals, List<OpenTask> openTasks, List<Appointment> appointments) {

	/** A member of the household; {@code age} in whole years today. */
	record Person(String name, String relation, String born, int age, String nationality, List<String> languages) {
	}

	/**
	 * The triage's decision, once the listening is done ({@code decided}): the priority and the
	 * referrals it started, and where each referral to another service sends the person.
	 */
	record Triage(boolean decided, String priority, List<String> referralsStarted, List<NextStop> nextStops) {
	}

	/** A service the person is referred to: its kind, name, address and contact, and when it next opens. */
	record NextStop(String kind, String unit, String where, String nextOpening) {
	}

	/** A referral process of the case: its name, its state, and what it has reached (facts). */
	record Referral(String name, String state, String since, List<String> facts) {
	}

	/** An open task of the case: its name, who has it (or the desk that may take it), when it is due. */
	record OpenTask(String name, String who, String due) {
	}

	/** An appointment ahead: what for, and when (in the place's time zone). */
	record Appointment(String what, String when) {
	}

}
