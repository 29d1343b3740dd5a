package org.acolhida.housing;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.acolhida.expressions.ExposedToProtocols;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.acolhida.housing.HousingReferralProcess.IMMEDIATE_HOUSING;
import static org.acolhida.housing.HousingReferralProcess.PRIORITY;
import static org.acolhida.housing.HousingReferralProcess.SLEEPING_ROUGH_TONIGHT;

/**
 * The referral's timings from {@code acolhida.housing.referral.*}, for the diagram's timers and
 * tasks: {@code ${housingReferralSettings.recheck}} (how often a waitlisted case looks again, besides
 * every time beds are freed), {@code ${housingReferralSettings.escalateAfter(execution)}} (how long a
 * case waits before its coordinator gets an escalation task; shorter when immediate) and
 * {@code ${housingReferralSettings.due(execution)}} with {@code followUpDate(execution)}: the due and
 * follow-up dates of the housing tasks by the triage's priority, on the engine's clock.
 */
@ExposedToProtocols
@Component("housingReferralSettings")
public class HousingReferralSettings {

	/** The triage's priorities, as reception hands them over. */
	static final String IMMEDIATE = "IMMEDIATE";

	static final String HIGH = "HIGH";

	static final String NORMAL = "NORMAL";

	private final Duration recheck;

	private final Duration escalateAfter;

	private final Duration escalateImmediateAfter;

	private final Duration dueImmediate;

	private final Duration dueHigh;

	private final Duration dueNormal;

	private final Clock clock;

	HousingReferralSettings(@Value("${acolhida.housing.referral.recheck:P1D}") Duration recheck,
			@Value("${acolhida.housing.referral.escalate-after:PT24H}") Duration escalateAfter,
			@Value("${acolhida.housing.referral.escalate-immediate-after:PT2H}") Duration escalateImmediateAfter,
			@Value("${acolhida.housing.referral.due.immediate:PT4H}") Duration dueImmediate,
			@Value("${acolhida.housing.referral.due.high:P3D}") Duration dueHigh,
			@Value("${acolhida.housing.referral.due.normal:P7D}") Duration dueNormal, Clock clock) {
		// fail at startup, not at the first timer or task
		for (Duration duration : new Duration[] { recheck, escalateAfter, escalateImmediateAfter, dueImmediate,
				dueHigh, dueNormal }) {
			if (duration.isZero() || duration.isNegative()) {
				throw new IllegalArgumentException("acolhida.housing.referral.* durations must be positive, not "
						+ duration);
			}
		}
		this.recheck = recheck;
		this.escalateAfter = escalateAfter;
		this.escalateImmediateAfter = escalateImmediateAfter;
		this.dueImmediate = dueImmediate;
		this.dueHigh = dueHigh;
		this.dueNormal = dueNormal;
		this.clock = clock;
	}

	/** ISO 8601 duration between two looks at the shelters while waitlisted, e.g. PT24H. */
	public String getRecheck() {
		return recheck.toString();
	}

	/** ISO 8601 duration a waitlisted case waits before escalation: shorter for immediate cases. */
	public String escalateAfter(VariableScope scope) {
		return (isImmediate(scope) ? escalateImmediateAfter : escalateAfter).toString();
	}

	/** Sleeping rough tonight: emergency placement at once, shorter escalation. */
	public boolean isImmediate(VariableScope scope) {
		return IMMEDIATE_HOUSING.from(scope).getOrDefault(false) || SLEEPING_ROUGH_TONIGHT.from(scope).getOrDefault(false);
	}

	/** When a housing task is due: within hours for an immediate household, in days otherwise. */
	public Date due(VariableScope scope) {
		return after(timeFor(scope));
	}

	/** When to look at a housing task again: half way to its due date. */
	public Date followUpDate(VariableScope scope) {
		return after(timeFor(scope).dividedBy(2));
	}

	/**
	 * The time a task of this referral gets. A household sleeping rough tonight is immediate whatever
	 * the priority says; a referral without a priority (none should come so) is treated as HIGH: housing
	 * is asked for because the household needs a bed, and a lost referral waiting ten days is worse than
	 * one looked at early.
	 */
	Duration timeFor(VariableScope scope) {
		if (isImmediate(scope)) {
			return dueImmediate;
		}
		return switch (PRIORITY.from(scope).getOrDefault(HIGH)) {
			case IMMEDIATE -> dueImmediate;
			case NORMAL -> dueNormal;
			default -> dueHigh;
		};
	}

	/** A form's tick, whether Tasklist stored it as a Boolean or as text. */
	static boolean flag(Object value) {
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
	}

	private Date after(Duration duration) {
		return Date.from(clock.instant().plus(duration));
	}

}
