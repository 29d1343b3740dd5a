package org.acolhida.monthlyreport;

import org.acolhida.expressions.ExposedToProtocols;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The review form of a report, {@code ${monthlyReportForms.of(execution)}}: {@code monthly-report-<report>},
 * e.g. {@code monthly-report-rma-cras}. One form per report, since its items are a fixed set of fields.
 */
@ExposedToProtocols
@Component("monthlyReportForms")
public class MonthlyReportForms {

	static final String PREFIX = "monthly-report-";

	public String of(VariableScope scope) {
		return PREFIX + MonthlyReportProcess.REPORT.from(scope).get();
	}

}
