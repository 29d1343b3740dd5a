package org.acolhida.audit;

import java.time.Instant;
import java.util.List;

/**
 * A case's timeline as CSV (RFC 4180): a header line, CRLF line ends, fields with commas, quotes or
 * line breaks in double quotes, quotes doubled. Text that a spreadsheet would run as a formula (it
 * begins with =, +, -, @, tab or CR) gets a leading apostrophe, since the export is meant to be opened
 * in one and its text comes from what people typed.
 */
final class TimelineCsv {

	static final String HEADER = "time,end,kind,type,process,process instance,element,what,who,details";

	private TimelineCsv() {
	}

	static String of(List<TimelineEntry> timeline) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (TimelineEntry entry : timeline) {
			line(csv, time(entry.at()), time(entry.end()), entry.kind().name(), text(entry.type()), text(entry.process()),
					text(entry.processInstanceId()), text(entry.activityId()), text(entry.what()), text(entry.who()),
					text(entry.details()));
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, String... fields) {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(fields[i]));
		}
		csv.append("\r\n");
	}

	static String field(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

	private static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
