package org.acolhida.units;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A service unit as managers read and write it through {@code /api/units}. Values that come from a
 * fixed list travel as their names, times as "HH:mm" and dates as "yyyy-MM-dd", so that a wrong
 * value is reported on its field rather than as unreadable JSON.
 */
@Schema(name = "ServiceUnit")
record UnitDto(
		@Schema(example = "SOR-CRAS-NORTE", description = "Stable code: letters, digits and '-', unique") String code,
		@Schema(example = "CRAS Norte") String name,
		@Schema(example = "CRAS", description = "CRAS, CREAS, INTEGRATED_DESK, SHELTER, LITERACY_CLASS, SCHOOL, "
				+ "DOCUMENT_OFFICE, LEGAL_AID, HEALTH, PARTNER_ORGANISATION") String kind,
		@Schema(example = "Sorocaba") String municipality,
		@Schema(example = "BR", description = "ISO 3166 alpha-2") String country,
		@Schema(example = "America/Sao_Paulo") String timeZone,
		String address,
		String contact,
		@Schema(description = "Read only here: DELETE deactivates a unit") Boolean active,
		@Schema(description = "Districts (bairros, quartieri) the unit serves") List<String> districts,
		@Schema(description = "ISO 639 codes of the languages spoken", example = "[\"pt\", \"es\", \"ht\"]") List<String> languages,
		List<Interval> openingHours,
		List<Exception> exceptions,
		Shelter shelter,
		LiteracyClass literacyClass,
		@Schema(description = "Document offices: CPF, CRNM, REFUGEE_PROTOCOL, CTPS_DIGITAL, PERMESSO_SOGGIORNO, "
				+ "CODICE_FISCALE, RESIDENCE_REGISTRATION") List<String> documentTypes,
		@Schema(description = "Give back the version you read to be told if someone changed the unit since") Integer version) {

	/** A weekly interval; "24:00" ends a day, so that hours across midnight are two intervals. */
	record Interval(@Schema(example = "THURSDAY") String day, @Schema(example = "15:00") String opens,
			@Schema(example = "17:00") String closes) {
	}

	/** Dated hours replacing the weekly ones: a closure, or the hours of a rota. */
	record Exception(@Schema(example = "Summer rota") String label, @Schema(example = "2026-08-03") String from,
			@Schema(example = "2026-08-28") String to, Boolean closed, List<Interval> hours) {
	}

	record Shelter(Integer beds, @Schema(description = "ANYONE, FAMILIES_WITH_CHILDREN, WOMEN_ONLY, MEN_ONLY") String takes,
			Boolean wheelchairAccessible) {
	}

	record LiteracyClass(@Schema(example = "pt") String language,
			@Schema(description = "PRE_LITERATE, BEGINNER, A1, A2, B1, B2") String level,
			@Schema(description = "ADULTS or CHILDREN") String audience, Integer seats, List<Interval> sessions) {
	}

}
