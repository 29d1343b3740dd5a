package org.acolhida.housing;

import java.util.Date;
import java.util.Optional;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The shelter accepted: confirms the hold into a placement (the beds become occupied; the
 * placement table records where the household sleeps and since when; the case leaves the
 * waitlist).
 * <p>
 * Reads {@code holdId}. Writes {@code placed}, and when placed {@code placementId} and
 * {@code placedSince}; when the hold had ended meanwhile (released or expired by someone else)
 * {@code placed = false} and {@code referralProblem}, and the diagram searches again. Raises
 * {@link IllegalArgumentException} for an unknown hold id (a fault).
 */
@Component("confirmPlacementDelegate")
@ProvidesVariables({ Variables.PLACED, Variables.PLACEMENT_ID, Variables.PLACED_SINCE, Variables.REFERRAL_PROBLEM })
class ConfirmPlacementDelegate implements JavaDelegate {

	private final ShelterCapacity capacity;

	ConfirmPlacementDelegate(ShelterCapacity capacity) {
		this.capacity = capacity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long holdId = HousingReferralProcess.HOLD_ID.from(execution).get();
		Optional<Placement> placement = capacity.confirm(holdId);
		execution.setVariable(Variables.PLACED, placement.isPresent());
		if (placement.isPresent()) {
			execution.setVariable(Variables.PLACEMENT_ID, placement.get().id());
			execution.setVariable(Variables.PLACED_SINCE, Date.from(placement.get().since()));
			execution.setVariable(Variables.REFERRAL_PROBLEM, null);
		}
		else {
			BedHold hold = capacity.findHold(holdId).orElseThrow();
			execution.setVariable(Variables.HOLD_OUTCOME, hold.status().name());
			execution.setVariable(Variables.REFERRAL_PROBLEM, "The hold at " + hold.shelterCode() + " had ended ("
					+ hold.status() + ", " + hold.endReason() + ") before the shelter accepted: choose again");
		}
	}

}
