package org.acolhida.literacy;

import java.util.List;
import java.util.Map;

import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitSaved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a class's seat count ({@code class_seats.seats}) equal to the seats the manager set in the
 * unit directory, in the same transaction as the unit's save. Lowering seats below those taken is
 * refused (400 on {@code literacyClass.seats}) and the unit's save rolled back: the enrolled
 * learners keep their seats; the manager withdraws learners first or waits until seats free up.
 * The same holds for a class that would stop being one (another kind) while learners hold seats.
 * The update is guarded like an enrolment, so a manager and a learner racing for the same row
 * cannot between them break "taken &lt;= seats".
 */
@Component
class ClassSeatsSync {

	private final NamedParameterJdbcTemplate jdbc;

	ClassSeatsSync(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void unitSaved(UnitSaved saved) {
		ServiceUnit unit = saved.unit();
		sync(unit.getId(), unit.getCode(), unit.getLiteracyClass() == null ? null : unit.getLiteracyClass().seats());
	}

	/** @param classSeats the unit's seats, or null when it is not (or no longer) a class */
	void sync(long unitId, String code, Integer classSeats) {
		int seats = classSeats == null ? 0 : classSeats;
		Map<String, Object> params = Map.of("id", unitId, "seats", seats);
		if (jdbc.update("UPDATE class_seats SET seats = :seats WHERE class_unit = :id AND taken <= :seats",
				params) == 1) {
			return;
		}
		List<Integer> taken = jdbc.queryForList("SELECT taken FROM class_seats WHERE class_unit = :id", params,
				Integer.class);
		if (taken.isEmpty()) {
			if (classSeats != null) {
				jdbc.update("INSERT INTO class_seats (class_unit, seats, taken) VALUES (:id, :seats, 0)", params);
			}
			return;
		}
		if (classSeats == null) {
			throw new InvalidInputException("kind", taken.get(0) + " learners hold seats in class " + code
					+ "; withdraw them before it stops being a LITERACY_CLASS");
		}
		throw new InvalidInputException("literacyClass.seats", "cannot be fewer than the " + taken.get(0)
				+ " seats that learners hold in " + code + "; withdraw learners first or keep at least "
				+ taken.get(0) + " seats");
	}

}
