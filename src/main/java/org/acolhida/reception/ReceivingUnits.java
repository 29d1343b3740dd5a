package org.acolhida.reception;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.acolhida.language.FormChoices;
import org.acolhida.staff.Role;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * The units a worker may receive a household for, offered by name on the reception start form
 * ({@code "properties": {"options": "receivingUnits"}}) instead of a unit code typed by hand: the
 * active entry doors whose reception workgroup the worker belongs to, their own unit first chosen.
 * <p>
 * Offering is not allowing: {@code cases/CaseStartGuard} still refuses a start for a unit where the
 * starter does not work, and opening the case refuses a unit that takes no cases in charge.
 */
@Component
class ReceivingUnits implements FormChoices {

	static final String NAME = "receivingUnits";

	private static final String WORKGROUP_PREFIX = Role.RECEPTION.at("");

	private final UnitDirectory units;

	ReceivingUnits(UnitDirectory units) {
		this.units = units;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Option> options(Reader reader) {
		return receivingUnits(reader).stream().map(unit -> new Option(unit.getCode(), unit.getName())).toList();
	}

	/**
	 * The only unit offered; with several, the worker's own unit (the unit group they are a member of),
	 * which is where a start without a unit goes anyway.
	 */
	@Override
	public Map<String, Object> defaults(Reader reader) {
		List<ServiceUnit> offered = receivingUnits(reader);
		Optional<String> chosen = offered.size() == 1 ? Optional.of(offered.get(0).getCode())
				: offered.stream().map(ServiceUnit::getCode).filter(reader.groupIds()::contains).sorted().findFirst();
		return chosen.<Map<String, Object>>map(code -> Map.of(ReceptionProcess.Variables.UNIT_CODE, code))
			.orElse(Map.of());
	}

	private List<ServiceUnit> receivingUnits(Reader reader) {
		return reader.groupIds()
			.stream()
			.filter(group -> group.startsWith(WORKGROUP_PREFIX))
			.map(group -> group.substring(WORKGROUP_PREFIX.length()))
			.filter(units::isActive)
			.map(units::unit)
			.filter(unit -> unit.getKind().isEntryDoor())
			.sorted(Comparator.comparing(ServiceUnit::getName).thenComparing(ServiceUnit::getCode))
			.toList();
	}

}
