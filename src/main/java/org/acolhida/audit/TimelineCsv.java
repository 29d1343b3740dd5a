package org.acolhida.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.acolhida.export.CsvWriter;

/**
 * A case's timeline as CSV, written by {@link CsvWriter}: RFC 4180, and text that a spreadsheet would
 * run as a formula shown as text, since the export is meant to be opened in one and its text comes
 * from what people typed.
 */
final class TimelineCsv {

	static final String HEADER = "time,end,kind,type,process,process instance,element,what,who,details";

	private TimelineCsv() {
	}

	static String of(List<TimelineEntry> timeline) {
		CsvWriter csv = new CsvWriter(Arrays.asList(HEADER.split(",")));
		for (TimelineEntry entry : timeline) {
			csv.row(time(entry.at()), time(entry.end()), entry.kind().name(), entry.type(), entry.process(),
					entry.processInstanceId(), entry.activityId(), entry.what(), entry.who(), entry.details());
		}
		return csv.toString();
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
