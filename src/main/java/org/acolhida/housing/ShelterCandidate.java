package org.acolhida.housing;

import java.util.Set;

import org.acolhida.units.ShelterFacts.ShelterTakes;

/**
 * A shelter that has room for a household and whose rules fit it, as the housing worker chooses
 * from it (the form shows these fields).
 *
 * @param sameDistrict the shelter serves the household's district
 * @param sharedLanguages languages both the household and the shelter's staff speak
 * @param freeBeds beds neither held nor occupied when searched; a hold may still find them gone
 */
public record ShelterCandidate(String code, String name, String municipality, ShelterTakes takes,
		boolean wheelchairAccessible, boolean sameDistrict, Set<String> sharedLanguages, int freeBeds, int totalBeds) {

}
