package org.acolhida.literacy;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.acolhida.units.WeeklySlot;

/**
 * A weekly interval of local time, {@code [opens, closes)} in minutes after midnight: when a learner
 * can come. Like a unit's hours it never crosses midnight. Written as text as
 * {@code "MONDAY 18:00-21:00"} (see {@link #parse}), which is how a form or a JSON variable carries it.
 */
public record WeeklyInterval(int dayOfWeek, int opensMinute, int closesMinute) implements WeeklySlot {

	private static final Pattern TEXT = Pattern
		.compile("\\s*([A-Za-z]+)\\s+([01]\\d|2[0-4]):([0-5]\\d)\\s*-\\s*([01]\\d|2[0-4]):([0-5]\\d)\\s*");

	public WeeklyInterval {
		if (dayOfWeek < 1 || dayOfWeek > 7) {
			throw new IllegalArgumentException("day of week must be 1 (Monday) to 7 (Sunday), not " + dayOfWeek);
		}
		if (opensMinute < 0 || opensMinute >= 1440 || closesMinute > 1440 || closesMinute <= opensMinute) {
			throw new IllegalArgumentException("an interval runs from 00:00 to 24:00 and ends after it starts, not "
					+ time(opensMinute) + "-" + time(closesMinute));
		}
	}

	public static WeeklyInterval of(DayOfWeek day, int opensMinute, int closesMinute) {
		return new WeeklyInterval(day.getValue(), opensMinute, closesMinute);
	}

	/** Reads {@code "MONDAY 18:00-21:00"}; the day in English, any case. */
	public static WeeklyInterval parse(String text) {
		Matcher matcher = text == null ? null : TEXT.matcher(text);
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a weekly interval such as MONDAY 18:00-21:00");
		}
		DayOfWeek day;
		try {
			day = DayOfWeek.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + matcher.group(1) + "' is not a day of the week, e.g. MONDAY");
		}
		int opens = Integer.parseInt(matcher.group(2)) * 60 + Integer.parseInt(matcher.group(3));
		int closes = Integer.parseInt(matcher.group(4)) * 60 + Integer.parseInt(matcher.group(5));
		return new WeeklyInterval(day.getValue(), opens, closes);
	}

	static WeeklyInterval copyOf(WeeklySlot slot) {
		return slot instanceof WeeklyInterval interval ? interval
				: new WeeklyInterval(slot.dayOfWeek(), slot.opensMinute(), slot.closesMinute());
	}

	@Override
	public String toString() {
		return day() + " " + time(opensMinute) + "-" + time(closesMinute);
	}

	private static String time(int minute) {
		return "%02d:%02d".formatted(minute / 60, minute % 60);
	}

}
