package org.acolhida.units;

/**
 * What a service unit is in the network. The entry doors are CRAS, CREAS and the integrated desks;
 * the others are where people are referred to.
 */
public enum UnitKind {
	/** Centro de Referência de Assistência Social: basic protection, one per territory. */
	CRAS,
	/** Centro de Referência Especializado: PAEFI, threatened children, socio-educational measures. */
	CREAS,
	/** Integrated desk for foreigners (sportello integrato), e.g. municipality with Caritas. */
	INTEGRATED_DESK,
	SHELTER,
	LITERACY_CLASS,
	SCHOOL,
	DOCUMENT_OFFICE,
	LEGAL_AID,
	HEALTH,
	PARTNER_ORGANISATION;

	/** Whether a family can walk in here and have a case opened. */
	public boolean isEntryDoor() {
		return this == CRAS || this == CREAS || this == INTEGRATED_DESK;
	}

}
