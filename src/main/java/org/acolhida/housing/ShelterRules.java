package org.acolhida.housing;

import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.acolhida.units.ShelterFacts.ShelterTakes;

/**
 * Which shelters may take a household, and in which order they are offered. Pure rules, no
 * database, so that they are tested case by case.
 *
 * <p>House rules ({@link ShelterTakes}):
 * <ul>
 * <li>ANYONE: any household with at least one adult;</li>
 * <li>FAMILIES_WITH_CHILDREN: households with at least one child (and an adult);</li>
 * <li>WOMEN_ONLY: no adult man ({@link HouseholdProfile#womenTravellingAlone()}); her children, of
 * any age up to 17, come with her;</li>
 * <li>MEN_ONLY: adult men only ({@link HouseholdProfile#menTravellingAlone()}), no children.</li>
 * </ul>
 * A household without an adult (unaccompanied children) fits no shelter: child protection (CREAS)
 * places children. Accessibility needed means a wheelchair-accessible shelter. The whole household
 * must fit in the free beds: families are not split.
 *
 * <p>Order, by fit to the household: first the shelters whose house rules are made for a household
 * like it (women with their children, families with children, men alone) before those that take
 * anyone, because a mother with children is safer in a women's house than in a general dormitory;
 * then those serving the household's district (the nearness the directory knows: shelters have no
 * coordinates); then those sharing a language with it; then the most free beds; then by code, so
 * that every desk gets the same list. Every shelter offered is in the household's municipality and
 * has free beds for all of it: shelters that cannot take it are not offered at all (see
 * {@link #fitsNow}).
 */
final class ShelterRules {

	/** A shelter of the municipality as read for a search. Districts lower case. */
	record Shelter(String code, String name, String municipality, boolean active, ShelterTakes takes,
			boolean wheelchairAccessible, int total, int held, int occupied, boolean declinedThisCase,
			Set<String> districts, Set<String> languages) {

		int free() {
			return total - held - occupied;
		}

	}

	static final Comparator<ShelterCandidate> RANKING = Comparator
		.comparing((ShelterCandidate c) -> c.takes() == ShelterTakes.ANYONE)
		.thenComparing(c -> !c.sameDistrict())
		.thenComparing(c -> c.sharedLanguages().isEmpty())
		.thenComparing(ShelterCandidate::freeBeds, Comparator.reverseOrder())
		.thenComparing(ShelterCandidate::code);

	private ShelterRules() {
	}

	/** Whether the shelter's house rules and facilities suit the household, whatever its free beds. */
	static boolean rulesFit(HouseholdProfile household, ShelterTakes takes, boolean wheelchairAccessible) {
		if (household.adults() == 0) {
			return false;
		}
		if (household.accessibilityNeed() && !wheelchairAccessible) {
			return false;
		}
		return switch (takes) {
			case ANYONE -> true;
			case FAMILIES_WITH_CHILDREN -> household.hasChildren();
			case WOMEN_ONLY -> household.womenTravellingAlone();
			case MEN_ONLY -> household.menTravellingAlone() && !household.hasChildren();
		};
	}

	/** Whether the shelter could ever take the household: active, not declined, rules and total beds. */
	static boolean couldTake(HouseholdProfile household, Shelter shelter) {
		return shelter.active() && !shelter.declinedThisCase() && shelter.total() >= household.size()
				&& rulesFit(household, shelter.takes(), shelter.wheelchairAccessible());
	}

	/** Whether the shelter can take the household now: as {@link #couldTake} and with the free beds. */
	static boolean fitsNow(HouseholdProfile household, Shelter shelter) {
		return couldTake(household, shelter) && shelter.free() >= household.size();
	}

	static ShelterCandidate candidate(HouseholdProfile household, Shelter shelter) {
		boolean sameDistrict = household.district() != null
				&& shelter.districts().contains(household.district().strip().toLowerCase(Locale.ROOT));
		SortedSet<String> shared = new TreeSet<>(shelter.languages());
		shared.retainAll(household.languages());
		return new ShelterCandidate(shelter.code(), shelter.name(), shelter.municipality(), shelter.takes(),
				shelter.wheelchairAccessible(), sameDistrict, Collections.unmodifiableSortedSet(shared), shelter.free(), shelter.total());
	}

}
