package org.acolhida.housing;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.Words;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * The shelter accepted: confirms the hold into a placement (the beds become occupied; the
 * placement table records where the household sleeps and since when; the case leaves the
 * waitlist).
 * <p>
 * Reads {@code holdId}. Writes {@code placed}, and when placed {@code placementId} and
 * {@code placedSince} (and {@code placedSinceText}, the day in the case unit's words and zone); when
 * the hold had ended meanwhile (released or expired by someone else)
 * {@code placed = false} and {@code referralProblem}, and the diagram searches again. Raises
 * {@link IllegalArgumentException} for an unknown hold id (a fault).
 */
@Component("confirmPlacementDelegate")
@ProvidesVariables({ Variables.PLACED, Variables.PLACEMENT_ID, Variables.PLACED_SINCE, Variables.PLACED_SINCE_TEXT,
		Variables.REFERRAL_PROBLEM })
class ConfirmPlacementDelegate implements JavaDelegate {

	private final ShelterCapacity capacity;

	private final ComposedTexts texts;

	private final UnitDirectory units;

	ConfirmPlacementDelegate(ShelterCapacity capacity, ComposedTexts texts, UnitDirectory units) {
		this.texts = texts;
		this.units = units;
		this.capacity = capacity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long holdId = HousingReferralProcess.HOLD_ID.from(execution).get();
		Optional<Placement> placement = capacity.confirm(holdId);
		Words words = texts.forCase(execution);
		execution.setVariable(Variables.PLACED, placement.isPresent());
		if (placement.isPresent()) {
			execution.setVariable(Variables.PLACEMENT_ID, placement.get().id());
			execution.setVariable(Variables.PLACED_SINCE, Date.from(placement.get().since()));
			execution.setVariable(Variables.PLACED_SINCE_TEXT, words.date(LocalDate.ofInstant(placement.get().since(),
					units.unit(UNIT_CODE.from(execution).get()).getZone())));
			execution.setVariable(Variables.REFERRAL_PROBLEM, null);
		}
		else {
			BedHold hold = capacity.findHold(holdId).orElseThrow();
			execution.setVariable(Variables.HOLD_OUTCOME, hold.status().name());
			execution.setVariable(Variables.REFERRAL_PROBLEM, words.text("referralProblem.ended",
					execution.getVariable(Variables.SHELTER_NAME), words.word("holdStatus", hold.status())));
		}
	}

}
