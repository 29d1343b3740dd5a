package org.acolhida.documentation;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import java.time.Clock;
import org.acolhida.language.WorkLanguage;
import org.acolhida.units.OpeningHours.OpeningAt;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.springframework.stereotype.Component;

/** How forms show a unit: where it is and when it next opens, in the adviser's language. */
@Component
class UnitTexts {

	private final UnitDirectory units;

	private final WorkLanguage language;

	private final Clock clock;

	UnitTexts(UnitDirectory units, WorkLanguage language, Clock clock) {
		this.clock = clock;
		this.units = units;
		this.language = language;
	}

	String where(ServiceUnit unit) {
		String address = unit.getAddress();
		String contact = unit.getContact();
		if (address == null) {
			return contact == null ? "" : contact;
		}
		return contact == null ? address : address + " · " + contact;
	}

	/** The unit's next opening on the engine's clock, in its own time zone, or "-" if none is known. */
	String nextOpening(ServiceUnit unit, String ownerUnitCode) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(WorkLanguage.locale(language.ofUnit(ownerUnitCode)))
			.withZone(unit.getZone());
		OpeningAt now = units.openingAt(unit.getCode(), clock.instant());
		if (now.open()) {
			return now.until().map(until -> "open now, until " + format.format(until)).orElse("open now");
		}
		return now.next().map(next -> format.format(next.opens())).orElse("-");
	}

}
