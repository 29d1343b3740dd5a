package org.acolhida.rma;

import java.util.List;

import org.acolhida.monthlyreport.Figure;

/** What one item's query counted: the figure and the cases behind it, in case-number order. */
record Counted(long value, List<String> cases) {

	Figure as(String code, String block, String name) {
		return new Figure(code, block, name, value, true, cases);
	}

}
