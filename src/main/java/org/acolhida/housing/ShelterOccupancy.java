package org.acolhida.housing;

/** A shelter's beds right now, as managers see them; free = total - held - occupied. */
public record ShelterOccupancy(String code, String name, String municipality, boolean active, int total, int held,
		int occupied, int free) {

}
