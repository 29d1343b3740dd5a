package org.acolhida.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every CSV export the application writes: RFC 4180 (a header record, CRLF after every record,
 * fields with a comma, a semicolon, a double quote or a line break in double quotes, inner quotes
 * doubled), as UTF-8 text for the response to declare.
 * <p>
 * The exports are meant to be opened in a spreadsheet, and their text comes from what people typed
 * (a learner's district, a transfer's reason, a variable's name). A spreadsheet runs a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula
 * ({@code =HYPERLINK(...)} sends a click to anyone's server, DDE starts programs), so such text gets
 * a leading apostrophe, as OWASP's "CSV Injection" page recommends: the cell shows the text, and
 * runs nothing. Numbers are written as numbers (a negative count stays a number); only text is
 * guarded. Semicolons are quoted because a spreadsheet in a Portuguese or Italian locale splits
 * fields on them, which would start a new cell in the middle of a text.
 * <p>
 * Not thread-safe; one writer per export.
 */
public final class CsvWriter {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final StringBuilder csv = new StringBuilder();

	private final int columns;

	/** A writer whose first record is the header. */
	public CsvWriter(List<String> header) {
		this.columns = header.size();
		record(header.toArray());
	}

	/**
	 * Adds a record. Each cell is text (a {@link CharSequence}, or any other object by its
	 * {@code toString()}, guarded), a {@link Number} (written as is, {@link BigDecimal} in plain
	 * notation), or {@code null} for an empty field.
	 *
	 * @throws IllegalArgumentException when the record has not as many cells as the header
	 */
	public CsvWriter row(Object... cells) {
		if (cells.length != columns) {
			throw new IllegalArgumentException(
					"A record of " + cells.length + " cells in a CSV of " + columns + " columns");
		}
		record(cells);
		return this;
	}

	/** The CSV written so far. */
	@Override
	public String toString() {
		return csv.toString();
	}

	private void record(Object[] cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(cell(cells[i]));
		}
		csv.append("\r\n");
	}

	/** One field as it is written between the commas. */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		return quoted(guarded(value.toString()));
	}

	/** Text that a spreadsheet would run as a formula, shown as text instead. */
	static String guarded(String text) {
		return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	private static String quoted(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == ';' || c == '"' || c == '\r' || c == '\n') {
				return '"' + text.replace("\"", "\"\"") + '"';
			}
		}
		return text;
	}

}
