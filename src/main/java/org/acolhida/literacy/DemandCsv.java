package org.acolhida.literacy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.acolhida.export.CsvWriter;

/**
 * The demand report as CSV, written by {@link CsvWriter}: RFC 4180, UTF-8 as the response declares,
 * and a district or municipality that a spreadsheet would run as a formula shown as text (both are
 * typed in by staff from what a learner says).
 */
final class DemandCsv {

	static final String HEADER = "municipality,district,language,level,audience,learners,offered,"
			+ "oldest_waiting_since,median_days_waited,max_days_waited";

	private DemandCsv() {
	}

	static String write(List<DemandReport.DemandGroup> groups) {
		CsvWriter csv = new CsvWriter(Arrays.asList(HEADER.split(",")));
		for (DemandReport.DemandGroup group : groups) {
			csv.row(group.municipality(), group.district(), group.language(), group.level().name(),
					group.audience().name(), group.learners(), group.offered(),
					group.oldestWaitingSince() == null ? null : group.oldestWaitingSince().toString(),
					BigDecimal.valueOf(group.medianDaysWaited()).stripTrailingZeros(), group.maxDaysWaited());
		}
		return csv.toString();
	}

}
