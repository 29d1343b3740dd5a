package org.acolhida.diagnosis;

import java.util.List;

/**
 * One table of the diagnosis, as the page, the CSV and the spreadsheet show it: columns that say what
 * a row is about (a unit, a month, a nationality…, in the reader's words) and columns of figures.
 *
 * @param id stable name of the table, also the name of its download ({@code people-by-nationality})
 * @param title what it counts, in the reader's language
 * @param keys headings of the columns that describe a row
 * @param figures headings of the columns of figures
 */
record Table(String id, String title, List<String> keys, List<String> figures, List<Row> rows) {

	/**
	 * @param codes what the key columns stand for, as stored (a unit code, an ISO language code), for
	 *        clients that join tables; the page shows {@code labels}
	 * @param labels the key columns in the reader's words
	 * @param values a {@link Count} for a count, a number for a time, {@code null} where a time is
	 *        withheld because it would describe fewer than five cases
	 */
	record Row(List<String> codes, List<String> labels, List<Object> values) {
	}

}
