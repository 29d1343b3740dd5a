package org.acolhida.housing;

import java.util.Optional;

import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitSaved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a shelter's counted total equal to its beds in the directory, in the transaction of the
 * manager's change. Fewer beds than are held and occupied now are refused (400 on
 * {@code shelter.beds}, and the unit stays as it was): people in those beds cannot be un-placed by
 * editing a number. Free the beds first (exits, released holds), then reduce them. A unit that stops
 * being a shelter counts as 0 beds.
 */
@Component
class ShelterBedsGuard {

	private final JdbcClient db;

	ShelterBedsGuard(JdbcClient db) {
		this.db = db;
	}

	@EventListener
	void unitSaved(UnitSaved saved) {
		ServiceUnit unit = saved.unit();
		boolean shelter = unit.getShelter() != null;
		int beds = shelter ? unit.getShelter().beds() : 0;
		// Guarded like a hold: waits for holds in flight on this shelter and sees what they left.
		int changed = db.sql("""
				UPDATE shelter_capacity SET total = :beds WHERE service_unit = :unit AND held + occupied <= :beds
				""").param("beds", beds).param("unit", unit.getId()).update();
		if (changed == 1) {
			return;
		}
		Optional<int[]> counts = db.sql("SELECT held, occupied FROM shelter_capacity WHERE service_unit = :unit")
			.param("unit", unit.getId())
			.query((rs, row) -> new int[] { rs.getInt("held"), rs.getInt("occupied") })
			.optional();
		if (counts.isEmpty()) {
			if (shelter) {
				db.sql("INSERT INTO shelter_capacity (service_unit, total, held, occupied) VALUES (:unit, :beds, 0, 0)")
					.param("unit", unit.getId()).param("beds", beds).update();
			}
			return;
		}
		int held = counts.get()[0];
		int occupied = counts.get()[1];
		String inUse = (held + occupied) + " beds are in use now (" + held + " held, " + occupied + " occupied)";
		if (!shelter) {
			throw new InvalidInputException("kind", "cannot stop being a shelter while " + inUse);
		}
		throw new InvalidInputException("shelter.beds", "cannot be fewer than the beds in use: " + inUse
				+ "; free beds first (departures, released holds), then reduce them");
	}

}
