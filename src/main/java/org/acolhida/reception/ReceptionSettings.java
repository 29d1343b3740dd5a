package org.acolhida.reception;

import java.time.Duration;
import java.time.Period;
import java.util.Date;

import java.time.Clock;
import org.acolhida.expressions.ExposedToProtocols;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reception's timings, from {@code acolhida.reception.*}: how long after the referrals the
 * follow-up interview comes ({@code ${receptionSettings.followUp}} in the timer), and the due and
 * follow-up dates of tasks by priority ({@code ${receptionSettings.due(execution)}}). Before the
 * triage the person is at the desk: tasks are due as if IMMEDIATE.
 */
@ExposedToProtocols
@Component("receptionSettings")
public class ReceptionSettings {

	private final String followUp;

	private final Duration dueImmediate;

	private final Duration dueHigh;

	private final Duration dueNormal;

	private final Clock clock;

	ReceptionSettings(@Value("${acolhida.reception.follow-up:P30D}") String followUp,
			@Value("${acolhida.reception.due.immediate:PT4H}") Duration dueImmediate,
			@Value("${acolhida.reception.due.high:P3D}") Duration dueHigh,
			@Value("${acolhida.reception.due.normal:P10D}") Duration dueNormal, Clock clock) {
		Period.parse(followUp); // fail at startup, not at the first timer, on a bad setting
		this.followUp = followUp;
		this.dueImmediate = dueImmediate;
		this.dueHigh = dueHigh;
		this.dueNormal = dueNormal;
		this.clock = clock;
	}

	/** ISO 8601 duration of the follow-up timer, e.g. P30D. */
	public String getFollowUp() {
		return followUp;
	}

	/** When a task is due: by the case's priority, or soon while the person is at the desk. */
	public Date due(VariableScope scope) {
		return after(timeFor(scope));
	}

	/** When to look at a task again: half way to its due date. */
	public Date followUpDate(VariableScope scope) {
		return after(timeFor(scope).dividedBy(2));
	}

	Duration timeFor(VariableScope scope) {
		String priority = ReceptionProcess.PRIORITY.from(scope).getOrNull();
		if (priority == null) {
			return dueImmediate;
		}
		return switch (priority) {
			case "IMMEDIATE" -> dueImmediate;
			case "HIGH" -> dueHigh;
			default -> dueNormal;
		};
	}

	private Date after(Duration duration) {
		return Date.from(clock.instant().plus(duration));
	}

}
