package org.acolhida.housing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.acolhida.language.Words;

/**
 * Who needs beds, as far as choosing a shelter is concerned; built from the case file. No names:
 * sizes, ages and needs only.
 *
 * @param caseNumber the case, so that shelters that declined it are left out
 * @param adults persons aged 18 or more
 * @param childrenAges ages (0 to 17) of the children who come with them
 * @param womenTravellingAlone every adult is a woman (no adult man), e.g. a mother with her children
 * @param menTravellingAlone every adult is a man (no adult woman). Both flags false: mixed adults, or
 * not recorded; such a household is offered neither women-only nor men-only shelters
 * @param accessibilityNeed someone needs a wheelchair-accessible shelter
 * @param municipality where the household is received; shelters are searched there
 * @param district where it lives or was found, for ranking
 * @param languages ISO 639 codes the household speaks, for ranking
 */
public record HouseholdProfile(String caseNumber, int adults, List<Integer> childrenAges, boolean womenTravellingAlone,
		boolean menTravellingAlone, boolean accessibilityNeed, String municipality, String district,
		Set<String> languages) {

	/** Faults in the caller (the process delegate), not user input: a clear message, no partial work. */
	public HouseholdProfile {
		if (caseNumber == null || caseNumber.isBlank()) {
			throw new IllegalArgumentException("a household profile needs the case number");
		}
		if (municipality == null || municipality.isBlank()) {
			throw new IllegalArgumentException("case " + caseNumber + ": the household profile needs a municipality");
		}
		childrenAges = childrenAges == null ? List.of() : List.copyOf(childrenAges);
		if (adults < 0 || childrenAges.stream().anyMatch(age -> age == null || age < 0 || age > 17)) {
			throw new IllegalArgumentException(
					"case " + caseNumber + ": adults cannot be negative and children are aged 0 to 17");
		}
		if (adults + childrenAges.size() == 0) {
			throw new IllegalArgumentException("case " + caseNumber + ": a household has at least one person");
		}
		if (womenTravellingAlone && menTravellingAlone) {
			throw new IllegalArgumentException(
					"case " + caseNumber + ": the adults cannot be all women and all men at once");
		}
		languages = languages == null ? Set.of()
				: languages.stream().filter(Objects::nonNull).map(l -> l.strip().toLowerCase(Locale.ROOT))
					.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Beds needed: one per person, children included. */
	public int size() {
		return adults + childrenAges.size();
	}

	public boolean hasChildren() {
		return !childrenAges.isEmpty();
	}

	/**
	 * What the forms show instead of names, in the words of one language: "1 adulto, 1 criança (5);
	 * mulheres desacompanhadas; fala haitiano". The waitlist keeps {@link #summary()}, in the English of the
	 * {@code /api}.
	 */
	public String summary(Words words) {
		List<String> parts = new java.util.ArrayList<>();
		String people = words.text(adults == 1 ? "household.adult" : "household.adults", adults);
		if (hasChildren()) {
			people = words.text("household.withChildren", people,
					words.text(childrenAges.size() == 1 ? "household.child" : "household.children", childrenAges.size(),
							childrenAges.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))));
		}
		parts.add(people);
		if (womenTravellingAlone) {
			parts.add(words.text("household.womenAlone"));
		}
		if (menTravellingAlone) {
			parts.add(words.text("household.menAlone"));
		}
		if (accessibilityNeed) {
			parts.add(words.text("household.wheelchair"));
		}
		if (!languages.isEmpty()) {
			parts.add(words.text("household.speaks", FindSheltersDelegate.languageNames(languages, words)));
		}
		String summary = String.join("; ", parts);
		return summary.length() > 300 ? summary.substring(0, 300) : summary;
	}

	/**
	 * What the waitlist shows instead of names: "2 adults, 2 children (3, 7); women travelling
	 * alone; wheelchair".
	 */
	public String summary() {
		StringBuilder summary = new StringBuilder();
		summary.append(adults).append(adults == 1 ? " adult" : " adults");
		if (hasChildren()) {
			summary.append(", ").append(childrenAges.size()).append(childrenAges.size() == 1 ? " child (" : " children (")
				.append(childrenAges.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")))
				.append(')');
		}
		if (womenTravellingAlone) {
			summary.append("; women travelling alone");
		}
		if (menTravellingAlone) {
			summary.append("; men travelling alone");
		}
		if (accessibilityNeed) {
			summary.append("; wheelchair");
		}
		if (!languages.isEmpty()) {
			summary.append("; speaks ").append(String.join(", ", languages));
		}
		return summary.length() > 300 ? summary.substring(0, 300) : summary.toString();
	}

}
