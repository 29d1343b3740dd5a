package org.acolhida.reception;

import java.util.ArrayList;
import java.util.List;

import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.units.UnitKind;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The referrals outside the three referral processes that the triage decided, as {@link ReferralKind}s: the
 * collection of the generic-referral subprocess ({@code ${genericReferrals.of(execution)}}), so
 * that no list variable is stored. Reads {@code referCreas}, {@code referLegalAid},
 * {@code referHealth}, {@code referCadUnicoInclusion}, {@code referCadUnicoUpdate}, {@code referBpc}.
 */
@ExposedToProtocols
@Component("genericReferrals")
public class GenericReferrals {

	public List<String> of(VariableScope scope) {
		List<String> kinds = new ArrayList<>();
		if (flag(scope, Variables.REFER_CREAS)) {
			kinds.add(UnitKind.CREAS.name());
		}
		if (flag(scope, Variables.REFER_LEGAL_AID)) {
			kinds.add(UnitKind.LEGAL_AID.name());
		}
		if (flag(scope, Variables.REFER_HEALTH)) {
			kinds.add(UnitKind.HEALTH.name());
		}
		if (flag(scope, Variables.REFER_CAD_UNICO_INCLUSION)) {
			kinds.add(ReferralKind.CADUNICO_INCLUSION.name());
		}
		if (flag(scope, Variables.REFER_CAD_UNICO_UPDATE)) {
			kinds.add(ReferralKind.CADUNICO_UPDATE.name());
		}
		if (flag(scope, Variables.REFER_BPC)) {
			kinds.add(ReferralKind.BPC.name());
		}
		return kinds;
	}

	/** Whether any generic referral is due: the condition of the flow into the subprocess. */
	public boolean any(VariableScope scope) {
		return !of(scope).isEmpty();
	}

	private static boolean flag(VariableScope scope, String name) {
		return Boolean.TRUE.equals(scope.getVariable(name));
	}

}
