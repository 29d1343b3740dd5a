package org.acolhida.units;

import java.time.DayOfWeek;

/**
 * A recurring weekly interval, in minutes after local midnight: {@code [opens, closes)}. An interval
 * never crosses midnight; hours across midnight are two slots, the first ending at 24:00 (1440).
 */
public interface WeeklySlot {

	int dayOfWeek();

	int opensMinute();

	int closesMinute();

	default DayOfWeek day() {
		return DayOfWeek.of(dayOfWeek());
	}

	default boolean contains(int minuteOfDay) {
		return opensMinute() <= minuteOfDay && minuteOfDay < closesMinute();
	}

	default boolean overlaps(WeeklySlot other) {
		return dayOfWeek() == other.dayOfWeek() && opensMinute() < other.closesMinute()
				&& other.opensMinute() < closesMinute();
	}

}
