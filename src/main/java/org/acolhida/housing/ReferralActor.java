package org.acolhida.housing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts in a referral step: the signed-in worker who completed the task, else a workgroup. */
final class ReferralActor {

	private ReferralActor() {
	}

	static String of(DelegateExecution execution, String fallback) {
		Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return current == null || current.getUserId() == null ? fallback : current.getUserId();
	}

	static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

}
