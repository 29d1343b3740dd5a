package org.acolhida.housing;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The shelter did not answer before the hold ran out (the boundary timer at {@code holdExpiresAt}):
 * the beds go back to the pool.
 * <p>
 * Reads {@code holdId}, {@code shelterName}. Writes {@code holdOutcome} ({@code EXPIRED}) and
 * {@code referralProblem}. A hold that another step ended already is left as it is; one the clock
 * does not yet see as due (clocks a little apart) is released instead, since the timer has spoken.
 */
@Component("expireHoldDelegate")
@ProvidesVariables({ Variables.HOLD_OUTCOME, Variables.REFERRAL_PROBLEM })
class ExpireHoldDelegate implements JavaDelegate {

	static final String EXPIRED = "EXPIRED";

	private final ShelterCapacity capacity;

	private final ComposedTexts texts;

	ExpireHoldDelegate(ShelterCapacity capacity, ComposedTexts texts) {
		this.texts = texts;
		this.capacity = capacity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long holdId = HousingReferralProcess.HOLD_ID.from(execution).get();
		if (!capacity.expire(holdId)) {
			capacity.release(holdId, "no answer before the referral's timer");
		}
		execution.setVariable(Variables.HOLD_OUTCOME, EXPIRED);
		execution.setVariable(Variables.REFERRAL_PROBLEM,
				texts.forCase(execution).text("referralProblem.expired", execution.getVariable(Variables.SHELTER_NAME)));
	}

}
