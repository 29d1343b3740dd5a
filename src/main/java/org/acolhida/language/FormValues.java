package org.acolhida.language;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.acolhida.errors.InvalidInputException;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what Camunda Forms submit — text, booleans, dates as "2026-05-01", times as "09:30", lists as
 * JSON arrays — and what Java callers pass for the same fields. A malformed value is refused with an
 * {@link InvalidInputException} naming the field; each feature turns it into the refusal its forms
 * show.
 */
public final class FormValues {

	private FormValues() {
	}

	public static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	public static boolean flag(Object value) {
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
	}

	/** Codes typed in one field, e.g. languages "pt, es ht": separated by commas, semicolons or spaces. */
	public static List<String> codes(Object value) {
		return list(value).stream().flatMap(item -> java.util.Arrays.stream(item.split("[;\\s]+")))
			.filter(code -> !code.isBlank())
			.toList();
	}

	/** A list from a form's checklist (JSON array), from Java (a collection) or comma separated text. */
	public static List<String> list(Object value) {
		List<String> items = new ArrayList<>();
		if (value instanceof SpinJsonNode json && json.isArray()) {
			json.elements().forEach(e -> items.add(e.isString() ? e.stringValue() : e.toString()));
		}
		else if (value instanceof Collection<?> collection) {
			collection.forEach(e -> items.add(String.valueOf(e)));
		}
		else if (text(value) != null) {
			String text = text(value);
			if (text.startsWith("[")) {
				return list(Spin.JSON(text));
			}
			items.addAll(List.of(text.split(",")));
		}
		return items.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	/** A date from a form (ISO text) or from Java (LocalDate, Date); a malformed one is refused. */
	public static LocalDate date(Object value, String field) {
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
			// Without the text: a refusal reaches the engine's log, and a date on a form is often a birth date.
			throw new InvalidInputException(field, "is not a date (expected YYYY-MM-DD)");
		}
	}

	/** A time of day from a form ("09:30", "9:30", "09:30:00"); a malformed one is refused. */
	public static LocalTime time(Object value, String field) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			String padded = text.length() == 4 && text.charAt(1) == ':' ? "0" + text : text;
			return LocalTime.parse(padded.length() > 8 ? padded.substring(0, 8) : padded);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "is not a time of day (expected HH:MM): '" + text + "'");
		}
	}


}
