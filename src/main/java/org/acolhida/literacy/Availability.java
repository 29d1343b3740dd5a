package org.acolhida.literacy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.acolhida.errors.InvalidInputException;
import org.camunda.spin.json.SpinJsonNode;

import static org.acolhida.literacy.LiteracyEnrollmentProcess.Variables.AVAILABLE_DAYS;
import static org.acolhida.literacy.LiteracyEnrollmentProcess.Variables.AVAILABLE_TIMES;

/**
 * Turns the placement form's two checklists (days, and times of day on those days) into the weekly
 * intervals {@link LearnerNeed} takes: every chosen day with every chosen time slot. The slots touch
 * (06:00-12:00, 12:00-18:00, 18:00-23:00), so a lesson from 17:00 to 19:00 fits a learner free in
 * the afternoon and the evening. A checklist arrives as a JSON array, a Java list or comma-separated
 * text, depending on who completes the task (Tasklist, REST, Java).
 */
final class Availability {

	enum Slot {

		MORNING(6 * 60, 12 * 60), AFTERNOON(12 * 60, 18 * 60), EVENING(18 * 60, 23 * 60);

		final int opens;

		final int closes;

		Slot(int opens, int closes) {
			this.opens = opens;
			this.closes = closes;
		}

	}

	private Availability() {
	}

	/**
	 * @throws InvalidInputException on the field when a day or time is unknown or none is chosen
	 */
	static List<WeeklyInterval> of(Object days, Object times) {
		List<String> dayNames = values(days);
		List<String> slotNames = values(times);
		if (dayNames.isEmpty()) {
			throw new InvalidInputException(AVAILABLE_DAYS, "choose at least one");
		}
		if (slotNames.isEmpty()) {
			throw new InvalidInputException(AVAILABLE_TIMES, "choose at least one");
		}
		List<WeeklyInterval> intervals = new ArrayList<>();
		for (String dayName : dayNames) {
			DayOfWeek day;
			try {
				day = DayOfWeek.valueOf(dayName.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException(AVAILABLE_DAYS,
						"'" + dayName + "' is not one of " + Arrays.toString(DayOfWeek.values()));
			}
			for (String slotName : slotNames) {
				Slot slot;
				try {
					slot = Slot.valueOf(slotName.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInputException(AVAILABLE_TIMES,
							"'" + slotName + "' is not one of " + Arrays.toString(Slot.values()));
				}
				intervals.add(WeeklyInterval.of(day, slot.opens, slot.closes));
			}
		}
		return intervals;
	}

	static List<String> values(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof SpinJsonNode node) {
			if (node.isArray()) {
				return node.elements().stream().map(SpinJsonNode::stringValue).filter(s -> !s.isBlank()).toList();
			}
			return values(node.isString() ? node.stringValue() : node.toString());
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isBlank()).toList();
		}
		String text = value.toString().strip();
		if (text.startsWith("[")) {
			text = text.substring(1, text.endsWith("]") ? text.length() - 1 : text.length());
		}
		return Arrays.stream(text.split("[,;\\s]+"))
			.map(s -> s.replace("\"", "").strip())
			.filter(s -> !s.isBlank())
			.toList();
	}

}
