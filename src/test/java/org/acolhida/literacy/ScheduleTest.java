package org.acolhida.literacy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleTest {

	private static List<WeeklyInterval> slots(String... text) {
		return Arrays.stream(text).map(WeeklyInterval::parse).toList();
	}

	@Test
	void shouldFitLessonsInsideTheLearnersTimes() {
		assertThat(Schedule.fits(slots("MONDAY 18:30-20:30", "WEDNESDAY 18:30-20:30"),
				slots("MONDAY 18:00-21:00", "WEDNESDAY 18:30-20:30", "FRIDAY 08:00-12:00")))
			.isTrue();
	}

	@Test
	void shouldRefuseWhenOneLessonFallsOutside() {
		// Monday fits, Wednesday ends after the learner must leave.
		assertThat(Schedule.fits(slots("MONDAY 18:30-20:30", "WEDNESDAY 18:30-20:30"),
				slots("MONDAY 18:00-21:00", "WEDNESDAY 18:00-20:00")))
			.isFalse();
		// Same hours, another day.
		assertThat(Schedule.fits(slots("TUESDAY 18:30-20:30"), slots("MONDAY 18:00-21:00"))).isFalse();
		// Starts before the learner can come.
		assertThat(Schedule.fits(slots("MONDAY 17:59-20:00"), slots("MONDAY 18:00-21:00"))).isFalse();
	}

	@Test
	void shouldJoinTouchingAndOverlappingTimes() {
		assertThat(Schedule.fits(slots("MONDAY 18:30-20:30"), slots("MONDAY 19:00-21:00", "MONDAY 18:00-19:00")))
			.isTrue();
		assertThat(Schedule.fits(slots("MONDAY 09:00-12:00"), slots("MONDAY 08:00-10:00", "MONDAY 09:30-12:00")))
			.isTrue();
		// A gap of one minute is a gap.
		assertThat(Schedule.fits(slots("MONDAY 18:30-20:30"), slots("MONDAY 18:00-19:00", "MONDAY 19:01-21:00")))
			.isFalse();
		assertThat(Schedule.merged(slots("MONDAY 19:00-21:00", "MONDAY 18:00-19:00", "SUNDAY 00:00-24:00")))
			.containsExactly(WeeklyInterval.parse("MONDAY 18:00-21:00"), WeeklyInterval.parse("SUNDAY 00:00-24:00"));
	}

	@Test
	void shouldFitNobodyToAClassWithoutLessons() {
		assertThat(Schedule.fits(List.of(), slots("MONDAY 00:00-24:00"))).isFalse();
	}

	@Test
	void shouldReadAndRefuseIntervalsAsText() {
		assertThat(WeeklyInterval.parse(" friday 08:30 - 12:00 ")).isEqualTo(new WeeklyInterval(5, 510, 720));
		assertThat(WeeklyInterval.parse("SUNDAY 20:00-24:00").toString()).isEqualTo("SUNDAY 20:00-24:00");
		for (String wrong : new String[] { "FUNDAY 08:00-09:00", "MONDAY 10:00-09:00", "MONDAY 24:00-24:00",
				"MONDAY 8-9", null }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> WeeklyInterval.parse(wrong));
		}
	}

}
