package org.acolhida.units;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.acolhida.units.OpeningHours.Opening;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening hours in the unit's own time zone, with exceptions and hours across midnight. */
class OpeningHoursTest {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	/** Cremona's Caritas legal desk: Thursday 15:00-17:00. */
	static final OpeningHours LEGAL_DESK = new OpeningHours(ROME,
			List.of(new OpeningInterval(DayOfWeek.THURSDAY.getValue(), 15 * 60, 17 * 60)), List.of());

	/** A night shelter's door: Friday 20:00 to Saturday 02:00, entered as two intervals. */
	static final OpeningHours NIGHT_DOOR = new OpeningHours(SAO_PAULO,
			List.of(new OpeningInterval(DayOfWeek.FRIDAY.getValue(), 20 * 60, 1440),
					new OpeningInterval(DayOfWeek.SATURDAY.getValue(), 0, 2 * 60)),
			List.of());

	static Instant at(ZoneId zone, LocalDate date, int hour, int minute) {
		return ZonedDateTime.of(date.atTime(hour, minute), zone).toInstant();
	}

	static LocalDate next(DayOfWeek day) {
		return LocalDate.of(2026, 3, 2).with(TemporalAdjusters.nextOrSame(day));
	}

	@Test
	void shouldBeOpenOnThursdayAtHalfPastThreeInCremona() {
		assertThat(LEGAL_DESK.isOpenAt(at(ROME, next(DayOfWeek.THURSDAY), 15, 30))).isTrue();
	}

	@Test
	void shouldBeClosedOnThursdayAtHalfPastFiveAndNextOpenTheThursdayAfter() {
		LocalDate thursday = next(DayOfWeek.THURSDAY);
		Instant halfPastFive = at(ROME, thursday, 17, 30);

		assertThat(LEGAL_DESK.isOpenAt(halfPastFive)).isFalse();
		Opening opening = LEGAL_DESK.nextOpening(halfPastFive).orElseThrow();
		assertThat(opening.opens().toLocalDateTime()).isEqualTo(thursday.plusWeeks(1).atTime(15, 0));
		assertThat(opening.closes().toLocalDateTime()).isEqualTo(thursday.plusWeeks(1).atTime(17, 0));
		assertThat(opening.openNow()).isFalse();
	}

	@Test
	void shouldCloseAtTheEndOfTheIntervalItself() {
		assertThat(LEGAL_DESK.isOpenAt(at(ROME, next(DayOfWeek.THURSDAY), 17, 0))).isFalse();
		assertThat(LEGAL_DESK.isOpenAt(at(ROME, next(DayOfWeek.THURSDAY), 15, 0))).isTrue();
	}

	@Test
	void shouldReportTheOpeningUnderWayWhenAlreadyOpen() {
		Instant during = at(ROME, next(DayOfWeek.THURSDAY), 16, 10);

		Opening opening = LEGAL_DESK.nextOpening(during).orElseThrow();

		assertThat(opening.openNow()).isTrue();
		assertThat(opening.opens().toInstant()).isEqualTo(during);
		assertThat(opening.closes().toLocalTime()).hasToString("17:00");
	}

	@Test
	void shouldStayOpenAcrossMidnight() {
		LocalDate friday = next(DayOfWeek.FRIDAY);

		assertThat(NIGHT_DOOR.isOpenAt(at(SAO_PAULO, friday, 23, 30))).isTrue();
		assertThat(NIGHT_DOOR.isOpenAt(at(SAO_PAULO, friday.plusDays(1), 1, 0))).isTrue();
		assertThat(NIGHT_DOOR.isOpenAt(at(SAO_PAULO, friday.plusDays(1), 3, 0))).isFalse();
		assertThat(NIGHT_DOOR.isOpenAt(at(SAO_PAULO, friday, 19, 59))).isFalse();
	}

	@Test
	void shouldTreatTouchingIntervalsAcrossMidnightAsOneOpening() {
		LocalDate friday = next(DayOfWeek.FRIDAY);

		Opening opening = NIGHT_DOOR.nextOpening(at(SAO_PAULO, friday, 18, 0)).orElseThrow();

		assertThat(opening.opens().toLocalDateTime()).isEqualTo(friday.atTime(20, 0));
		assertThat(opening.closes().toLocalDateTime()).isEqualTo(friday.plusDays(1).atTime(2, 0));
	}

	@Test
	void shouldAnswerInTheUnitsTimeZoneWhateverTheCallersZone() {
		LocalDate thursday = next(DayOfWeek.THURSDAY);
		// 11:30 in São Paulo is 15:30 in Rome in March (UTC-3 and UTC+1): the legal desk is open.
		Instant elevenThirtyInSaoPaulo = at(SAO_PAULO, thursday, 11, 30);
		assertThat(LEGAL_DESK.isOpenAt(elevenThirtyInSaoPaulo)).isTrue();
		// 15:30 in São Paulo is 19:30 in Rome: closed.
		assertThat(LEGAL_DESK.isOpenAt(at(SAO_PAULO, thursday, 15, 30))).isFalse();
	}

	@Test
	void shouldFollowRomesSummerTime() {
		// Rome is UTC+2 in summer: 13:30 UTC on a July Thursday is 15:30 in Rome.
		LocalDate julyThursday = LocalDate.of(2026, 7, 2);
		assertThat(julyThursday.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
		assertThat(LEGAL_DESK.isOpenAt(at(ZoneId.of("UTC"), julyThursday, 13, 30))).isTrue();
		assertThat(LEGAL_DESK.isOpenAt(at(ZoneId.of("UTC"), julyThursday, 15, 30))).isFalse();
	}

	@Test
	void shouldUseTheRotaHoursOnTheDatesItCovers() {
		// Wednesday-only desk; during the rota it opens every weekday morning, and a closure follows.
		ScheduleException rota = new ScheduleException(null, "Summer rota", LocalDate.of(2026, 8, 3),
				LocalDate.of(2026, 8, 14), false, List.of(weekday(1), weekday(2), weekday(3), weekday(4), weekday(5)));
		ScheduleException closure = new ScheduleException(null, "Closed", LocalDate.of(2026, 8, 17),
				LocalDate.of(2026, 8, 28), true, List.of());
		OpeningHours desk = new OpeningHours(ROME,
				List.of(new OpeningInterval(DayOfWeek.WEDNESDAY.getValue(), 12 * 60, 15 * 60)), List.of(rota, closure));

		LocalDate mondayInRota = LocalDate.of(2026, 8, 3);
		assertThat(desk.isOpenAt(at(ROME, mondayInRota, 10, 0))).isTrue();
		assertThat(desk.isOpenAt(at(ROME, LocalDate.of(2026, 7, 27), 10, 0))).as("Monday before the rota").isFalse();
		assertThat(desk.isOpenAt(at(ROME, LocalDate.of(2026, 8, 5), 13, 0))).as("regular hours replaced").isFalse();
		assertThat(desk.isOpenAt(at(ROME, LocalDate.of(2026, 8, 19), 13, 0))).as("Wednesday in the closure").isFalse();

		Opening afterRota = desk.nextOpening(at(ROME, LocalDate.of(2026, 8, 14), 12, 0)).orElseThrow();
		assertThat(afterRota.opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 9, 2, 12, 0));
	}

	@Test
	void shouldFindNoOpeningForAUnitWithoutHours() {
		OpeningHours none = new OpeningHours(ROME, List.of(), List.of());

		assertThat(none.isOpenAt(Instant.parse("2026-03-05T14:30:00Z"))).isFalse();
		assertThat(none.nextOpening(Instant.parse("2026-03-05T14:30:00Z"))).isEmpty();
	}

	private static ExceptionInterval weekday(int day) {
		return new ExceptionInterval(day, 9 * 60, 12 * 60);
	}

}
