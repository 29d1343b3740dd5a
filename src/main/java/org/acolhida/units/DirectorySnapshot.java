package org.acolhida.units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole directory in memory, with the indexes the look-ups need. Read with one query per table
 * (not one per unit), so that even a directory of thousands of units loads in well under a second.
 * Immutable once built; {@link UnitDirectory} replaces it when the directory changes.
 */
final class DirectorySnapshot {

	/** What the directory looked like when the snapshot was read (see {@link #stamp(JdbcTemplate)}). */
	final String stamp;

	private final Map<String, ServiceUnit> byCode;

	private final Map<String, List<ServiceUnit>> serving = new HashMap<>();

	private final Map<String, List<ServiceUnit>> speaking = new HashMap<>();

	private final Map<String, List<ServiceUnit>> offices = new HashMap<>();

	private DirectorySnapshot(String stamp, Map<String, ServiceUnit> byCode) {
		this.stamp = stamp;
		this.byCode = byCode;
		List<ServiceUnit> active = byCode.values().stream().filter(ServiceUnit::isActive)
			.sorted(Comparator.comparing(ServiceUnit::getCode)).toList();
		for (ServiceUnit unit : active) {
			for (String district : unit.getDistricts()) {
				serving.computeIfAbsent(key(unit.getKind().name(), unit.getMunicipality(), district),
						k -> new ArrayList<>()).add(unit);
			}
			for (String language : unit.getLanguages()) {
				speaking.computeIfAbsent(key(unit.getKind().name(), language), k -> new ArrayList<>()).add(unit);
			}
			for (DocumentType type : unit.getDocumentTypes()) {
				offices.computeIfAbsent(key(type.name(), unit.getMunicipality()), k -> new ArrayList<>()).add(unit);
			}
		}
		speaking.values().forEach(units -> units
			.sort(Comparator.comparing(ServiceUnit::getMunicipality).thenComparing(ServiceUnit::getCode)));
	}

	Optional<ServiceUnit> unit(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	List<ServiceUnit> serving(UnitKind kind, String municipality, String district) {
		return serving.getOrDefault(key(kind.name(), municipality, district), List.of());
	}

	List<ServiceUnit> speaking(UnitKind kind, String language) {
		return speaking.getOrDefault(key(kind.name(), language), List.of());
	}

	List<ServiceUnit> offices(DocumentType type, String municipality) {
		return offices.getOrDefault(key(type.name(), municipality), List.of());
	}

	/** Districts, municipalities and languages are matched without regard to case, as staff type them. */
	private static String key(String... parts) {
		return String.join("\u0000", parts).toLowerCase(Locale.ROOT).strip();
	}

	/**
	 * Changes whenever a unit is created, changed or removed: every save through the directory's API
	 * raises the unit's version.
	 */
	static String stamp(JdbcTemplate jdbc) {
		return jdbc.queryForObject(
				"SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(version), 0), ':', COALESCE(MAX(id), 0)) FROM service_unit",
				String.class);
	}

	static DirectorySnapshot load(JdbcTemplate jdbc) {
		String stamp = stamp(jdbc);
		Map<Long, ServiceUnit> units = new HashMap<>();
		jdbc.query("SELECT id, version, code, name, kind, municipality, country, time_zone, address, contact, active"
				+ " FROM service_unit", rs -> {
					ServiceUnit unit = new ServiceUnit();
					unit.setId(rs.getLong("id"));
					unit.setVersion(rs.getInt("version"));
					unit.setCode(rs.getString("code"));
					unit.setName(rs.getString("name"));
					unit.setKind(UnitKind.valueOf(rs.getString("kind")));
					unit.setMunicipality(rs.getString("municipality"));
					unit.setCountry(rs.getString("country"));
					unit.setTimeZone(rs.getString("time_zone"));
					unit.setAddress(rs.getString("address"));
					unit.setContact(rs.getString("contact"));
					unit.setActive(rs.getBoolean("active"));
					units.put(unit.getId(), unit);
				});
		Map<Long, List<String>> districts = new HashMap<>();
		jdbc.query("SELECT service_unit, district FROM unit_district", rs -> {
			districts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
		});
		Map<Long, List<String>> languages = new HashMap<>();
		jdbc.query("SELECT service_unit, language FROM unit_language", rs -> {
			languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
		});
		Map<Long, List<OpeningInterval>> hours = new HashMap<>();
		jdbc.query("SELECT service_unit, day_of_week, opens_minute, closes_minute FROM opening_interval"
				+ " ORDER BY service_unit, service_unit_key", rs -> {
					hours.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new OpeningInterval(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
				});
		Map<Long, List<ExceptionInterval>> exceptionHours = new HashMap<>();
		jdbc.query("SELECT schedule_exception, day_of_week, opens_minute, closes_minute FROM exception_interval"
				+ " ORDER BY schedule_exception, schedule_exception_key", rs -> {
					exceptionHours.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new ExceptionInterval(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
				});
		Map<Long, List<ScheduleException>> exceptions = new HashMap<>();
		jdbc.query("SELECT id, service_unit, label, valid_from, valid_to, closed FROM schedule_exception"
				+ " ORDER BY service_unit, service_unit_key", rs -> {
					long id = rs.getLong("id");
					exceptions.computeIfAbsent(rs.getLong("service_unit"), k -> new ArrayList<>())
						.add(new ScheduleException(id, rs.getString("label"), rs.getDate("valid_from").toLocalDate(),
								rs.getDate("valid_to").toLocalDate(), rs.getBoolean("closed"),
								exceptionHours.getOrDefault(id, List.of())));
				});
		Map<Long, List<ClassSession>> sessions = new HashMap<>();
		jdbc.query("SELECT class_facts, day_of_week, starts_minute, ends_minute FROM class_session"
				+ " ORDER BY class_facts, class_facts_key", rs -> {
					sessions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new ClassSession(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
				});
		jdbc.query("SELECT service_unit, beds, takes, wheelchair_accessible FROM shelter_facts", rs -> {
			ServiceUnit unit = units.get(rs.getLong(1));
			if (unit != null) {
				unit.setShelter(new ShelterFacts(rs.getInt(2), ShelterFacts.ShelterTakes.valueOf(rs.getString(3)),
						rs.getBoolean(4)));
			}
		});
		jdbc.query("SELECT service_unit, language, level, audience, seats FROM class_facts", rs -> {
			ServiceUnit unit = units.get(rs.getLong(1));
			if (unit != null) {
				unit.setLiteracyClass(new ClassFacts(rs.getString(2), ClassFacts.Level.valueOf(rs.getString(3)),
						ClassFacts.Audience.valueOf(rs.getString(4)), rs.getInt(5),
						sessions.getOrDefault(rs.getLong(1), List.of())));
			}
		});
		Map<Long, List<DocumentType>> documents = new HashMap<>();
		jdbc.query("SELECT service_unit, document_type FROM unit_document_type", rs -> {
			documents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(DocumentType.valueOf(rs.getString(2)));
		});
		Map<String, ServiceUnit> byCode = new HashMap<>();
		units.forEach((id, unit) -> {
			unit.setDistricts(new java.util.HashSet<>(districts.getOrDefault(id, List.of())));
			unit.setLanguages(new java.util.HashSet<>(languages.getOrDefault(id, List.of())));
			unit.setOpeningHours(hours.getOrDefault(id, List.of()));
			unit.setExceptions(exceptions.getOrDefault(id, List.of()));
			unit.setDocumentTypes(new java.util.HashSet<>(documents.getOrDefault(id, List.of())));
			byCode.put(unit.getCode(), unit);
		});
		return new DirectorySnapshot(stamp, byCode);
	}

}
