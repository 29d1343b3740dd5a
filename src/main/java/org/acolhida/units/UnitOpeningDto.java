package org.acolhida.units;

import java.time.ZonedDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import org.acolhida.units.OpeningHours.OpeningAt;

/**
 * Whether a unit is open at an instant, until when, and when it opens next. Every moment is given
 * twice: as the wall-clock time at the unit, which is what a person is told, and as an instant, which
 * is what another system compares.
 */
@Schema(name = "UnitOpening")
record UnitOpeningDto(@Schema(example = "CRE-CARITAS-LEGALE") String unit,
		@Schema(example = "Europe/Rome", description = "The unit's time zone; every local time is in it") String timeZone,
		@Schema(description = "The instant asked about") Moment at,
		@Schema(example = "true") boolean open,
		@Schema(description = "When the opening under way ends; absent when closed or open around the clock") Moment openUntil,
		@Schema(description = "The next opening that starts after the instant (after openUntil when open); "
				+ "absent when none starts within 400 days") Period nextOpening,
		@Schema(example = "Rota estiva: chiuso, apre il servizio Caritas",
				description = "The closure or rota replacing the weekly hours on that date, if any") String exception) {

	static UnitOpeningDto of(ServiceUnit unit, OpeningAt answer) {
		return new UnitOpeningDto(unit.getCode(), unit.getTimeZone(), Moment.of(answer.at()), answer.open(),
				answer.until().map(Moment::of).orElse(null),
				answer.next().map(next -> new Period(Moment.of(next.opens()), Moment.of(next.closes()))).orElse(null),
				answer.exception().map(ScheduleException::label).orElse(null));
	}

	/** A moment at the unit. */
	record Moment(@Schema(example = "2026-12-03T16:00", description = "Local date and time at the unit") String local,
			@Schema(example = "THURSDAY") String day, @Schema(example = "+01:00") String offset,
			@Schema(example = "2026-12-03T15:00:00Z") String instant) {

		static Moment of(ZonedDateTime time) {
			return new Moment(time.toLocalDateTime().toString(), time.getDayOfWeek().name(), time.getOffset().getId(),
					time.toInstant().toString());
		}

	}

	/** An opening from when it opens to when it closes. */
	record Period(Moment opens, Moment closes) {
	}

}
