package org.acolhida.housing;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.housing.WaitlistEntry.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * The coordinator found housing outside the network: the case leaves the waitlist (WITHDRAWN).
 * Reads {@code caseNumber}; writes no variables; a case no longer waiting is left alone.
 */
@Component("withdrawFromWaitlistDelegate")
class WithdrawFromWaitlistDelegate implements JavaDelegate {

	private final HousingWaitlist waitlist;

	WithdrawFromWaitlistDelegate(HousingWaitlist waitlist) {
		this.waitlist = waitlist;
	}

	@Override
	public void execute(DelegateExecution execution) {
		waitlist.remove(CASE_NUMBER.from(execution).get(), Status.WITHDRAWN);
	}

}
