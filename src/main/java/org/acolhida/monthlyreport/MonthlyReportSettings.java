package org.acolhida.monthlyreport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

import org.acolhida.expressions.ExposedToProtocols;
import org.acolhida.units.OpeningHours.Opening;
import org.acolhida.units.ServiceUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timings of the monthly report, from {@code acolhida.monthly-report.*}: when the calendar opens a
 * month's reports ({@code ${monthlyReportSettings.nextMonthStart()}}) and which month that is
 * ({@code ${monthlyReportSettings.monthToReport()}}), when a unit's draft is prepared, when the report is
 * due and how long before that the reminder comes.
 */
@ExposedToProtocols
@Component("monthlyReportSettings")
public class MonthlyReportSettings {

	/**
	 * Noon UTC on the first of the month: the first everywhere the network works (Brazil is UTC-3, Italy
	 * UTC+1/+2), so that "the previous month" is the same month for every unit.
	 */
	private static final LocalTime CALENDAR_TIME = LocalTime.NOON;

	private final Period remindBefore;

	private final Clock clock;

	MonthlyReportSettings(@Value("${acolhida.monthly-report.remind-before:P10D}") Period remindBefore, Clock clock) {
		if (remindBefore.isNegative() || remindBefore.isZero()) {
			throw new IllegalArgumentException("acolhida.monthly-report.remind-before must be a positive period");
		}
		this.remindBefore = remindBefore;
		this.clock = clock;
	}

	/** When the calendar next opens the reports: the first of the next month, at noon UTC. */
	public Date nextMonthStart() {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
		LocalDate first = YearMonth.from(now).plusMonths(1).atDay(1);
		return Date.from(first.atTime(CALENDAR_TIME).atZone(ZoneOffset.UTC).toInstant());
	}

	/** The month the reports opened now are about: the one before the current month (UTC), YYYY-MM. */
	public String monthToReport() {
		return YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1).toString();
	}

	/** How long before the deadline the reminder comes (ISO 8601 period). */
	public Period getRemindBefore() {
		return remindBefore;
	}

	/**
	 * When the unit's draft is prepared: its first opening in the month after the one reported, by its
	 * opening hours and exceptions (a closure on the 1st moves it on). A unit whose hours the directory
	 * does not know gets it at the start of the 1st, in its time zone.
	 */
	Instant draftAt(ServiceUnit unit, YearMonth month) {
		ZoneId zone = unit.getZone();
		Instant first = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		return unit.hours().nextOpening(first).map(Opening::opens).map(ZonedDateTime::toInstant).orElse(first);
	}

	/** The deadline: the end of the month after the one reported, in the unit's time zone (the RMA's rule). */
	LocalDate dueDate(YearMonth month) {
		return month.plusMonths(1).atEndOfMonth();
	}

	Instant reviewDue(ServiceUnit unit, YearMonth month) {
		return dueDate(month).atTime(LocalTime.of(23, 59)).atZone(unit.getZone()).toInstant();
	}

	Instant reminderAt(ServiceUnit unit, YearMonth month) {
		return dueDate(month).minus(remindBefore).atStartOfDay(unit.getZone()).toInstant();
	}

}
