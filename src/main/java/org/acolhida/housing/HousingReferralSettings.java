package org.acolhida.housing;

import java.time.Duration;

import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The referral's timings from {@code acolhida.housing.referral.*}, for the diagram's timers:
 * {@code ${housingReferralSettings.recheck}} (how often a waitlisted case looks again, besides
 * every time beds are freed) and {@code ${housingReferralSettings.escalateAfter(execution)}} (how
 * long a case waits before its coordinator gets an escalation task; shorter when immediate).
 */
@ExposedToProtocols
@Component("housingReferralSettings")
public class HousingReferralSettings {

	private final Duration recheck;

	private final Duration escalateAfter;

	private final Duration escalateImmediateAfter;

	HousingReferralSettings(@Value("${acolhida.housing.referral.recheck:P1D}") Duration recheck,
			@Value("${acolhida.housing.referral.escalate-after:PT24H}") Duration escalateAfter,
			@Value("${acolhida.housing.referral.escalate-immediate-after:PT2H}") Duration escalateImmediateAfter) {
		// fail at startup, not at the first timer
		for (Duration duration : new Duration[] { recheck, escalateAfter, escalateImmediateAfter }) {
			if (duration.isZero() || duration.isNegative()) {
				throw new IllegalArgumentException("acolhida.housing.referral.* durations must be positive, not "
						+ duration);
			}
		}
		this.recheck = recheck;
		this.escalateAfter = escalateAfter;
		this.escalateImmediateAfter = escalateImmediateAfter;
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
		return flag(scope.getVariable(Variables.IMMEDIATE_HOUSING))
				|| flag(scope.getVariable(Variables.SLEEPING_ROUGH_TONIGHT));
	}

	static boolean flag(Object value) {
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
	}

}
