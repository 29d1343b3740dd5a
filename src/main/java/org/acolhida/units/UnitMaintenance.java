package org.acolhida.units;

import java.util.List;

import org.acolhida.system.InvalidInputException;
import org.acolhida.system.NotFoundException;
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

	private final List<BedsChangeCheck> bedsChecks;

	UnitMaintenance(ServiceUnitRepository units, List<BedsChangeCheck> bedsChecks) {
		this.units = units;
		this.bedsChecks = bedsChecks;
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
		return bedsChecked(created);
	}

	ServiceUnit update(String code, UnitDto dto) {
		ServiceUnit unit = find(code);
		if (dto.version() != null && !dto.version().equals(unit.getVersion())) {
			throw new OptimisticLockingFailureException("unit " + code + " changed since version " + dto.version());
		}
		UnitMapper.apply(dto, unit, false);
		return bedsChecked(units.save(unit));
	}

	/** After the save, in its transaction: a refused change of beds rolls the whole change back. */
	private ServiceUnit bedsChecked(ServiceUnit saved) {
		bedsChecks.forEach(check -> check.bedsChanged(saved));
		return saved;
	}

	ServiceUnit setActive(String code, boolean active) {
		ServiceUnit unit = find(code);
		unit.setActive(active);
		return units.save(unit);
	}

	private ServiceUnit find(String code) {
		return units.findByCode(code).orElseThrow(() -> new NotFoundException("No service unit with code '" + code + "'"));
	}

	private static InvalidInputException duplicate(String code) {
		return new InvalidInputException("code", "a unit with code '" + code + "' already exists");
	}

}
