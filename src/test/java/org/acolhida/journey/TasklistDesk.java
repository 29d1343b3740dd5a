package org.acolhida.journey;

import java.util.function.Predicate;

import org.acolhida.support.Browser;

/**
 * A worker's {@link Desk} for browser tests of other features: the same sign-in, lists and task
 * opening as the journeys (never a task by id or URL), nothing else and nothing changed.
 */
public final class TasklistDesk {

	private final Desk desk;

	private TasklistDesk(Desk desk) {
		this.desk = desk;
	}

	/** {@code worker} signed in to Tasklist in {@code browser}, reading {@code language}; {@code test} names screenshots. */
	public static TasklistDesk signIn(Browser browser, String worker, String language, String test) {
		return new TasklistDesk(new Desk(browser, worker, language, new Effort(test), new Desk.Shots(test)).signIn());
	}

	/** Opens the list from the filters on the left whose name passes {@code named}. */
	public TasklistDesk openList(String description, Predicate<String> named) {
		desk.openList(description, named);
		return this;
	}

	/** Opens (and claims if need be) the task of {@code step} for the case, found in the open list. */
	public TasklistDesk openTask(String step, String caseNumber) {
		desk.openTask(step, caseNumber);
		return this;
	}

	public Browser browser() {
		return desk.browser();
	}

}
