package org.acolhida.diagnosis;

import java.util.ArrayList;
import java.util.List;

import org.acolhida.export.CsvWriter;

/**
 * A table of the diagnosis as CSV, by the application's one CSV writer (RFC 4180, spreadsheet
 * formulas guarded): the headings and words the page shows, then the figures. A hidden count is
 * written as the page shows it ({@value Count#SMALL} or {@value Count#HIDDEN}); a withheld time is
 * empty.
 */
final class DiagnosisCsv {

	private DiagnosisCsv() {
	}

	static String write(Table table) {
		CsvWriter csv = new CsvWriter(header(table));
		for (Table.Row row : table.rows()) {
			csv.row(cells(row));
		}
		return csv.toString();
	}

	static List<String> header(Table table) {
		List<String> header = new ArrayList<>(table.keys());
		header.addAll(table.figures());
		return header;
	}

	/** The row's words, then its figures: numbers as numbers, hidden counts as their marker. */
	static Object[] cells(Table.Row row) {
		List<Object> cells = new ArrayList<>(row.labels());
		for (Object value : row.values()) {
			cells.add(value instanceof Count count ? count.published() : value);
		}
		return cells.toArray();
	}

}
