package org.acolhida.monthlyreport;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.acolhida.errors.FieldErrors;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.language.FormMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Locks the month once the unit's coordinator confirms the review: every item of the form must hold a
 * whole number of at least zero (an item left to fill must be filled); the values that differ from the
 * count are stored as corrections, with who confirmed and when, and the report becomes
 * {@code CONFIRMED}. Nothing changes it afterwards; later changes to its cases show as a difference
 * ({@code GET /api/reports/monthly/{unit}/{month}}).
 * <p>
 * Reads {@code reportId}, {@code unitCode} and the form's {@code item_<code>}. Writes nothing to the
 * instance. Refuses the form ({@link FormMessages#refused}, the worker's language) for an empty or
 * negative item: the review task stays open and nothing is locked.
 */
@Component("confirmReportDelegate")
class ConfirmReportDelegate implements JavaDelegate {

	private final MonthlyReports reports;

	private final FormMessages messages;

	private final Clock clock;

	ConfirmReportDelegate(MonthlyReports reports, FormMessages messages, Clock clock) {
		this.reports = reports;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long id = MonthlyReportProcess.REPORT_ID.from(execution).get();
		String unitCode = MonthlyReportProcess.UNIT_CODE.from(execution).get();
		MonthlyReports.Report report = reports.find(id)
			.orElseThrow(() -> new IllegalStateException("Monthly report " + id + " is gone"));
		Map<String, Long> values = new LinkedHashMap<>();
		FieldErrors errors = new FieldErrors();
		for (MonthlyReports.Item item : report.items()) {
			if (!MonthlyReportProcess.isFormItem(item.code())) {
				continue;
			}
			String field = MonthlyReportProcess.itemField(item.code());
			Object value = execution.getVariable(field);
			if (value == null || (value instanceof String text && text.isBlank())) {
				errors.reject(field, "is required");
			}
			else if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
				errors.reject(field, "is not a number");
			}
			else if (number.longValue() < 0) {
				errors.reject(field, "must not be negative");
			}
			else {
				values.put(item.code(), number.longValue());
			}
		}
		try {
			errors.throwIfAny();
		}
		catch (InvalidInputException refused) {
			throw messages.refused(refused, unitCode);
		}
		reports.confirm(id, values, confirmedBy(execution), clock.instant());
	}

	/** Who completed the review: the engine's authenticated user of the completing request. */
	private static String confirmedBy(DelegateExecution execution) {
		Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (user == null || user.getUserId() == null) {
			throw new IllegalStateException("A monthly report is confirmed by a signed-in coordinator, and nobody is signed in");
		}
		return user.getUserId();
	}

}
