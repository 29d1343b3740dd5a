package org.acolhida.housing;

import java.time.Clock;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Ends the shelter's answer step: when it is cancelled (the referral was deleted, e.g. the case was
 * closed) while the beds are still held and not yet due, they go back to the pool at once instead of
 * staying held forever. Not when the shelter answered (the diagram confirms or declines) nor when the
 * hold's own timer fired (the hold is due; {@link ExpireHoldDelegate} expires it).
 * <p>
 * Reads {@code holdId}; writes no variables; raises nothing.
 */
@Component("releaseCancelledHoldListener")
class ReleaseCancelledHoldListener implements ExecutionListener {

	private final ShelterCapacity capacity;

	private final Clock clock;

	ReleaseCancelledHoldListener(ShelterCapacity capacity, Clock clock) {
		this.clock = clock;
		this.capacity = capacity;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Object holdId = execution.getVariable(Variables.HOLD_ID);
		if (!execution.isCanceled() || !(holdId instanceof Number id)) {
			return;
		}
		capacity.findHold(id.longValue())
			.filter(BedHold::isHeld)
			.filter(hold -> hold.expiresAt().isAfter(clock.instant()))
			.ifPresent(hold -> capacity.release(hold.id(), "referral cancelled"));
	}

}
