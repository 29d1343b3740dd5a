package org.acolhida.literacy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The demand report as CSV (RFC 4180): a header row, comma-separated fields, CRLF line ends, and
 * fields that hold a comma, a double quote or a line break enclosed in double quotes with inner
 * quotes doubled ("Vila Nova, Éden"). UTF-8, as the response declares.
 */
final class DemandCsv {

	static final String HEADER = "municipality,district,language,level,audience,learners,offered,"
			+ "oldest_waiting_since,median_days_waited,max_days_waited";

	private DemandCsv() {
	}

	static String write(List<DemandReport.DemandGroup> groups) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (DemandReport.DemandGroup group : groups) {
			csv.append(field(group.municipality())).append(',')
				.append(field(group.district())).append(',')
				.append(field(group.language())).append(',')
				.append(group.level().name()).append(',')
				.append(group.audience().name()).append(',')
				.append(group.learners()).append(',')
				.append(group.offered()).append(',')
				.append(group.oldestWaitingSince()).append(',')
				.append(BigDecimal.valueOf(group.medianDaysWaited()).stripTrailingZeros().toPlainString()).append(',')
				.append(group.maxDaysWaited())
				.append("\r\n");
		}
		return csv.toString();
	}

	static String field(String value) {
		if (value == null) {
			return "";
		}
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
