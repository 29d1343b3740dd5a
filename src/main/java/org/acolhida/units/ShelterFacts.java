package org.acolhida.units;

import org.springframework.data.relational.core.mapping.Table;

/** What a shelter offers: its beds and whom it takes. */
@Table("shelter_facts")
public record ShelterFacts(int beds, ShelterTakes takes, boolean wheelchairAccessible) {

	/** The house rules on who may be placed in a shelter. */
	public enum ShelterTakes {
		ANYONE, FAMILIES_WITH_CHILDREN, WOMEN_ONLY, MEN_ONLY
	}

}
