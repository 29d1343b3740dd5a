package org.acolhida.housing;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * The household left its shelter (recorded by the housing worker, or the message
 * {@code housing-exit}): ends its current placement and frees the beds.
 * <p>
 * Reads {@code caseNumber} and {@code departureReason} (optional). Writes {@code bedsFreed} (how
 * many beds this call freed; 0 when the placement had ended already, e.g. on a retry).
 */
@Component("freeBedsDelegate")
@ProvidesVariables("bedsFreed")
class FreeBedsDelegate implements JavaDelegate {

	private final ShelterCapacity capacity;

	FreeBedsDelegate(ShelterCapacity capacity) {
		this.capacity = capacity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = ReferralActor.text(execution.getVariable(Variables.DEPARTURE_REASON));
		int freed = capacity.exit(CASE_NUMBER.from(execution).get(), reason).stream()
			.mapToInt(Placement::beds).sum();
		execution.setVariable("bedsFreed", freed);
	}

}
