package org.acolhida.housing;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.housing.WaitlistEntry.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * Ends the waiting for a bed: when it is cancelled (the referral was deleted), the case leaves the
 * waitlist, so that managers do not see households that nobody looks for a bed for. When room was
 * found the case stays listed until a shelter accepts it.
 * <p>
 * Reads {@code caseNumber}; writes no variables; raises nothing.
 */
@Component("withdrawCancelledWaitListener")
class WithdrawCancelledWaitListener implements ExecutionListener {

	private final HousingWaitlist waitlist;

	WithdrawCancelledWaitListener(HousingWaitlist waitlist) {
		this.waitlist = waitlist;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.isCanceled()) {
			waitlist.remove(CASE_NUMBER.from(execution).get(), Status.WITHDRAWN);
		}
	}

}
