package org.acolhida.reception;

import org.acolhida.units.UnitKind;

/**
 * What a generic referral is for, and the kind of unit that takes it. Most are named after their unit
 * (CREAS, legal aid, health); the Cadastro Único and the BPC are done at or through the CRAS itself, so
 * those referrals go to the CRAS responsible for the family's district, which may be the very unit
 * that received the family (the worker then books it in the CRAS's own agenda).
 */
public enum ReferralKind {

	CREAS(UnitKind.CREAS), LEGAL_AID(UnitKind.LEGAL_AID), HEALTH(UnitKind.HEALTH),
	PARTNER_ORGANISATION(UnitKind.PARTNER_ORGANISATION),

	/** Inclusion of a family not registered in the Cadastro Único (RMA CRAS item C.2). */
	CADUNICO_INCLUSION(UnitKind.CRAS),

	/** Update of a family's out-of-date Cadastro Único registration (RMA CRAS item C.3). */
	CADUNICO_UPDATE(UnitKind.CRAS),

	/** Access to the BPC for an elderly or disabled member (RMA CRAS item C.4). */
	BPC(UnitKind.CRAS);

	private final UnitKind unitKind;

	ReferralKind(UnitKind unitKind) {
		this.unitKind = unitKind;
	}

	public UnitKind unitKind() {
		return unitKind;
	}

	/** Whether the referral is simply "to a unit of that kind", and is named as the unit kind is. */
	boolean isUnitKind() {
		return name().equals(unitKind.name());
	}

}
