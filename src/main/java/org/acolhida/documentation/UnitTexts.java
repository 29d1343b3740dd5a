package org.acolhida.documentation;

import java.time.Clock;

import org.acolhida.language.ComposedTexts;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** How forms show a unit: where it is and when it next opens, in the language of the case's unit. */
@Component
class UnitTexts {

	private final UnitDirectory units;

	private final ComposedTexts texts;

	private final Clock clock;

	UnitTexts(UnitDirectory units, ComposedTexts texts, Clock clock) {
		this.clock = clock;
		this.units = units;
		this.texts = texts;
	}

	String where(ServiceUnit unit) {
		String address = unit.getAddress();
		String contact = unit.getContact();
		if (address == null) {
			return contact == null ? "" : contact;
		}
		return contact == null ? address : address + " · " + contact;
	}

	/** The unit's next opening on the engine's clock, in its own time zone, in the words of the owner's language. */
	String nextOpening(ServiceUnit unit, DelegateExecution execution, String ownerUnitCode) {
		return texts.forUnit(execution, ownerUnitCode)
			.opening(units.openingAt(unit.getCode(), clock.instant()), unit.getZone());
	}

}
