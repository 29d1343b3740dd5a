package org.acolhida.monthlyreport;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import org.acolhida.monthlyreport.MonthlyReportProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares the draft on the unit's first working day: counts the month with the unit's
 * {@link MonthlyCount}, stores every figure in {@code monthly_report_item} and puts what the review form
 * shows into the instance: per item of the form {@code item_<code>} (the count; unset where the
 * coordinator fills it), {@code counted_<code>} and {@code cases_<code>} (the case numbers behind it, as
 * text); the items that are no field (people by nationality) as lines of {@code breakdownText}.
 * <p>
 * Reads {@code reportId}, {@code unitCode}, {@code reportMonth}, {@code report}. Raises no BPMN error; a
 * report that is no longer a bean of the application is a fault.
 */
@Component("prepareDraftDelegate")
@ProvidesVariables({ Variables.BREAKDOWN })
class PrepareDraftDelegate implements JavaDelegate {

	private final UnitDirectory directory;

	private final MonthlyCounts counts;

	private final MonthlyReports reports;

	private final Clock clock;

	PrepareDraftDelegate(UnitDirectory directory, MonthlyCounts counts, MonthlyReports reports, Clock clock) {
		this.directory = directory;
		this.counts = counts;
		this.reports = reports;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceUnit unit = directory.unit(MonthlyReportProcess.UNIT_CODE.from(execution).get());
		YearMonth month = YearMonth.parse(MonthlyReportProcess.REPORT_MONTH.from(execution).get());
		String report = MonthlyReportProcess.REPORT.from(execution).get();
		MonthlyCount count = counts.named(report)
			.orElseThrow(() -> new IllegalStateException("No bean counts the report '" + report + "'"));
		List<Figure> figures = count.count(unit, month);
		reports.saveDraft(MonthlyReportProcess.REPORT_ID.from(execution).get(), figures, clock.instant());
		for (Figure figure : figures) {
			if (MonthlyReportProcess.isFormItem(figure.code())) {
				execution.setVariable(MonthlyReportProcess.itemField(figure.code()), figure.counted() ? figure.value() : null);
				execution.setVariable(MonthlyReportProcess.countedField(figure.code()), figure.counted());
				execution.setVariable(MonthlyReportProcess.casesField(figure.code()),
						figure.caseNumbers().isEmpty() ? "–" : String.join(", ", figure.caseNumbers()));
			}
		}
		execution.setVariable(Variables.BREAKDOWN, figures.stream()
			.filter(figure -> !MonthlyReportProcess.isFormItem(figure.code()))
			.map(figure -> figure.name() + ": " + figure.value())
			.collect(Collectors.joining("\n")));
	}

}
