package org.acolhida.housing;

import java.util.List;
import java.util.Set;

import org.acolhida.housing.ShelterRules.Shelter;
import org.acolhida.units.ShelterFacts.ShelterTakes;
import org.junit.jupiter.api.Test;

import static org.acolhida.units.ShelterFacts.ShelterTakes.ANYONE;
import static org.acolhida.units.ShelterFacts.ShelterTakes.FAMILIES_WITH_CHILDREN;
import static org.acolhida.units.ShelterFacts.ShelterTakes.MEN_ONLY;
import static org.acolhida.units.ShelterFacts.ShelterTakes.WOMEN_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShelterRulesTest {

	private static HouseholdProfile household(int adults, List<Integer> children, boolean women, boolean men,
			boolean wheelchair) {
		return new HouseholdProfile("C-1", adults, children, women, men, wheelchair, "Sorocaba", "Centro",
				Set.of("es", "pt"));
	}

	private static final HouseholdProfile MAN_ALONE = household(1, List.of(), false, true, false);

	private static final HouseholdProfile TWO_MEN = household(2, List.of(), false, true, false);

	private static final HouseholdProfile WOMAN_ALONE = household(1, List.of(), true, false, false);

	private static final HouseholdProfile MOTHER_AND_SON = household(1, List.of(15), true, false, false);

	private static final HouseholdProfile COUPLE = household(2, List.of(), false, false, false);

	private static final HouseholdProfile FAMILY = household(2, List.of(3, 7), false, false, false);

	private static final HouseholdProfile FATHER_AND_CHILD = household(1, List.of(4), false, true, false);

	private static final HouseholdProfile CHILDREN_ALONE = household(0, List.of(15, 16), false, false, false);

	@Test
	void shouldLetAnyoneShelterTakeEveryHouseholdWithAnAdult() {
		for (HouseholdProfile h : List.of(MAN_ALONE, WOMAN_ALONE, MOTHER_AND_SON, COUPLE, FAMILY, FATHER_AND_CHILD)) {
			assertThat(ShelterRules.rulesFit(h, ANYONE, false)).as(h.summary()).isTrue();
		}
	}

	@Test
	void shouldTakeFamiliesOnlyWithChildren() {
		assertThat(ShelterRules.rulesFit(FAMILY, FAMILIES_WITH_CHILDREN, false)).isTrue();
		assertThat(ShelterRules.rulesFit(MOTHER_AND_SON, FAMILIES_WITH_CHILDREN, false)).isTrue();
		assertThat(ShelterRules.rulesFit(FATHER_AND_CHILD, FAMILIES_WITH_CHILDREN, false)).isTrue();
		assertThat(ShelterRules.rulesFit(COUPLE, FAMILIES_WITH_CHILDREN, false)).isFalse();
		assertThat(ShelterRules.rulesFit(MAN_ALONE, FAMILIES_WITH_CHILDREN, false)).isFalse();
	}

	@Test
	void shouldTakeWomenOnlyWithoutAdultMenButWithTheirChildren() {
		assertThat(ShelterRules.rulesFit(WOMAN_ALONE, WOMEN_ONLY, false)).isTrue();
		assertThat(ShelterRules.rulesFit(MOTHER_AND_SON, WOMEN_ONLY, false)).isTrue();
		assertThat(ShelterRules.rulesFit(FAMILY, WOMEN_ONLY, false)).isFalse();
		assertThat(ShelterRules.rulesFit(COUPLE, WOMEN_ONLY, false)).as("gender of the adults not recorded").isFalse();
		assertThat(ShelterRules.rulesFit(MAN_ALONE, WOMEN_ONLY, false)).isFalse();
	}

	@Test
	void shouldTakeMenOnlyWhenAllAdultsAreMenWithoutChildren() {
		assertThat(ShelterRules.rulesFit(MAN_ALONE, MEN_ONLY, false)).isTrue();
		assertThat(ShelterRules.rulesFit(TWO_MEN, MEN_ONLY, false)).isTrue();
		assertThat(ShelterRules.rulesFit(FATHER_AND_CHILD, MEN_ONLY, false)).isFalse();
		assertThat(ShelterRules.rulesFit(COUPLE, MEN_ONLY, false)).isFalse();
		assertThat(ShelterRules.rulesFit(WOMAN_ALONE, MEN_ONLY, false)).isFalse();
	}

	@Test
	void shouldRequireWheelchairAccessWhenNeeded() {
		HouseholdProfile wheelchair = household(1, List.of(), false, false, true);
		assertThat(ShelterRules.rulesFit(wheelchair, ANYONE, false)).isFalse();
		assertThat(ShelterRules.rulesFit(wheelchair, ANYONE, true)).isTrue();
		assertThat(ShelterRules.rulesFit(MAN_ALONE, ANYONE, true)).as("access does not exclude others").isTrue();
	}

	@Test
	void shouldPlaceNoUnaccompaniedChildren() {
		for (ShelterTakes takes : ShelterTakes.values()) {
			assertThat(ShelterRules.rulesFit(CHILDREN_ALONE, takes, true)).as(takes.name()).isFalse();
		}
	}

	@Test
	void shouldNeedFreeBedsForTheWholeHousehold() {
		assertThat(FAMILY.size()).isEqualTo(4);
		assertThat(ShelterRules.fitsNow(FAMILY, shelter("A", ANYONE, 10, 3, 3, false))).isTrue();
		assertThat(ShelterRules.fitsNow(FAMILY, shelter("A", ANYONE, 10, 4, 3, false))).as("3 free for 4").isFalse();
		assertThat(ShelterRules.couldTake(FAMILY, shelter("A", ANYONE, 10, 4, 3, false))).as("once beds free up")
			.isTrue();
		assertThat(ShelterRules.couldTake(FAMILY, shelter("A", ANYONE, 3, 0, 0, false))).as("never: 3 beds in all")
			.isFalse();
	}

	@Test
	void shouldExcludeSheltersThatDeclinedTheCase() {
		assertThat(ShelterRules.fitsNow(MAN_ALONE, shelter("A", ANYONE, 10, 0, 0, true))).isFalse();
		assertThat(ShelterRules.couldTake(MAN_ALONE, shelter("A", ANYONE, 10, 0, 0, true))).isFalse();
	}

	@Test
	void shouldRankSameDistrictThenSharedLanguageThenMostFreeBedsThenCode() {
		HouseholdProfile household = household(1, List.of(), false, true, false);
		List<Shelter> shelters = List.of(
				shelter("F-OTHER-NO-LANGUAGE", 20, 0, Set.of("vila"), Set.of("it")),
				shelter("E-OTHER-LANGUAGE-FEW", 3, 0, Set.of("vila"), Set.of("es")),
				shelter("D-OTHER-LANGUAGE-MANY", 9, 0, Set.of("vila"), Set.of("pt")),
				shelter("C-DISTRICT-NO-LANGUAGE", 2, 0, Set.of("centro"), Set.of("it")),
				shelter("B-DISTRICT-LANGUAGE", 5, 0, Set.of("centro"), Set.of("fr", "es")),
				shelter("A-DISTRICT-LANGUAGE", 5, 0, Set.of("centro"), Set.of("es")));
		List<String> ranked = shelters.stream()
			.map(s -> ShelterRules.candidate(household, s))
			.sorted(ShelterRules.RANKING)
			.map(ShelterCandidate::code)
			.toList();
		assertThat(ranked).containsExactly("A-DISTRICT-LANGUAGE", "B-DISTRICT-LANGUAGE", "C-DISTRICT-NO-LANGUAGE",
				"D-OTHER-LANGUAGE-MANY", "E-OTHER-LANGUAGE-FEW", "F-OTHER-NO-LANGUAGE");
	}

	@Test
	void shouldRankTheHousesMadeForTheHouseholdBeforeThoseThatTakeAnyone() {
		List<Shelter> shelters = List.of(
				new Shelter("A-ANYONE-NEAR", "A", "Sorocaba", true, ANYONE, false, 40, 0, 0, false, Set.of("centro"),
						Set.of("es")),
				new Shelter("B-FAMILIES-FAR", "B", "Sorocaba", true, FAMILIES_WITH_CHILDREN, false, 6, 0, 0, false,
						Set.of("vila"), Set.of("it")),
				new Shelter("C-WOMEN-NEAR", "C", "Sorocaba", true, WOMEN_ONLY, false, 4, 0, 0, false, Set.of("centro"),
						Set.of("it")),
				new Shelter("D-MEN-NEAR", "D", "Sorocaba", true, MEN_ONLY, false, 30, 0, 0, false, Set.of("centro"),
						Set.of("es")),
				new Shelter("E-WOMEN-TOO-SMALL", "E", "Sorocaba", true, WOMEN_ONLY, false, 3, 2, 0, false,
						Set.of("centro"), Set.of("es")));

		assertThat(ranked(MOTHER_AND_SON, shelters))
			.as("a mother and her son: the houses made for her, nearest first, then the one that takes anyone;"
					+ " never the men's house, nor one without beds for both")
			.containsExactly("C-WOMEN-NEAR", "B-FAMILIES-FAR", "A-ANYONE-NEAR");
		assertThat(ranked(MAN_ALONE, shelters)).containsExactly("D-MEN-NEAR", "A-ANYONE-NEAR");
		assertThat(ranked(COUPLE, shelters)).containsExactly("A-ANYONE-NEAR");
	}

	private static List<String> ranked(HouseholdProfile household, List<Shelter> shelters) {
		return shelters.stream()
			.filter(shelter -> ShelterRules.fitsNow(household, shelter))
			.map(shelter -> ShelterRules.candidate(household, shelter))
			.sorted(ShelterRules.RANKING)
			.map(ShelterCandidate::code)
			.toList();
	}

	@Test
	void shouldDescribeTheSharedLanguagesAndFreeBeds() {
		ShelterCandidate candidate = ShelterRules.candidate(MAN_ALONE,
				shelter("X", 10, 4, Set.of("centro"), Set.of("fr", "es", "pt")));
		assertThat(candidate.sameDistrict()).isTrue();
		assertThat(candidate.sharedLanguages()).containsExactly("es", "pt");
		assertThat(candidate.freeBeds()).isEqualTo(6);
		assertThat(candidate.totalBeds()).isEqualTo(10);
	}

	@Test
	void shouldRefuseAnImpossibleProfile() {
		assertThatIllegalArgumentException().isThrownBy(() -> household(0, List.of(), false, false, false));
		assertThatIllegalArgumentException().isThrownBy(() -> household(1, List.of(18), false, false, false));
		assertThatIllegalArgumentException().isThrownBy(() -> household(1, List.of(), true, true, false));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HouseholdProfile(" ", 1, null, false, false, false, "Sorocaba", null, null));
	}

	@Test
	void shouldSummariseWithoutNames() {
		assertThat(household(1, List.of(7, 3), true, false, true).summary())
			.isEqualTo("1 adult, 2 children (3, 7); women travelling alone; wheelchair; speaks es, pt");
	}

	private static Shelter shelter(String code, ShelterTakes takes, int total, int held, int occupied,
			boolean declined) {
		return new Shelter(code, code, "Sorocaba", true, takes, false, total, held, occupied, declined,
				Set.of("centro"), Set.of("pt"));
	}

	private static Shelter shelter(String code, int total, int occupied, Set<String> districts,
			Set<String> languages) {
		return new Shelter(code, code, "Sorocaba", true, ANYONE, false, total, 0, occupied, false, districts, languages);
	}

}
