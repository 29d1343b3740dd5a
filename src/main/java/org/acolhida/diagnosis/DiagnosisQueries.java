package org.acolhida.diagnosis;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.acolhida.reception.ReceptionProcess;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagnosis' figures as SQL aggregates over our tables and the engine's history, one statement per
 * table, grouped in the database: nothing here walks cases one by one. Written for PostgreSQL and run
 * unchanged on the embedded H2: {@code PERCENTILE_CONT ... WITHIN GROUP}, {@code AT TIME ZONE},
 * {@code EXTRACT(EPOCH ...)} and {@code (VALUES ...)} exist in both (and no alias is one of H2's
 * keywords, such as {@code month}).
 * <p>
 * A case counts where it is now ({@code case_file.owning_unit}): a transferred case counts at the unit
 * that took it. A registration linked to an existing case ({@code merged_into}) is not counted again.
 * The engine's timestamps ({@code ACT_HI_*}, without a zone, in the engine's own zone) are read as
 * instants by casting them to {@code TIMESTAMP WITH TIME ZONE}, which both databases do in the session's
 * zone, the zone the engine wrote them in.
 */
@Repository
@Transactional(readOnly = true)
class DiagnosisQueries {

	/** The listening's answers that name a need (booleans of the reception process), in the order shown. */
	static final List<String> NEEDS = List.of(ReceptionProcess.Variables.NEEDS_DOCUMENTATION,
			ReceptionProcess.Variables.NEEDS_HOUSING, ReceptionProcess.Variables.NEEDS_LITERACY,
			ReceptionProcess.Variables.NEEDS_LEGAL_AID, ReceptionProcess.Variables.NEEDS_HEALTH,
			ReceptionProcess.Variables.SLEEPING_ROUGH_TONIGHT, ReceptionProcess.Variables.PROTECTION_CONCERN);

	/** The steps a first service is counted at, by the element of the diagram that records it. */
	static final String ORIENTATION = "task_orientation";

	static final String ISSUED = "end_issued";

	static final String REFUSED = "end_refused";

	static final String GIVEN_UP = "end_given_up";

	static final String REFERRAL_RECORDED = "task_record_referral_outcome";

	/** Where a process found no unit and a worker had to arrange it by hand: (process, element). */
	static final List<List<String>> NO_UNIT_FOUND = List.of(List.of("reception", "task_arrange_referral"),
			List.of("documentation-guidance", "task_arrange_office"), List.of("housing-referral", "task_no_shelter_fits"),
			List.of("literacy-enrollment", "task_arrange_school"));

	private static final String FIRST_LANGUAGE = """
			CASE WHEN m.languages IS NULL OR TRIM(m.languages) = '' THEN ''
			     WHEN POSITION(',' IN m.languages) > 0 THEN TRIM(SUBSTRING(m.languages FROM 1 FOR POSITION(',' IN m.languages) - 1))
			     ELSE TRIM(m.languages) END""";

	/**
	 * The day a case was opened in the municipality's zone, as yyyymmdd: a whole number, so that an age in
	 * whole years is {@code (opened - birth) / 10000} in integer division. Built with EXTRACT, which both databases
	 * read in the zone given; H2 casts a zoned timestamp to a date in the session's zone instead.
	 */
	private static final String OPENED_YMD = """
			(CAST(EXTRACT(YEAR FROM c.opened_at AT TIME ZONE :zone) AS INTEGER) * 10000
			  + CAST(EXTRACT(MONTH FROM c.opened_at AT TIME ZONE :zone) AS INTEGER) * 100
			  + CAST(EXTRACT(DAY FROM c.opened_at AT TIME ZONE :zone) AS INTEGER))""";

	private static final String CASES_IN_PERIOD = """
			c.owning_unit IN (:units) AND c.merged_into IS NULL AND c.opened_at >= :from AND c.opened_at < :to""";

	private final NamedParameterJdbcTemplate jdbc;

	DiagnosisQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A unit that takes cases in charge. */
	record Unit(String code, String name, String timeZone) {
	}

	/** The units of a municipality that own cases (entry doors: CRAS, CREAS, integrated desks), by name. */
	List<Unit> entryDoors(String municipality) {
		return jdbc.query("""
				SELECT code, name, time_zone FROM service_unit
				WHERE LOWER(municipality) = LOWER(:municipality) AND kind IN ('CRAS', 'CREAS', 'INTEGRATED_DESK')
				ORDER BY name, code""", new MapSqlParameterSource("municipality", municipality.strip()),
				(rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
	}

	/** Names of units by code, for offices a trail went to. */
	List<Unit> units(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.query("SELECT code, name, time_zone FROM service_unit WHERE code IN (:codes)",
				new MapSqlParameterSource("codes", codes),
				(rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
	}

	/** People received, one group per unit, month, nationality, age group and first language. */
	record People(String unit, int month, String nationality, String ageGroup, String language, long people) {
	}

	List<People> people(Period period) {
		// OFFSET 0 keeps each step a step (PostgreSQL and H2 alike): without it the planner pastes the
		// opening day's expression into every branch of the age groups, converting time zones some twenty
		// times per person instead of once per case (7 s instead of well under 1 s for 55,000 cases)
		return jdbc.query("""
				SELECT unit, opened_month, nationality, age_group, language, COUNT(*) AS people FROM (
				  SELECT unit, opened_ymd / 100 AS opened_month, nationality,
				    CASE WHEN age < 6 THEN '0-5' WHEN age < 12 THEN '6-11' WHEN age < 18 THEN '12-17'
				         WHEN age < 30 THEN '18-29' WHEN age < 60 THEN '30-59' ELSE '60+' END AS age_group,
				    language
				  FROM (
				    SELECT c.unit, c.opened_ymd, LOWER(TRIM(m.nationality)) AS nationality, LOWER(%s) AS language,
				      (c.opened_ymd - (CAST(EXTRACT(YEAR FROM m.birth_date) AS INTEGER) * 10000
				        + CAST(EXTRACT(MONTH FROM m.birth_date) AS INTEGER) * 100
				        + CAST(EXTRACT(DAY FROM m.birth_date) AS INTEGER))) / 10000 AS age
				    FROM (
				      SELECT c.id, c.owning_unit AS unit, %s AS opened_ymd FROM case_file c WHERE %s OFFSET 0
				    ) c JOIN case_member m ON m.case_file = c.id
				    OFFSET 0
				  ) aged
				) grouped
				GROUP BY unit, opened_month, nationality, age_group, language""".formatted(FIRST_LANGUAGE, OPENED_YMD,
				CASES_IN_PERIOD), period.parameters(),
				(rs, i) -> new People(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getLong(6)));
	}

	/** People in households whose listening named a need, per unit and month. */
	record Need(String unit, int month, String need, long people) {
	}

	List<Need> needs(Period period) {
		// a case's needs first (a case may have several receptions: linked registrations), then its members
		return jdbc.query("""
				SELECT unit, opened_month, need, SUM(members) AS people FROM (
				  SELECT DISTINCT c.id, c.owning_unit AS unit, %s / 100 AS opened_month, v.NAME_ AS need,
				    (SELECT COUNT(*) FROM case_member m WHERE m.case_file = c.id) AS members
				  FROM case_file c
				  JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = c.case_number AND p.PROC_DEF_KEY_ = 'reception'
				  JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.ID_
				  WHERE %s AND v.NAME_ IN (%s) AND v.VAR_TYPE_ = 'boolean' AND v.LONG_ = 1
				) case_need
				GROUP BY unit, opened_month, need""".formatted(OPENED_YMD, CASES_IN_PERIOD,
				String.join(", ", NEEDS.stream().map(n -> "'" + n + "'").toList())),
				period.parameters(), (rs, i) -> new Need(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)));
	}

	/**
	 * Time from reception to each kind of first service, per unit: the cases that had it, and the median
	 * and 90th percentile of the hours from the case's opening to the first time it happened.
	 */
	record Waited(String unit, String service, long cases, Double medianHours, Double p90Hours) {
	}

	List<Waited> timeToFirstService(Period period) {
		String hours = "(EXTRACT(EPOCH FROM %s) - EXTRACT(EPOCH FROM c.opened_at)) / 3600.0";
		String engineTime = "CAST(a.END_TIME_ AS TIMESTAMP WITH TIME ZONE)";
		String fromHistory = """
				SELECT c.owning_unit AS unit, %s AS service, %s AS hours
				FROM case_file c JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = c.case_number
				JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.ID_ AND a.ACT_ID_ = '%s'
				%s
				WHERE %s AND a.END_TIME_ IS NOT NULL
				GROUP BY c.id, c.owning_unit, c.opened_at%s""";
		String sql = """
				SELECT unit, service, COUNT(*) AS cases,
				  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours,
				  PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY hours) AS p90_hours
				FROM (
				  SELECT c.owning_unit AS unit, 'SHELTER_PLACEMENT' AS service, %1$s AS hours
				  FROM case_file c JOIN placement pl ON pl.case_number = c.case_number
				  WHERE %2$s GROUP BY c.id, c.owning_unit, c.opened_at
				  UNION ALL
				  SELECT c.owning_unit, 'CLASS_SEAT', %3$s
				  FROM case_file c JOIN class_enrollment e ON e.case_number = c.case_number
				  WHERE %2$s GROUP BY c.id, c.owning_unit, c.opened_at
				  UNION ALL
				  %4$s
				  UNION ALL
				  %5$s
				  UNION ALL
				  %6$s
				) first_service
				GROUP BY unit, service""".formatted(hours.formatted("MIN(pl.since)"), CASES_IN_PERIOD,
				hours.formatted("MIN(e.since)"),
				fromHistory.formatted("'DOCUMENTATION_ORIENTATION'", hours.formatted("MIN(" + engineTime + ")"), ORIENTATION,
						"", CASES_IN_PERIOD, ""),
				fromHistory.formatted("'DOCUMENT_ISSUED'", hours.formatted("MIN(" + engineTime + ")"), ISSUED, "",
						CASES_IN_PERIOD, ""),
				fromHistory.formatted("'REFERRAL_' || k.TEXT_", hours.formatted("MIN(" + engineTime + ")"),
						REFERRAL_RECORDED,
						"JOIN ACT_HI_VARINST k ON k.ACT_INST_ID_ = a.PARENT_ACT_INST_ID_ AND k.NAME_ = '"
								+ ReceptionProcess.Variables.REFERRAL_KIND + "'",
						CASES_IN_PERIOD, ", k.TEXT_"));
		return jdbc.query(sql, period.parameters(), (rs, i) -> new Waited(rs.getString(1), rs.getString(2),
				rs.getLong(3), (Double) nullable(rs.getObject(4)), (Double) nullable(rs.getObject(5))));
	}

	private static Object nullable(Object number) {
		return number == null ? null : ((Number) number).doubleValue();
	}

	/** Households waiting for a bed now, by where, the reference person's first language and how long. */
	record WaitingForBed(String municipality, String district, String language, String band, long households) {
	}

	List<WaitingForBed> waitingForBed(Collection<String> units, Instant now) {
		return jdbc.query("""
				SELECT municipality, district, language, band, COUNT(*) FROM (
				  SELECT w.municipality, COALESCE(w.district, '') AS district, LOWER(%s) AS language, %s AS band
				  FROM waitlist_entry w JOIN case_file c ON c.case_number = w.case_number
				  LEFT JOIN case_member m ON m.case_file = c.id AND m.member_no = 1
				  WHERE w.status = 'WAITING' AND c.owning_unit IN (:units)
				) waiting
				GROUP BY municipality, district, language, band""".formatted(FIRST_LANGUAGE, band("w.since")),
				bands(units, now),
				(rs, i) -> new WaitingForBed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getLong(5)));
	}

	/** Learners waiting for a class seat now (or offered one not yet taken), by where, class and how long. */
	record WaitingForClass(String municipality, String district, String language, String level, String band,
			long learners) {
	}

	List<WaitingForClass> waitingForClass(Collection<String> units, Instant now) {
		return jdbc.query("""
				SELECT municipality, district, language, level, band, COUNT(*) FROM (
				  SELECT w.municipality, COALESCE(w.district, '') AS district, LOWER(w.language) AS language, w.level,
				    %s AS band
				  FROM class_waitlist w JOIN case_file c ON c.case_number = w.case_number
				  WHERE w.status IN ('WAITING', 'OFFERED') AND c.owning_unit IN (:units)
				) waiting
				GROUP BY municipality, district, language, level, band""".formatted(band("w.since")),
				bands(units, now), (rs, i) -> new WaitingForClass(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getLong(6)));
	}

	/** How long someone has waited, in bands: under a week, a week to a month, one to three months, more. */
	static final List<String> BANDS = List.of("UNDER_7_DAYS", "7_TO_29_DAYS", "30_TO_89_DAYS", "90_DAYS_OR_MORE");

	private static String band(String since) {
		return """
				CASE WHEN %1$s > :days7 THEN 'UNDER_7_DAYS' WHEN %1$s > :days30 THEN '7_TO_29_DAYS'
				     WHEN %1$s > :days90 THEN '30_TO_89_DAYS' ELSE '90_DAYS_OR_MORE' END""".formatted(since);
	}

	private static MapSqlParameterSource bands(Collection<String> units, Instant now) {
		return new MapSqlParameterSource("units", units).addValue("days7", at(now.minusSeconds(7 * 86_400L)))
			.addValue("days30", at(now.minusSeconds(30 * 86_400L)))
			.addValue("days90", at(now.minusSeconds(90 * 86_400L)));
	}

	/** Referrals for which no unit was found, per unit and the kind of unit that was missing. */
	record NoUnit(String unit, String process, String element, long referrals) {
	}

	List<NoUnit> noUnitFound(Period period) {
		String pairs = String.join(" OR ", NO_UNIT_FOUND.stream()
			.map(p -> "(a.PROC_DEF_KEY_ = '" + p.get(0) + "' AND a.ACT_ID_ = '" + p.get(1) + "')")
			.toList());
		return jdbc.query("""
				SELECT c.owning_unit, a.PROC_DEF_KEY_, a.ACT_ID_, COUNT(*)
				FROM case_file c JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = c.case_number
				JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.ID_
				WHERE c.owning_unit IN (:units) AND c.merged_into IS NULL AND (%s)
				  AND a.START_TIME_ >= :engineFrom AND a.START_TIME_ < :engineTo
				GROUP BY c.owning_unit, a.PROC_DEF_KEY_, a.ACT_ID_""".formatted(pairs), period.parameters(),
				(rs, i) -> new NoUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
	}

	/** Document trails that ended in the period, by document, office and how they ended. */
	record Outcome(String documentType, String office, String outcome, long documents) {
	}

	List<Outcome> documentationOutcomes(Period period) {
		return jdbc.query("""
				SELECT document_type, office, outcome, COUNT(*) FROM (
				  SELECT d.TEXT_ AS document_type, COALESCE(o.TEXT_, '') AS office, a.ACT_ID_ AS outcome
				  FROM case_file c JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = c.case_number
				  JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.ID_ AND a.ACT_ID_ IN ('%s', '%s', '%s')
				  JOIN ACT_HI_VARINST d ON d.ACT_INST_ID_ = a.PARENT_ACT_INST_ID_ AND d.NAME_ = 'documentType'
				  LEFT JOIN ACT_HI_VARINST o ON o.ACT_INST_ID_ = a.PARENT_ACT_INST_ID_ AND o.NAME_ = 'officeCode'
				  WHERE c.owning_unit IN (:units) AND c.merged_into IS NULL AND p.PROC_DEF_KEY_ = 'documentation-guidance'
				    AND a.END_TIME_ >= :engineFrom AND a.END_TIME_ < :engineTo
				) trail
				GROUP BY document_type, office, outcome""".formatted(ISSUED, REFUSED, GIVEN_UP), period.parameters(),
				(rs, i) -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
	}

	/**
	 * The units and instants a diagnosis covers; {@code zone} is the municipality's, in which months and
	 * ages are counted.
	 */
	record Period(Collection<String> units, Instant from, Instant to, String zone) {

		MapSqlParameterSource parameters() {
			return new MapSqlParameterSource("units", units).addValue("from", at(from))
				.addValue("to", at(to))
				.addValue("zone", zone)
				// the engine's columns have no zone: compared as the engine's local time
				.addValue("engineFrom", Timestamp.from(from))
				.addValue("engineTo", Timestamp.from(to));
		}

	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
