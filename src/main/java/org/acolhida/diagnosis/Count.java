package org.acolhida.diagnosis;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A count as it leaves a unit's own view: the number itself, or hidden. In JSON a shown count is a
 * number and a hidden one a string: {@value #SMALL} for a count from 1 to 4, {@value #HIDDEN} for a
 * larger one hidden so that a total cannot give a small one away (see {@link SmallCounts}). Zero is
 * always shown: an empty cell reveals no family.
 *
 * @param value the true count; never serialised, only for the figures the application derives itself
 */
record Count(long value, Shown shown) {

	static final String SMALL = "< 5";

	static final String HIDDEN = "X";

	enum Shown {
		EXACT, SMALL, HIDDEN
	}

	static Count exact(long value) {
		return new Count(value, Shown.EXACT);
	}

	boolean hidden() {
		return shown != Shown.EXACT;
	}

	/** What JSON, CSV and the spreadsheet show: a number, or the marker of a hidden count. */
	@JsonValue
	Object published() {
		return switch (shown) {
			case EXACT -> value;
			case SMALL -> SMALL;
			case HIDDEN -> HIDDEN;
		};
	}

	@Override
	public String toString() {
		return String.valueOf(published());
	}

}
