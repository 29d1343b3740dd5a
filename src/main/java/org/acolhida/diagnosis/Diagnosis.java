package org.acolhida.diagnosis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The municipal diagnosis of one municipality over a period, for the units the reader may see.
 *
 * @param language the language its texts are in ({@code en}, {@code pt-BR}, {@code it})
 * @param asOf the instant the waiting times are counted up to
 * @param units the units covered, by code and name
 */
record Diagnosis(String municipality, LocalDate from, LocalDate to, String language, Instant asOf,
		List<UnitName> units, List<Table> tables) {

	record UnitName(String code, String name) {
	}

	Table table(String id) {
		return tables.stream().filter(t -> t.id().equals(id)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No table " + id));
	}

}
