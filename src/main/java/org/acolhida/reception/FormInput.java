package org.acolhida.reception;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.acolhida.system.InvalidInputException;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Reads what Camunda Forms submit (strings, booleans, dates as "2026-05-01") and turns refused
 * input into an error that the engine's REST API answers with 400 and Tasklist shows above the
 * form; the transaction rolls back, so nothing of the submission stays.
 */
final class FormInput {

	private FormInput() {
	}

	static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	static boolean flag(Object value) {
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
	}

	static List<String> list(Object value) {
		String text = text(value);
		return text == null ? List.of()
				: Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	/** A date from a form (ISO text) or from Java (LocalDate, Date); a malformed one is refused. */
	static LocalDate date(Object value, String field) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
		}
		String text = value.toString().trim();
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "is not a date (expected YYYY-MM-DD): '" + text + "'");
		}
	}

	static BadUserRequestException refused(InvalidInputException e) {
		return new BadUserRequestException("Please correct: " + e.getMessage());
	}

}
