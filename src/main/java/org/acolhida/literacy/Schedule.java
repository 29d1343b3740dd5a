package org.acolhida.literacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.acolhida.units.WeeklySlot;

/** Whether a class's weekly lessons fit into the times a learner can come. */
final class Schedule {

	private Schedule() {
	}

	/**
	 * Whether every lesson lies wholly inside the learner's availability. Intervals of the learner
	 * that touch or overlap count as one (18:00-19:00 and 19:00-21:00 take a 18:30-20:30 lesson). A
	 * class without lessons fits nobody: we could not tell the learner when to come.
	 */
	static boolean fits(List<? extends WeeklySlot> lessons, List<? extends WeeklySlot> availability) {
		if (lessons.isEmpty()) {
			return false;
		}
		List<WeeklyInterval> free = merged(availability);
		for (WeeklySlot lesson : lessons) {
			boolean inside = false;
			for (WeeklyInterval slot : free) {
				if (slot.dayOfWeek() == lesson.dayOfWeek() && slot.opensMinute() <= lesson.opensMinute()
						&& lesson.closesMinute() <= slot.closesMinute()) {
					inside = true;
					break;
				}
			}
			if (!inside) {
				return false;
			}
		}
		return true;
	}

	/** The intervals by day and start, with those that touch or overlap joined. */
	static List<WeeklyInterval> merged(List<? extends WeeklySlot> slots) {
		List<WeeklySlot> sorted = new ArrayList<>(slots);
		sorted.sort(Comparator.comparingInt(WeeklySlot::dayOfWeek).thenComparingInt(WeeklySlot::opensMinute));
		List<WeeklyInterval> merged = new ArrayList<>();
		for (WeeklySlot slot : sorted) {
			WeeklyInterval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.dayOfWeek() == slot.dayOfWeek() && slot.opensMinute() <= last.closesMinute()) {
				merged.set(merged.size() - 1, new WeeklyInterval(last.dayOfWeek(), last.opensMinute(),
						Math.max(last.closesMinute(), slot.closesMinute())));
			}
			else {
				merged.add(WeeklyInterval.copyOf(slot));
			}
		}
		return merged;
	}

}
