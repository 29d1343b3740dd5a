package org.acolhida.units;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.system.CurrentUser;
import org.acolhida.system.NotFoundException;
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

	private final CurrentUser currentUser;

	UnitController(ServiceUnitRepository units, UnitMaintenance maintenance, CurrentUser currentUser) {
		this.units = units;
		this.maintenance = maintenance;
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
