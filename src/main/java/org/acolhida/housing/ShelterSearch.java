package org.acolhida.housing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.acolhida.housing.ShelterRules.Shelter;
import org.acolhida.units.ShelterFacts.ShelterTakes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the shelters that can take a household now: active shelters of its municipality with free
 * beds for all of it, whose house rules fit it, that have not declined its case; ranked as
 * {@link ShelterRules} says. Two queries per search, whatever the number of shelters.
 *
 * <p>The free beds are a snapshot: only {@link ShelterCapacity#hold} reserves them, and it may
 * still find them gone (then offer the next candidate).
 */
@Service
@Transactional(readOnly = true)
public class ShelterSearch {

	private final JdbcClient db;

	ShelterSearch(JdbcClient db) {
		this.db = db;
	}

	/** Candidate shelters, best first; empty when none has room now (waitlist). */
	public List<ShelterCandidate> candidates(HouseholdProfile household) {
		return shelters(household).stream()
			.filter(shelter -> ShelterRules.fitsNow(household, shelter))
			.map(shelter -> ShelterRules.candidate(household, shelter))
			.sorted(ShelterRules.RANKING)
			.toList();
	}

	/**
	 * Whether any active shelter of the municipality could take the household once beds free up:
	 * rules fit, enough beds in total, not declined. False means that waiting is pointless (a
	 * household larger than any shelter, or no shelter for its profile): escalate instead.
	 */
	public boolean anyShelterCouldTake(HouseholdProfile household) {
		return shelters(household).stream().anyMatch(shelter -> ShelterRules.couldTake(household, shelter));
	}

	private List<Shelter> shelters(HouseholdProfile household) {
		Map<Long, Set<String>> districts = new HashMap<>();
		Map<Long, Set<String>> languages = new HashMap<>();
		db.sql("""
				SELECT d.service_unit AS unit, 'D' AS what, LOWER(d.district) AS name
				FROM unit_district d JOIN service_unit u ON u.id = d.service_unit
				WHERE u.kind = 'SHELTER' AND u.active AND LOWER(u.municipality) = LOWER(:municipality)
				UNION ALL
				SELECT l.service_unit, 'L', LOWER(l.language)
				FROM unit_language l JOIN service_unit u ON u.id = l.service_unit
				WHERE u.kind = 'SHELTER' AND u.active AND LOWER(u.municipality) = LOWER(:municipality)
				""")
			.param("municipality", household.municipality().strip())
			.query(rs -> {
				Map<Long, Set<String>> into = "D".equals(rs.getString("what")) ? districts : languages;
				into.computeIfAbsent(rs.getLong("unit"), unit -> new TreeSet<>()).add(rs.getString("name"));
			});
		return db.sql("""
				SELECT u.id, u.code, u.name, u.municipality, u.active, f.takes, f.wheelchair_accessible,
				       COALESCE(c.total, f.beds) AS total, COALESCE(c.held, 0) AS held,
				       COALESCE(c.occupied, 0) AS occupied,
				       CASE WHEN EXISTS (SELECT 1 FROM shelter_decline x
				                         WHERE x.service_unit = u.id AND x.case_number = :caseNumber)
				            THEN 1 ELSE 0 END AS declined
				FROM service_unit u
				JOIN shelter_facts f ON f.service_unit = u.id
				LEFT JOIN shelter_capacity c ON c.service_unit = u.id
				WHERE u.kind = 'SHELTER' AND u.active AND LOWER(u.municipality) = LOWER(:municipality)
				""")
			.param("municipality", household.municipality().strip())
			.param("caseNumber", household.caseNumber())
			.query((rs, row) -> {
				long id = rs.getLong("id");
				return new Shelter(rs.getString("code"), rs.getString("name"), rs.getString("municipality"),
						rs.getBoolean("active"), ShelterTakes.valueOf(rs.getString("takes")),
						rs.getBoolean("wheelchair_accessible"), rs.getInt("total"), rs.getInt("held"),
						rs.getInt("occupied"), rs.getInt("declined") == 1, districts.getOrDefault(id, Set.of()),
						languages.getOrDefault(id, Set.of()));
			})
			.list();
	}

}
