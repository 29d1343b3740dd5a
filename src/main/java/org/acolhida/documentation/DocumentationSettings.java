package org.acolhida.documentation;

import java.time.Duration;
import java.time.Period;
import java.util.Date;

import java.time.Clock;
import org.acolhida.expressions.ExposedToProtocols;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timings of documentation guidance, from {@code acolhida.documentation.*}: the follow-up of a
 * household gathering papers ({@code ${documentationSettings.followUp}}), when the outcome of an
 * appointment is asked for, how long before expiry a renewal is due, after how many no-shows the
 * coordinator steps in, and when tasks are due.
 */
@ExposedToProtocols
@Component("documentationSettings")
public class DocumentationSettings {

	private final String followUp;

	private final Duration outcomeAfter;

	private final Period renewalBefore;

	private final int noShowsToCoordinator;

	private final Duration taskDue;

	private final Clock clock;

	DocumentationSettings(@Value("${acolhida.documentation.follow-up:P14D}") String followUp,
			@Value("${acolhida.documentation.outcome-after:PT2H}") Duration outcomeAfter,
			@Value("${acolhida.documentation.renewal-before:P60D}") Period renewalBefore,
			@Value("${acolhida.documentation.no-shows-to-coordinator:2}") int noShowsToCoordinator,
			@Value("${acolhida.documentation.task-due:P7D}") Duration taskDue, Clock clock) {
		checkIsoDuration(followUp); // fail at startup, not at the first timer, on a bad setting
		if (noShowsToCoordinator < 1) {
			throw new IllegalArgumentException("acolhida.documentation.no-shows-to-coordinator must be at least 1");
		}
		this.followUp = followUp;
		this.outcomeAfter = outcomeAfter;
		this.renewalBefore = renewalBefore;
		this.noShowsToCoordinator = noShowsToCoordinator;
		this.taskDue = taskDue;
		this.clock = clock;
	}

	private static void checkIsoDuration(String value) {
		try {
			Period.parse(value);
		}
		catch (java.time.format.DateTimeParseException e) {
			Duration.parse(value);
		}
	}

	/** ISO 8601 duration of the follow-up timer on gathering papers, e.g. P14D. */
	public String getFollowUp() {
		return followUp;
	}

	/** How long after the appointment's start its outcome is asked for. */
	public Duration getOutcomeAfter() {
		return outcomeAfter;
	}

	/** How long before a document expires the renewal task opens. */
	public Period getRenewalBefore() {
		return renewalBefore;
	}

	/** No-shows after which the coordinator decides (issue 4: two). */
	public int getNoShowsToCoordinator() {
		return noShowsToCoordinator;
	}

	/** When a documentation task is due. */
	public Date due(Object scope) {
		return Date.from(clock.instant().plus(taskDue));
	}

}
