package org.acolhida.monthlyreport;

import java.util.List;

/**
 * One item of a monthly report.
 *
 * @param code the item's code in the official form, e.g. {@code C.1}
 * @param block the official block it belongs to, e.g. {@code C}
 * @param name the item's official name, in the report's own language (the ministry's wording for the RMA)
 * @param value the count, or {@code null} where the workflow cannot know it and the coordinator fills it
 * @param counted whether the workflow counted it (false: for the coordinator to fill)
 * @param caseNumbers the cases behind the count, for the unit's own review; never leaves the unit
 */
public record Figure(String code, String block, String name, Long value, boolean counted, List<String> caseNumbers) {

	public Figure {
		caseNumbers = caseNumbers == null ? List.of() : List.copyOf(caseNumbers);
	}

	/** An item the workflow cannot know, left for the coordinator. */
	public static Figure toFill(String code, String block, String name) {
		return new Figure(code, block, name, null, false, List.of());
	}

}
