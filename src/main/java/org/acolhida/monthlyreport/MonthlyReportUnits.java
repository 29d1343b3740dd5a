package org.acolhida.monthlyreport;

import java.time.YearMonth;
import java.util.List;

import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collection of the calendar's multi-instance call activity,
 * {@code ${monthlyReportUnits.due(execution)}}: the codes of the active entry doors (CRAS, CREAS,
 * integrated desks) that send a report and have none yet for the month in {@code reportMonth}, by code.
 * A unit already reported (a second calendar, a month opened by hand) is not opened twice.
 */
@ExposedToProtocols
@Component("monthlyReportUnits")
public class MonthlyReportUnits {

	private final JdbcClient db;

	private final UnitDirectory directory;

	private final MonthlyCounts counts;

	private final MonthlyReports reports;

	MonthlyReportUnits(JdbcClient db, UnitDirectory directory, MonthlyCounts counts, MonthlyReports reports) {
		this.db = db;
		this.directory = directory;
		this.counts = counts;
		this.reports = reports;
	}

	public List<String> due(VariableScope scope) {
		YearMonth month = YearMonth.parse(MonthlyReportProcess.REPORT_MONTH.from(scope).get());
		// The directory's look-ups find a unit by code or by what it serves; the entry doors as a list
		// are one small query on its table.
		return db.sql("""
				SELECT code FROM service_unit
				WHERE active AND kind IN ('CRAS', 'CREAS', 'INTEGRATED_DESK') ORDER BY code""")
			.query(String.class)
			.list()
			.stream()
			.filter(code -> counts.forUnit(directory.unit(code)).isPresent())
			.filter(code -> !reports.exists(code, month))
			.toList();
	}

}
