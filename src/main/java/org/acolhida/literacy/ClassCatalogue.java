package org.acolhida.literacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads active literacy classes with their seats, lessons and districts in three queries, whatever
 * their number: the unit directory's aggregates would cost a query per class and collection.
 */
@Repository
class ClassCatalogue {

	private static final String ACTIVE_CLASSES = """
			FROM service_unit u
			JOIN class_facts f ON f.service_unit = u.id
			JOIN class_seats s ON s.class_unit = u.id
			WHERE u.kind = 'LITERACY_CLASS' AND u.active
			""";

	private final NamedParameterJdbcTemplate jdbc;

	ClassCatalogue(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Active classes teaching this language, level and audience in the municipality, with a free seat. */
	List<ClassOption> withFreeSeatsFor(LearnerNeed need) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("municipality", need.municipality())
			.addValue("language", need.language())
			.addValue("level", need.level().name())
			.addValue("audience", need.audience().name());
		return load("""
				 AND LOWER(u.municipality) = LOWER(:municipality) AND f.language = :language
				 AND f.level = :level AND f.audience = :audience
				""", params);
	}

	/** Every active class with a seat neither taken nor offered. */
	List<ClassOption> withFreeSeats() {
		return load("", new MapSqlParameterSource());
	}

	private List<ClassOption> load(String filter, MapSqlParameterSource params) {
		String free = " AND s.taken + (SELECT COUNT(*) FROM class_waitlist w WHERE w.offered_class = u.id"
				+ " AND w.status = 'OFFERED') < s.seats";
		Map<Long, Row> rows = new LinkedHashMap<>();
		jdbc.query("""
				SELECT u.id, u.code, u.name, u.municipality, f.language, f.level, f.audience, s.seats, s.taken,
				       (SELECT COUNT(*) FROM class_waitlist w WHERE w.offered_class = u.id AND w.status = 'OFFERED') AS offered
				""" + ACTIVE_CLASSES + filter + free + " ORDER BY u.code", params, rs -> {
			rows.put(rs.getLong("id"),
					new Row(rs.getString("code"), rs.getString("name"), rs.getString("municipality"),
							rs.getString("language"), Level.valueOf(rs.getString("level")),
							Audience.valueOf(rs.getString("audience")), rs.getInt("seats"), rs.getInt("taken"),
							rs.getInt("offered")));
		});
		if (rows.isEmpty()) {
			return List.of();
		}
		// The same filter again rather than an IN list of ids: no limit on the number of classes.
		Map<Long, List<WeeklyInterval>> sessions = new HashMap<>();
		jdbc.query("SELECT c.class_facts, c.day_of_week, c.starts_minute, c.ends_minute FROM class_session c"
				+ " WHERE c.class_facts IN (SELECT u.id " + ACTIVE_CLASSES + filter + free + ")", params,
				rs -> {
					sessions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
						.add(new WeeklyInterval(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
				});
		Map<Long, Set<String>> districts = new HashMap<>();
		jdbc.query("SELECT d.service_unit, d.district FROM unit_district d WHERE d.service_unit IN (SELECT u.id "
				+ ACTIVE_CLASSES + filter + free + ")", params, rs -> {
					districts.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2));
				});
		List<ClassOption> options = new ArrayList<>(rows.size());
		rows.forEach((id, row) -> options.add(new ClassOption(row.code, row.name, row.municipality,
				districts.getOrDefault(id, Set.of()), row.language, row.level, row.audience, row.seats, row.taken,
				row.offered, sessions.getOrDefault(id, List.of()), false)));
		return options;
	}

	private record Row(String code, String name, String municipality, String language, Level level,
			Audience audience, int seats, int taken, int offered) {
	}

}
