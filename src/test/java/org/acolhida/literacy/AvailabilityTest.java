package org.acolhida.literacy;

import java.util.List;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The placement form's checklists as weekly intervals, whoever submits them. */
class AvailabilityTest {

	@Test
	void shouldCombineEveryDayWithEveryTimeOfDay() {
		List<WeeklyInterval> intervals = Availability.of(List.of("MONDAY", "wednesday"), "AFTERNOON, EVENING");

		assertThat(intervals).extracting(WeeklyInterval::toString)
			.containsExactly("MONDAY 12:00-18:00", "MONDAY 18:00-23:00", "WEDNESDAY 12:00-18:00",
					"WEDNESDAY 18:00-23:00");
		// touching slots take a lesson across them
		assertThat(Schedule.fits(List.of(WeeklyInterval.parse("MONDAY 17:00-19:00")), intervals)).isTrue();
	}

	@Test
	void shouldReadTheJsonArraysTasklistSubmits() {
		assertThat(Availability.of(Spin.JSON("[\"TUESDAY\",\"THURSDAY\"]"), "[\"MORNING\"]"))
			.extracting(WeeklyInterval::toString)
			.containsExactly("TUESDAY 06:00-12:00", "THURSDAY 06:00-12:00");
	}

	@Test
	void shouldNameTheFieldOfAMissingOrUnknownChoice() {
		assertThatThrownBy(() -> Availability.of(null, "EVENING")).hasMessageStartingWith("availableDays:");
		assertThatThrownBy(() -> Availability.of("[]", "EVENING")).hasMessageStartingWith("availableDays:");
		assertThatThrownBy(() -> Availability.of("MONDAY", "")).hasMessageStartingWith("availableTimes:");
		assertThatThrownBy(() -> Availability.of("MOONDAY", "EVENING")).hasMessageContaining("'MOONDAY'");
		assertThatThrownBy(() -> Availability.of("MONDAY", "NIGHT")).hasMessageContaining("'NIGHT'");
	}

	@Test
	void shouldSendSchoolAgeChildrenToSchoolAndLeaveToddlersOut() {
		LiteracySettings settings = new LiteracySettings("P7D", "P7D", 6, 17);

		assertThat(settings.isLearnerAge(5)).isFalse();
		assertThat(settings.isSchoolAge(6)).isTrue();
		assertThat(settings.isSchoolAge(17)).isTrue();
		assertThat(settings.isSchoolAge(18)).isFalse();
		assertThat(settings.isLearnerAge(18)).isTrue();
		assertThatThrownBy(() -> new LiteracySettings("P7D", "one week", 6, 17)).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> new LiteracySettings("P7D", "P7D", 12, 6)).hasMessageContaining("school-age");
	}

}
