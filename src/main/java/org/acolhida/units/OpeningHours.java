package org.acolhida.units;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a unit is open, in the unit's own time zone: its weekly intervals, replaced on the dates a
 * {@link ScheduleException} covers (a closure or a rota). Intervals that touch, such as
 * Friday 20:00-24:00 and Saturday 00:00-02:00, form one opening across midnight.
 */
public final class OpeningHours {

	/** How far ahead {@link #nextOpening} looks before it concludes that the unit never opens. */
	static final int HORIZON_DAYS = 400;

	private final ZoneId zone;

	private final List<? extends WeeklySlot> weekly;

	private final List<ScheduleException> exceptions;

	OpeningHours(ZoneId zone, List<? extends WeeklySlot> weekly, List<ScheduleException> exceptions) {
		this.zone = zone;
		this.weekly = weekly;
		this.exceptions = exceptions;
	}

	/** Whether the unit is open at that instant. */
	public boolean isOpenAt(Instant instant) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
		int minute = local.getHour() * 60 + local.getMinute();
		return slotsOn(local.toLocalDate()).stream().anyMatch(slot -> slot.contains(minute));
	}

	/**
	 * The unit's next opening at or after an instant: the opening under way if it is open then, or
	 * else the next one. Empty when it does not open within {@value #HORIZON_DAYS} days.
	 */
	public Optional<Opening> nextOpening(Instant after) {
		LocalDateTime from = LocalDateTime.ofInstant(after, zone);
		LocalDateTime start = null;
		LocalDateTime end = null;
		for (int day = 0; day <= HORIZON_DAYS; day++) {
			LocalDate date = from.toLocalDate().plusDays(day);
			if (end != null && date.atStartOfDay().isAfter(end)) {
				break;
			}
			for (WeeklySlot slot : slotsOn(date)) {
				LocalDateTime opens = date.atStartOfDay().plusMinutes(slot.opensMinute());
				LocalDateTime closes = date.atStartOfDay().plusMinutes(slot.closesMinute());
				if (end != null) {
					if (opens.isAfter(end)) {
						return Optional.of(opening(start, end, after));
					}
					end = closes.isAfter(end) ? closes : end;
				}
				else if (closes.isAfter(from)) {
					start = opens.isAfter(from) ? opens : from;
					end = closes;
				}
			}
		}
		return end == null ? Optional.empty() : Optional.of(opening(start, end, after));
	}

	private Opening opening(LocalDateTime start, LocalDateTime end, Instant after) {
		ZonedDateTime opens = ZonedDateTime.of(start, zone);
		return new Opening(opens, ZonedDateTime.of(end, zone), !opens.toInstant().isAfter(after));
	}

	/**
	 * Everything a person or a manager asks about one instant: whether the unit is open then and until
	 * when, and when it opens next after that. "Now" is only the instant of the caller's clock, so that
	 * a slip for next week and the desk's screen today give the same answer for the same instant.
	 */
	public OpeningAt at(Instant instant) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
		Optional<ScheduleException> exception = exceptionOn(local.toLocalDate());
		Optional<Opening> first = nextOpening(instant);
		if (first.isEmpty() || !first.get().openNow()) {
			return new OpeningAt(instant.atZone(zone), false, Optional.empty(), first, exception);
		}
		Opening current = first.get();
		// An opening that runs to the look-ahead's end is one that does not close (a shelter's door):
		// it has no "until" and no next opening to tell.
		if (!current.closes().toLocalDate().isBefore(local.toLocalDate().plusDays(HORIZON_DAYS))) {
			return new OpeningAt(instant.atZone(zone), true, Optional.empty(), Optional.empty(), exception);
		}
		return new OpeningAt(instant.atZone(zone), true, Optional.of(current.closes()),
				nextOpening(current.closes().toInstant()), exception);
	}

	/** The dated exception (closure or rota) that replaces the weekly hours on a date, if any. */
	Optional<ScheduleException> exceptionOn(LocalDate date) {
		return exceptions.stream().filter(exception -> exception.covers(date)).findFirst();
	}

	/** The intervals that apply on a date: an exception's if one covers it, else the weekly ones. */
	List<? extends WeeklySlot> slotsOn(LocalDate date) {
		int day = date.getDayOfWeek().getValue();
		List<? extends WeeklySlot> slots = exceptionOn(date)
			.<List<? extends WeeklySlot>>map(exception -> exception.closed() ? List.of() : exception.intervals())
			.orElse(weekly);
		return slots.stream()
			.filter(slot -> slot.dayOfWeek() == day)
			.sorted(Comparator.comparingInt(WeeklySlot::opensMinute))
			.toList();
	}

	/**
	 * An opening of a unit, in its time zone.
	 *
	 * @param opens when it opens, or the instant asked about if it was already open then
	 * @param closes when it closes
	 * @param openNow whether it was already open at the instant asked about
	 */
	public record Opening(ZonedDateTime opens, ZonedDateTime closes, boolean openNow) {
	}

	/**
	 * A unit's hours seen from one instant, in its time zone.
	 *
	 * @param at the instant asked about, in the unit's time zone
	 * @param open whether the unit is open then
	 * @param until when the opening under way ends; empty when closed, or open around the clock
	 * @param next the next opening that starts after {@code at} (after {@code until} when open); empty
	 * when none starts within {@value #HORIZON_DAYS} days
	 * @param exception the closure or rota that replaces the weekly hours on {@code at}'s date, if any
	 */
	public record OpeningAt(ZonedDateTime at, boolean open, Optional<ZonedDateTime> until, Optional<Opening> next,
			Optional<ScheduleException> exception) {
	}

}
