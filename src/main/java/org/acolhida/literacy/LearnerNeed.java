package org.acolhida.literacy;

import java.util.List;
import java.util.Locale;

import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;

/**
 * What a learner needs from a class, as the placement found it: the language of instruction (ISO
 * 639, e.g. {@code pt}, {@code it}), the level, adults' or children's class, where the learner lives
 * and when they can come. Text is normalised (language lower case, names stripped); a missing or
 * wrong value is an {@link IllegalArgumentException} that names the field.
 *
 * @param district the learner's district, or {@code null} when not known: then no class is "near"
 * @param availability when the learner can come, at least one weekly interval
 */
public record LearnerNeed(String language, Level level, Audience audience, String municipality, String district,
		List<WeeklyInterval> availability) {

	public LearnerNeed {
		if (language == null || !language.strip().matches("[A-Za-z]{2,3}")) {
			throw new IllegalArgumentException("language: the ISO 639 code of the language of instruction, e.g. pt, not '"
					+ language + "'");
		}
		language = language.strip().toLowerCase(Locale.ROOT);
		if (level == null) {
			throw new IllegalArgumentException("level is required");
		}
		if (audience == null) {
			throw new IllegalArgumentException("audience is required: ADULTS or CHILDREN");
		}
		if (municipality == null || municipality.isBlank() || municipality.strip().length() > 100) {
			throw new IllegalArgumentException("municipality is required (at most 100 characters)");
		}
		municipality = municipality.strip();
		district = district == null || district.isBlank() ? null : district.strip();
		if (district != null && district.length() > 100) {
			throw new IllegalArgumentException("district is longer than 100 characters");
		}
		if (availability == null || availability.isEmpty() || availability.stream().anyMatch(java.util.Objects::isNull)) {
			throw new IllegalArgumentException("availability: at least one weekly interval when the learner can come");
		}
		availability = List.copyOf(availability);
	}

	/** Whether the learner lives in one of these districts; names compared without regard to case. */
	boolean livesIn(Iterable<String> districts) {
		if (district == null) {
			return false;
		}
		for (String candidate : districts) {
			if (candidate.toLowerCase(Locale.ROOT).equals(district.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

}
