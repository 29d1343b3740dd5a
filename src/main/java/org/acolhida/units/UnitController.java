package org.acolhida.units;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory of service units for managers. Any signed-in user reads it; only managers change it.
 */
@RestController
@RequestMapping("/api/units")
@Tag(name = "Service units", description = "The network's units, their hours and what they offer")
class UnitController {

	private final ServiceUnitRepository units;

	private final UnitMaintenance maintenance;

	private final UnitDirectory directory;

	private final CurrentUser currentUser;

	private final Clock clock;

	UnitController(ServiceUnitRepository units, UnitMaintenance maintenance, UnitDirectory directory,
			CurrentUser currentUser, Clock clock) {
		this.clock = clock;
		this.units = units;
		this.maintenance = maintenance;
		this.directory = directory;
		this.currentUser = currentUser;
	}

	@GetMapping
	@Operation(summary = "List units, filtered by any of kind, municipality, district, language and active")
	List<UnitDto> list(@RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) String municipality, @RequestParam(required = false) String district,
			@RequestParam(required = false) String language, @RequestParam(required = false) Boolean active) {
		return units.search(kind == null ? null : kind.name(), municipality, district, language, active)
			.stream()
			.map(UnitMapper::toDto)
			.toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "Read one unit")
	UnitDto read(@PathVariable String code) {
		return units.findByCode(code)
			.map(UnitMapper::toDto)
			.orElseThrow(() -> new NotFoundException("No service unit with code '" + code + "'"));
	}

	@GetMapping("/{code}/opening")
	@Operation(summary = "Whether a unit is open at an instant, until when, and its next opening after it",
			description = "Honours the unit's weekly hours, its closures and rotas, in the unit's time zone. "
					+ "Local times are the unit's wall clock; each comes with its instant.")
	UnitOpeningDto opening(@PathVariable String code,
			@Parameter(description = "A date and time without offset is read as the unit's local time "
					+ "(2026-12-03T16:00); one with an offset or Z is that instant (2026-12-03T15:00:00Z, "
					+ "2026-12-03T16:00%2B01:00). Absent: now.", example = "2026-12-03T16:00")
			@RequestParam(required = false) String at) {
		ServiceUnit unit;
		try {
			unit = directory.unit(code);
		}
		catch (UnknownUnitException e) {
			throw new NotFoundException("No service unit with code '" + code + "'");
		}
		Instant instant = at == null ? clock.instant() : instant(at, unit);
		return UnitOpeningDto.of(unit, directory.openingAt(code, instant));
	}

	/**
	 * Reads {@code at} as an instant. Without an offset it is the unit's wall clock, as a person or a
	 * rota states it. A local time skipped when the clocks go forward is moved on by the gap (02:30
	 * becomes 03:30); one that occurs twice when they go back is the earlier of the two.
	 */
	private static Instant instant(String at, ServiceUnit unit) {
		try {
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(at.strip(), ZonedDateTime::from,
					LocalDateTime::from);
			return parsed instanceof ZonedDateTime zoned ? zoned.toInstant()
					: ZonedDateTime.of((LocalDateTime) parsed, unit.getZone()).toInstant();
		}
		catch (DateTimeParseException e) {
			// An unencoded '+' in a query string arrives as a space.
			String hint = at.contains(" ") ? " (write a '+' in the offset as %2B)" : "";
			throw new InvalidInputException("at", "'" + at + "' is not a date and time such as 2026-12-03T16:00"
					+ " (the unit's local time) or 2026-12-03T15:00:00Z" + hint);
		}
	}

	@PostMapping
	@Operation(summary = "Create a unit (managers)")
	ResponseEntity<UnitDto> create(@RequestBody UnitDto unit) {
		currentUser.requireManager();
		ServiceUnit created = maintenance.create(unit);
		return ResponseEntity.created(URI.create("/api/units/" + created.getCode())).body(UnitMapper.toDto(created));
	}

	@PutMapping("/{code}")
	@Operation(summary = "Replace a unit's details (managers); the code cannot change")
	UnitDto update(@PathVariable String code, @RequestBody UnitDto unit) {
		currentUser.requireManager();
		return UnitMapper.toDto(maintenance.update(code, unit));
	}

	@DeleteMapping("/{code}")
	@Operation(summary = "Deactivate a unit (managers): it is no longer found by look-ups, its history stays")
	UnitDto deactivate(@PathVariable String code) {
		currentUser.requireManager();
		return UnitMapper.toDto(maintenance.setActive(code, false));
	}

	@PostMapping("/{code}/activation")
	@Operation(summary = "Activate a unit again (managers)")
	UnitDto activate(@PathVariable String code) {
		currentUser.requireManager();
		return UnitMapper.toDto(maintenance.setActive(code, true));
	}

}
