package org.acolhida.monthlyreport;

import java.time.YearMonth;
import java.util.Date;
import java.util.regex.Pattern;

import org.acolhida.variables.CaseVariables;
import org.acolhida.variables.ProcessVariable;

import static org.acolhida.variables.ProcessVariable.dateVariable;
import static org.acolhida.variables.ProcessVariable.longVariable;
import static org.acolhida.variables.ProcessVariable.stringVariable;

/**
 * The {@code monthly-report} process ({@code processes/monthly-report.bpmn}), one instance per entry door
 * and month with the business key {@code <unit code>/<YYYY-MM>}, e.g. {@code SOR-CRAS-NORTE/2026-11}; and
 * the {@code monthly-report-calendar} ({@code processes/monthly-report-calendar.bpmn}) that starts them on
 * the first of every month. Element ids, messages and variable names are the contract with the tests and
 * the review forms.
 * <p>
 * The review forms are one per report ({@code monthly-report-<report>.form}), because form-js in
 * Tasklist 7.24 cannot complete a form with a dynamic list: each item is a number field whose key follows
 * the item's code ({@code C.1} → {@code item_C_1}), beside {@code counted_C_1} (whether the workflow
 * counted it) and {@code cases_C_1} (the cases behind it, as text).
 */
public final class MonthlyReportProcess {

	public static final String KEY = "monthly-report";

	public static final String CALENDAR_KEY = "monthly-report-calendar";

	/** Starts the calendar: sent once by the application when no calendar is running. */
	public static final String CALENDAR_MESSAGE = "monthly-report-calendar-opened";

	/** Items shown as a field of the review form: one letter, a dot, a number ({@code C.1}). */
	private static final Pattern FORM_ITEM = Pattern.compile("[A-Z]\\.[0-9]+");

	public static final ProcessVariable<String> UNIT_CODE = CaseVariables.UNIT_CODE;

	public static final ProcessVariable<String> REPORT_MONTH = stringVariable(Variables.REPORT_MONTH);

	public static final ProcessVariable<String> REPORT = stringVariable(Variables.REPORT);

	public static final ProcessVariable<Long> REPORT_ID = longVariable(Variables.REPORT_ID);

	public static final ProcessVariable<Date> DRAFT_AT = dateVariable(Variables.DRAFT_AT);

	public static final ProcessVariable<Date> REVIEW_DUE = dateVariable(Variables.REVIEW_DUE);

	public static final ProcessVariable<Date> REMINDER_AT = dateVariable(Variables.REMINDER_AT);

	private MonthlyReportProcess() {
	}

	/** The business key of one unit's month. */
	public static String businessKey(String unitCode, YearMonth month) {
		return unitCode + "/" + month;
	}

	/** Whether an item is a field of the review form (the nationality breakdown, e.g., is text). */
	static boolean isFormItem(String code) {
		return FORM_ITEM.matcher(code).matches();
	}

	/** The form field of an item's value: {@code C.1} → {@code item_C_1}. */
	static String itemField(String code) {
		return "item_" + code.replace('.', '_');
	}

	static String countedField(String code) {
		return "counted_" + code.replace('.', '_');
	}

	static String casesField(String code) {
		return "cases_" + code.replace('.', '_');
	}

	/** Element ids of both diagrams. */
	public static final class Elements {

		public static final String START = "start_monthly_report";

		public static final String PLAN = "service_plan_report";

		public static final String FIRST_WORKING_DAY = "timer_first_working_day";

		public static final String PREPARE_DRAFT = "service_prepare_draft";

		public static final String REVIEW = "task_review_report";

		public static final String REMINDER = "timer_review_reminder";

		public static final String GW_REMIND = "gw_remind";

		public static final String REMIND_COORDINATOR = "task_remind_coordinator";

		public static final String END_REMINDED = "end_reminder_read";

		public static final String FOLLOW_UP = "task_follow_up_report";

		public static final String END_FOLLOWED_UP = "end_follow_up_done";

		public static final String CONFIRM = "service_confirm_report";

		public static final String END_LOCKED = "end_month_locked";

		// the calendar
		public static final String CALENDAR_START = "start_calendar";

		public static final String GW_NEXT_MONTH = "gw_next_month";

		public static final String MONTH_START = "timer_month_start";

		public static final String CHOOSE_MONTH = "service_choose_month";

		public static final String GW_OPEN_MONTH = "gw_open_month";

		public static final String OPEN_REPORTS = "call_monthly_reports";

		public static final String END_MONTH_OPENED = "end_month_reports_done";

		private Elements() {
		}

	}

	/** Process variable names. */
	public static final class Variables {

		public static final String UNIT_CODE = CaseVariables.UNIT_CODE_NAME;

		/** The calendar month reported, YYYY-MM. */
		public static final String REPORT_MONTH = "reportMonth";

		/** The report's name, a {@link MonthlyCount#report()}: chooses the review form. */
		public static final String REPORT = "report";

		/** The row of {@code monthly_report}. */
		public static final String REPORT_ID = "reportId";

		/** The unit's name, for the forms' heading. */
		public static final String UNIT_NAME = "unitName";

		/** When the draft is prepared: the unit's first opening of the following month. */
		public static final String DRAFT_AT = "draftAt";

		/** The deadline: the end of the month after the one reported. */
		public static final String REVIEW_DUE = "reviewDue";

		/** The deadline as the unit's date, YYYY-MM-DD, for the forms. */
		public static final String REVIEW_DUE_TEXT = "reviewDueText";

		/** When the coordinators and managers are reminded: {@code acolhida.monthly-report.remind-before} earlier. */
		public static final String REMINDER_AT = "reminderAt";

		/** Breakdowns that are no fixed field (people by nationality), as lines of text. */
		public static final String BREAKDOWN = "breakdownText";

		/** The managers' notes when following up a late report. */
		public static final String FOLLOW_UP_NOTES = "followUpNotes";

		private Variables() {
		}

	}

}
