package org.acolhida.units;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.acolhida.units.OpeningHours.Opening;
import org.acolhida.units.OpeningHours.OpeningAt;
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

	/** Sorocaba's CRAS Norte: Monday to Friday 08:00-17:00. */
	static final OpeningHours CRAS_NORTE = new OpeningHours(SAO_PAULO,
			weekdays(8 * 60, 17 * 60), List.of());

	/** Cremona's municipal desk with its two summer weeks of rota and two of closure, as in the demo data. */
	static final OpeningHours MUNICIPAL_DESK = new OpeningHours(ROME,
			List.of(new OpeningInterval(DayOfWeek.WEDNESDAY.getValue(), 12 * 60, 15 * 60),
					new OpeningInterval(DayOfWeek.THURSDAY.getValue(), 8 * 60 + 30, 12 * 60)),
			List.of(new ScheduleException(null, "Summer rota", LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 14), false,
					List.of(weekday(1), weekday(2), weekday(3), weekday(4), weekday(5))),
					new ScheduleException(null, "Closed, Caritas open", LocalDate.of(2026, 8, 17),
							LocalDate.of(2026, 8, 28), true, List.of())));

	@Test
	void shouldAnswerOpenUntilFiveAndTheThursdayAfterWhenAskedOnThursdayAtFour() {
		// 3 December 2026 is a Thursday; Rome is UTC+1 in December.
		OpeningAt answer = LEGAL_DESK.at(Instant.parse("2026-12-03T15:00:00Z"));

		assertThat(answer.at().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 16, 0));
		assertThat(answer.open()).isTrue();
		assertThat(answer.until()).map(ZonedDateTime::toInstant).contains(Instant.parse("2026-12-03T16:00:00Z"));
		Opening next = answer.next().orElseThrow();
		assertThat(next.opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 10, 15, 0));
		assertThat(next.closes().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 10, 17, 0));
		assertThat(next.openNow()).isFalse();
		assertThat(answer.exception()).isEmpty();
	}

	@Test
	void shouldAnswerClosedAndTheThursdayAfterWhenAskedOnThursdayAtHalfPastFive() {
		OpeningAt answer = LEGAL_DESK.at(Instant.parse("2026-12-03T16:30:00Z"));

		assertThat(answer.open()).isFalse();
		assertThat(answer.until()).isEmpty();
		assertThat(answer.next().orElseThrow().opens().toInstant()).isEqualTo(Instant.parse("2026-12-10T14:00:00Z"));
		assertThat(answer.next().orElseThrow().closes().toInstant()).isEqualTo(Instant.parse("2026-12-10T16:00:00Z"));
	}

	@Test
	void shouldAnswerBeforeTheOpeningOfTheSameDay() {
		OpeningAt answer = LEGAL_DESK.at(Instant.parse("2026-12-03T13:00:00Z"));

		assertThat(answer.open()).isFalse();
		assertThat(answer.next().orElseThrow().opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 15, 0));
	}

	@Test
	void shouldAnswerWithTheRotaInsideIt() {
		// Wednesday 5 August 2026, 10:00 in Rome (UTC+2): the rota opens every morning, the Wednesday
		// noon hours do not apply.
		OpeningAt morning = MUNICIPAL_DESK.at(Instant.parse("2026-08-05T08:00:00Z"));
		assertThat(morning.open()).isTrue();
		assertThat(morning.until()).map(ZonedDateTime::toLocalDateTime).contains(LocalDateTime.of(2026, 8, 5, 12, 0));
		assertThat(morning.next().orElseThrow().opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 8, 6, 9, 0));
		assertThat(morning.exception()).map(ScheduleException::label).contains("Summer rota");

		OpeningAt noon = MUNICIPAL_DESK.at(Instant.parse("2026-08-05T11:00:00Z"));
		assertThat(noon.open()).as("13:00, inside the regular Wednesday hours").isFalse();
		assertThat(noon.next().orElseThrow().opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 8, 6, 9, 0));
	}

	@Test
	void shouldAnswerWithTheClosureAndTheFirstRegularOpeningAfterIt() {
		// Wednesday 19 August 2026 at 13:00 in Rome: closed until the 28th; the next regular opening is
		// Wednesday 2 September 12:00-15:00.
		OpeningAt answer = MUNICIPAL_DESK.at(Instant.parse("2026-08-19T11:00:00Z"));

		assertThat(answer.open()).isFalse();
		assertThat(answer.exception()).map(ScheduleException::label).contains("Closed, Caritas open");
		Opening next = answer.next().orElseThrow();
		assertThat(next.opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 9, 2, 12, 0));
		assertThat(next.closes().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 9, 2, 15, 0));
	}

	@Test
	void shouldGiveDifferentLocalAnswersInSaoPauloAndRomeForTheSameInstant() {
		// 17:00 UTC on Thursday 3 December 2026: 18:00 in Rome (UTC+1), 14:00 in São Paulo (UTC-3).
		Instant instant = Instant.parse("2026-12-03T17:00:00Z");

		OpeningAt rome = LEGAL_DESK.at(instant);
		OpeningAt saoPaulo = CRAS_NORTE.at(instant);

		assertThat(rome.at().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 18, 0));
		assertThat(rome.open()).isFalse();
		assertThat(rome.next().orElseThrow().opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 10, 15, 0));
		assertThat(saoPaulo.at().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 14, 0));
		assertThat(saoPaulo.open()).isTrue();
		assertThat(saoPaulo.until()).map(ZonedDateTime::toInstant).contains(Instant.parse("2026-12-03T20:00:00Z"));
		assertThat(saoPaulo.next().orElseThrow().opens().toLocalDateTime())
			.isEqualTo(LocalDateTime.of(2026, 12, 4, 8, 0));
	}

	@Test
	void shouldAnswerAcrossMidnightWithTheWholeOpening() {
		// Friday 6 March 2026 at 23:00 in São Paulo (UTC-3): open until Saturday 02:00.
		OpeningAt answer = NIGHT_DOOR.at(Instant.parse("2026-03-07T02:00:00Z"));

		assertThat(answer.open()).isTrue();
		assertThat(answer.until()).map(ZonedDateTime::toLocalDateTime).contains(LocalDateTime.of(2026, 3, 7, 2, 0));
		assertThat(answer.next().orElseThrow().opens().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 13, 20, 0));
	}

	@Test
	void shouldAnswerOpenWithoutAnEndForAUnitOpenAroundTheClock() {
		OpeningHours shelter = new OpeningHours(SAO_PAULO,
				List.of(1, 2, 3, 4, 5, 6, 7).stream().map(day -> new OpeningInterval(day, 0, 1440)).toList(), List.of());

		OpeningAt answer = shelter.at(Instant.parse("2026-12-03T17:00:00Z"));

		assertThat(answer.open()).isTrue();
		assertThat(answer.until()).isEmpty();
		assertThat(answer.next()).isEmpty();
	}

	@Test
	void shouldAnswerClosedWithNoOpeningForAUnitWithoutHours() {
		OpeningAt answer = new OpeningHours(ROME, List.of(), List.of()).at(Instant.parse("2026-12-03T15:00:00Z"));

		assertThat(answer.open()).isFalse();
		assertThat(answer.until()).isEmpty();
		assertThat(answer.next()).isEqualTo(Optional.empty());
	}

	private static List<OpeningInterval> weekdays(int opens, int closes) {
		return List.of(1, 2, 3, 4, 5).stream().map(day -> new OpeningInterval(day, opens, closes)).toList();
	}

	private static ExceptionInterval weekday(int day) {
		return new ExceptionInterval(day, 9 * 60, 12 * 60);
	}

}
