package org.acolhida.units;

import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managers keep the directory current: create, change and deactivate units. A unit is never
 * deleted, because cases and history refer to it by code.
 */
@Service
@Transactional
class UnitMaintenance {

	private final ServiceUnitRepository units;

	private final ApplicationEventPublisher events;

	UnitMaintenance(ServiceUnitRepository units, ApplicationEventPublisher events) {
		this.units = units;
		this.events = events;
	}

	ServiceUnit create(UnitDto dto) {
		ServiceUnit unit = new ServiceUnit();
		UnitMapper.apply(dto, unit, true);
		if (units.existsByCode(unit.getCode())) {
			throw duplicate(unit.getCode());
		}
		ServiceUnit created;
		try {
			created = units.save(unit);
		}
		catch (DuplicateKeyException e) {
			// Someone created the same code between our check and the insert.
			throw duplicate(unit.getCode());
		}
		return saved(created);
	}

	ServiceUnit update(String code, UnitDto dto) {
		ServiceUnit unit = find(code);
		if (dto.version() != null && !dto.version().equals(unit.getVersion())) {
			throw new OptimisticLockingFailureException("unit " + code + " changed since version " + dto.version());
		}
		UnitMapper.apply(dto, unit, false);
		return saved(units.save(unit));
	}

	ServiceUnit setActive(String code, boolean active) {
		ServiceUnit unit = find(code);
		unit.setActive(active);
		return saved(units.save(unit));
	}

	/**
	 * Lets the features that keep live state about units (beds held in a shelter, seats taken in a
	 * class) check the change in this transaction: one that throws undoes the save.
	 */
	private ServiceUnit saved(ServiceUnit unit) {
		events.publishEvent(new UnitSaved(unit));
		return unit;
	}

	private ServiceUnit find(String code) {
		return units.findByCode(code).orElseThrow(() -> new NotFoundException("No service unit with code '" + code + "'"));
	}

	private static InvalidInputException duplicate(String code) {
		return new InvalidInputException("code", "a unit with code '" + code + "' already exists");
	}

}
