package org.acolhida.housing;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.FormMessages;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.staff.Role;
import org.acolhida.errors.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * The shelter declined: releases the hold and records the decline, so that this shelter is not
 * offered the case again.
 * <p>
 * Reads {@code holdId}, {@code chosenShelter}, {@code declineReason}. Writes {@code holdOutcome}
 * ({@code DECLINED}) and {@code referralProblem} (shown on the next choice). Raises
 * a form refusal ({@link FormMessages#refused}) when the reason is missing: the shelter's task stays open with
 * the message and nothing is written.
 */
@Component("recordDeclineDelegate")
@ProvidesVariables({ Variables.HOLD_OUTCOME, Variables.REFERRAL_PROBLEM })
class RecordDeclineDelegate implements JavaDelegate {

	static final String DECLINED = "DECLINED";

	private final ShelterCapacity capacity;

	private final FormMessages messages;

	private final ComposedTexts texts;

	RecordDeclineDelegate(ShelterCapacity capacity, FormMessages messages, ComposedTexts texts) {
		this.texts = texts;
		this.messages = messages;
		this.capacity = capacity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = ReferralActor.text(execution.getVariable(Variables.DECLINE_REASON));
		if (reason == null) {
			throw messages.refused(new InvalidInputException(Variables.DECLINE_REASON, "is required when declining"),
					UNIT_CODE.from(execution).getOrNull());
		}
		String shelter = HousingReferralProcess.CHOSEN_SHELTER.from(execution).get();
		long holdId = HousingReferralProcess.HOLD_ID.from(execution).get();
		capacity.decline(holdId, reason, ReferralActor.of(execution, Role.SHELTER.at(shelter)));
		execution.setVariable(Variables.HOLD_OUTCOME, DECLINED);
		execution.setVariable(Variables.REFERRAL_PROBLEM,
				texts.forCase(execution).text("referralProblem.declined", execution.getVariable(Variables.SHELTER_NAME), reason));
	}

}
