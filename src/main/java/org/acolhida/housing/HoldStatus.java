package org.acolhida.housing;

/** Where a hold on beds stands. Only HELD counts towards a shelter's held beds. */
public enum HoldStatus {
	/** Beds promised to the case until the shelter answers or the hold expires. */
	HELD,
	/** The shelter accepted: the beds are occupied by a {@link Placement}. */
	CONFIRMED,
	/** Withdrawn or declined before the shelter accepted. */
	RELEASED,
	/** Nobody answered in time. */
	EXPIRED
}
