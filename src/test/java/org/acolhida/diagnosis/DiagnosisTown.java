package org.acolhida.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Diagnosópolis: a municipality of its own for the diagnosis' tests, written directly in our tables,
 * so that nothing another test creates changes its figures. Counted by hand in the comments; the tests
 * (DiagnosisIT, DiagnosisBrowserIT) assert them.
 */
final class DiagnosisTown {

	static final String TOWN = "Diagnosópolis";

	/** The engine clock while the town is read: waiting times are counted up to it. */
	static final Instant NOW = Instant.parse("2031-07-01T12:00:00Z");

	private static final AtomicInteger RUNNING = new AtomicInteger();

	private DiagnosisTown() {
	}

	/** Writes the town once; the tests only read it. Sets the engine clock to {@link #NOW}. */
	static void seed(JdbcTemplate jdbc) {
		ClockUtil.setCurrentTime(Date.from(NOW));
		if (jdbc.queryForObject("SELECT COUNT(*) FROM service_unit WHERE municipality = ?", Integer.class, TOWN) > 0) {
			return;
		}
		for (String[] unit : List.of(new String[] { "DIAG-CRAS-A", "CRAS Alfa", "CRAS" },
				new String[] { "DIAG-CRAS-B", "CRAS Beta", "CRAS" }, new String[] { "DIAG-ABRIGO", "Abrigo Diag", "SHELTER" },
				new String[] { "DIAG-CURSO", "Curso Diag", "LITERACY_CLASS" })) {
			jdbc.update("INSERT INTO service_unit (code, name, kind, municipality, country, time_zone) VALUES (?, ?, ?, ?, 'BR', "
					+ "'America/Sao_Paulo')", unit[0], unit[1], unit[2], TOWN);
		}
		long shelter = jdbc.queryForObject("SELECT id FROM service_unit WHERE code = 'DIAG-ABRIGO'", Long.class);
		jdbc.update("INSERT INTO shelter_capacity (service_unit, total) VALUES (?, 100)", shelter);
		long course = jdbc.queryForObject("SELECT id FROM service_unit WHERE code = 'DIAG-CURSO'", Long.class);
		jdbc.update("INSERT INTO class_seats (class_unit, seats) VALUES (?, 100)", course);

		Instant may = Instant.parse("2031-05-10T15:00:00Z");
		// CRAS Alfa in May: 27 people in 7 households
		List<String> alfaMay = new ArrayList<>();
		// 5 households of 4 Haitians: 6-11 years 7, 18-29 years 5, 30-59 years 8 (on 10 May 2031)
		String[][] haitians = { { "Haiti", "1980-01-01", "1981-01-01", "2022-01-01", "2023-01-01" },
				{ "haïti", "1979-05-05", "1982-06-06", "2021-03-03", "2020-04-04" },
				{ "Haiti", "1975-01-01", "1976-01-01", "2022-09-09", "2021-01-01" },
				{ "Haiti", "1985-01-01", "2005-01-01", "2006-01-01", "2007-01-01" },
				{ "haïti", "1986-01-01", "2004-01-01", "2003-01-01", "2024-01-01" } };
		for (String[] household : haitians) {
			List<String> births = List.of(household).subList(1, 5);
			alfaMay.add(caseOf(jdbc, "DIAG-CRAS-A", may, household[0], "ht,fr", births));
		}
		// 6 Venezuelans in one household (all adults 30-59), first language Spanish
		alfaMay.add(caseOf(jdbc, "DIAG-CRAS-A", may, "Venezuela", "es", List.of("1980-01-01", "1981-01-01", "1982-01-01",
				"1983-01-01", "1984-01-01", "1985-01-01")));
		// a Syrian who speaks Spanish first
		alfaMay.add(caseOf(jdbc, "DIAG-CRAS-A", may, "Síria", "es,ar", List.of("1990-01-01")));
		// June: 5 Haitians; April and a linked registration: not counted
		caseOf(jdbc, "DIAG-CRAS-A", Instant.parse("2031-06-02T15:00:00Z"), "Haiti", "ht",
				List.of("1980-01-01", "1981-01-01", "2010-01-01", "2011-01-01", "2012-01-01"));
		caseOf(jdbc, "DIAG-CRAS-A", Instant.parse("2031-04-28T15:00:00Z"), "Haiti", "ht", List.of("1980-01-01"));
		String linked = caseOf(jdbc, "DIAG-CRAS-A", may, "Haiti", "ht", List.of("1980-01-01"));
		jdbc.update("UPDATE case_file SET merged_into = ? WHERE case_number = ?", alfaMay.get(0), linked);
		// CRAS Beta in May: 2 Haitians
		caseOf(jdbc, "DIAG-CRAS-B", may, "Haiti", "ht", List.of("1980-01-01", "1981-01-01"));

		// beds 2, 4, 6, 8, 10 days after reception, for five of Alfa's May households
		for (int i = 0; i < 5; i++) {
			Instant since = may.plus(Duration.ofDays(2 * (i + 1)));
			jdbc.update("""
					INSERT INTO bed_hold (service_unit, case_number, beds, held_by, held_at, expires_at, status, ended_at)
					VALUES (?, ?, 1, 'carla', ?, ?, 'CONFIRMED', ?)""", shelter, alfaMay.get(i),
					at(since.minusSeconds(3600)), at(since.plusSeconds(3600)), at(since));
			long hold = jdbc.queryForObject("SELECT id FROM bed_hold WHERE case_number = ?", Long.class, alfaMay.get(i));
			jdbc.update("INSERT INTO placement (bed_hold, service_unit, case_number, beds, since) VALUES (?, ?, ?, 1, ?)",
					hold, shelter, alfaMay.get(i), at(since));
		}
		// two class seats
		for (int i = 5; i < 7; i++) {
			jdbc.update("""
					INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, holds_seat_in)
					VALUES (?, ?, ?, ?, 'ENROLLED', ?)""", alfaMay.get(i) + "/1", alfaMay.get(i), course,
					at(may.plus(Duration.ofDays(3))), course);
		}
		// the waitlists, as of NOW: 6 households 10 days, 2 for 100 days, 1 withdrawn
		List<String> waiting = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			waiting.add(caseOf(jdbc, "DIAG-CRAS-A", Instant.parse("2031-01-05T15:00:00Z"), "Haiti", "ht", List.of("1980-01-01")));
		}
		for (int i = 0; i < 9; i++) {
			Instant since = NOW.minus(Duration.ofDays(i < 6 ? 10 : 100));
			boolean withdrawn = i == 8;
			jdbc.update("""
					INSERT INTO waitlist_entry (case_number, household_size, summary, municipality, district, immediate, since,
					  status, waiting_case, ended_at) VALUES (?, 1, 'one adult', ?, 'Centro', FALSE, ?, ?, ?, ?)""",
					waiting.get(i), TOWN, at(since), withdrawn ? "WITHDRAWN" : "WAITING", withdrawn ? null : waiting.get(i),
					withdrawn ? at(NOW) : null);
		}
		// five learners waiting 40 days for a Portuguese A1 class
		for (int i = 0; i < 5; i++) {
			jdbc.update("""
					INSERT INTO class_waitlist (learner_ref, case_number, language, level, audience, municipality, district,
					  since, status, open_learner) VALUES (?, ?, 'pt', 'A1', 'ADULTS', ?, 'Centro', ?, 'WAITING', ?)""",
					waiting.get(i) + "/1", waiting.get(i), TOWN, at(NOW.minus(Duration.ofDays(40))), waiting.get(i) + "/1");
		}
	}

	/** A case with its members (the first is the reference person), all of one nationality and languages. */
	static String caseOf(JdbcTemplate jdbc, String unit, Instant opened, String nationality, String languages, List<String> births) {
		String number = "DIAG-" + (RUNNING.incrementAndGet()) + "-" + System.nanoTime() % 100_000_000;
		jdbc.update("INSERT INTO case_file (case_number, owning_unit, status, opened_at) VALUES (?, ?, 'OPEN', ?)", number,
				unit, at(opened));
		long id = jdbc.queryForObject("SELECT id FROM case_file WHERE case_number = ?", Long.class, number);
		for (int i = 0; i < births.size(); i++) {
			jdbc.update("""
					INSERT INTO case_member (case_file, case_file_key, member_no, relation, given_name, family_name, birth_date,
					  nationality, languages) VALUES (?, ?, ?, ?, 'Test', 'Person', ?, ?, ?)""", id, i, i + 1,
					i == 0 ? "REFERENCE_PERSON" : "OTHER_RELATIVE", LocalDate.parse(births.get(i)), nationality, languages);
		}
		return number;
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
