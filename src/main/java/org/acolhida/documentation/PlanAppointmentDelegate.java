package org.acolhida.documentation;

import java.time.Clock;
import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.errors.FieldErrors;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.OpeningHours.Opening;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Plans the timers of an appointment at the issuing office.
 * <p>
 * Reads {@code appointmentDate}, {@code appointmentTime} (local time at the office, or at the case's
 * unit when the office was found by hand), {@code officeCode} and {@code unitCode}. Writes, into the
 * trail, {@code appointmentAt}, {@code reminderAt} (the opening of the case's unit on the working
 * day before: the last day before the appointment on which the unit is open, so weekends and the
 * unit's closing days are skipped; never earlier than now) and {@code outcomeDueAt} (the
 * appointment plus {@code acolhida.documentation.outcome-after}) and {@code appointmentText} (day and
 * time at the office, in the words of the case unit's language, for the forms). Raises
 * a form refusal (REST 400, see {@link FormMessages#refused}) for a missing or malformed date or time, or
 * an appointment that is not in the future: the form stays open with the message.
 */
@Component("planAppointmentDelegate")
@ProvidesVariables({ Variables.APPOINTMENT_AT, Variables.REMINDER_AT, Variables.OUTCOME_DUE_AT,
		Variables.APPOINTMENT_TEXT })
class PlanAppointmentDelegate implements JavaDelegate {

	/** How far back a working day is looked for (a summer closing may last weeks), else Monday to Friday. */
	private static final int DAYS_TO_LOOK_BACK = 31;

	private static final LocalTime FALLBACK_REMINDER_TIME = LocalTime.of(9, 0);

	private final UnitDirectory units;

	private final DocumentationSettings settings;

	private final FormMessages messages;

	private final Clock clock;

	private final ComposedTexts texts;

	PlanAppointmentDelegate(UnitDirectory units, DocumentationSettings settings, FormMessages messages, Clock clock,
			ComposedTexts texts) {
		this.texts = texts;
		this.clock = clock;
		this.messages = messages;
		this.units = units;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String ownerCode = UNIT_CODE.from(execution).get();
		String officeCode = FormValues.text(execution.getVariable(Variables.OFFICE_CODE));
		ZoneId zone = units.unit(officeCode != null && units.isActive(officeCode) ? officeCode : ownerCode).getZone();
		Instant now = clock.instant();
		ZonedDateTime appointment;
		try {
			FieldErrors errors = new FieldErrors();
			LocalDate date = FormValues.date(execution.getVariable(Variables.APPOINTMENT_DATE), Variables.APPOINTMENT_DATE);
			LocalTime time = FormValues.time(execution.getVariable(Variables.APPOINTMENT_TIME), Variables.APPOINTMENT_TIME);
			if (date == null) {
				errors.reject(Variables.APPOINTMENT_DATE, "is required");
			}
			if (time == null) {
				errors.reject(Variables.APPOINTMENT_TIME, "is required");
			}
			errors.throwIfAny();
			appointment = date.atTime(time).atZone(zone);
			if (!appointment.toInstant().isAfter(now)) {
				throw new InvalidInputException(Variables.APPOINTMENT_DATE, "must be in the future");
			}
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, UNIT_CODE.from(execution).getOrNull());
		}
		Instant reminder = workingDayBefore(ownerCode, appointment.toLocalDate());
		execution.setVariable(Variables.APPOINTMENT_AT, Date.from(appointment.toInstant()));
		execution.setVariable(Variables.APPOINTMENT_TEXT,
				texts.forUnit(execution, ownerCode).dateTime(appointment.toInstant(), zone));
		execution.setVariable(Variables.REMINDER_AT, Date.from(reminder.isBefore(now) ? now : reminder));
		execution.setVariable(Variables.OUTCOME_DUE_AT,
				Date.from(appointment.toInstant().plus(settings.getOutcomeAfter())));
	}

	/** When the case's unit opens on the last day before {@code day} that it is open at all. */
	Instant workingDayBefore(String unitCode, LocalDate day) {
		ZoneId zone = units.unit(unitCode).getZone();
		for (int back = 1; back <= DAYS_TO_LOOK_BACK; back++) {
			LocalDate candidate = day.minusDays(back);
			ZonedDateTime startOfDay = candidate.atStartOfDay(zone);
			Optional<Opening> opening = units.nextOpening(unitCode, startOfDay.toInstant());
			if (opening.isPresent() && opening.get().opens().withZoneSameInstant(zone).toLocalDate().isEqual(candidate)) {
				return opening.get().opens().toInstant();
			}
			if (opening.isPresent() && opening.get().openNow()) {
				return startOfDay.toInstant();
			}
		}
		LocalDate fallback = day.minusDays(1);
		while (fallback.getDayOfWeek() == DayOfWeek.SATURDAY || fallback.getDayOfWeek() == DayOfWeek.SUNDAY) {
			fallback = fallback.minusDays(1);
		}
		return fallback.atTime(FALLBACK_REMINDER_TIME).atZone(zone).toInstant();
	}

}
