package org.acolhida.monthlyreport;

import java.time.YearMonth;
import java.util.Date;

import org.acolhida.monthlyreport.MonthlyReportProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans one unit's month: which report it sends, a {@code PLANNED} row in {@code monthly_report} (a
 * second instance for the same unit and month fails here, on the table's key), when the draft is
 * prepared (the unit's first working day of the next month), when the report is due and when the
 * reminder comes.
 * <p>
 * Reads {@code unitCode} and {@code reportMonth}. Writes {@code report}, {@code reportId}, {@code unitName},
 * {@code draftAt}, {@code reviewDue}, {@code reviewDueText} and {@code reminderAt}. A unit that sends no
 * report, or a month that is not YYYY-MM, is a fault of whoever started the instance (an exception, no
 * BPMN error).
 */
@Component("planMonthlyReportDelegate")
@ProvidesVariables({ Variables.REPORT, Variables.REPORT_ID, Variables.UNIT_NAME, Variables.DRAFT_AT,
		Variables.REVIEW_DUE, Variables.REVIEW_DUE_TEXT, Variables.REMINDER_AT })
class PlanMonthlyReportDelegate implements JavaDelegate {

	private final UnitDirectory directory;

	private final MonthlyCounts counts;

	private final MonthlyReports reports;

	private final MonthlyReportSettings settings;

	PlanMonthlyReportDelegate(UnitDirectory directory, MonthlyCounts counts, MonthlyReports reports,
			MonthlyReportSettings settings) {
		this.directory = directory;
		this.counts = counts;
		this.reports = reports;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceUnit unit = directory.unit(MonthlyReportProcess.UNIT_CODE.from(execution).get());
		YearMonth month = YearMonth.parse(MonthlyReportProcess.REPORT_MONTH.from(execution).get());
		MonthlyCount count = counts.forUnit(unit)
			.orElseThrow(() -> new IllegalStateException(unit.getCode() + " is a " + unit.getKind() + " in "
					+ unit.getCountry() + ": no monthly report is made for it"));
		long id = reports.plan(unit.getCode(), month, count.report(), execution.getProcessInstanceId());
		MonthlyReportProcess.REPORT.on(execution).set(count.report());
		MonthlyReportProcess.REPORT_ID.on(execution).set(id);
		execution.setVariable(Variables.UNIT_NAME, unit.getName());
		MonthlyReportProcess.DRAFT_AT.on(execution).set(Date.from(settings.draftAt(unit, month)));
		MonthlyReportProcess.REVIEW_DUE.on(execution).set(Date.from(settings.reviewDue(unit, month)));
		execution.setVariable(Variables.REVIEW_DUE_TEXT, settings.dueDate(month).toString());
		MonthlyReportProcess.REMINDER_AT.on(execution).set(Date.from(settings.reminderAt(unit, month)));
	}


}
