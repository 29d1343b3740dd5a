package org.acolhida.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.acolhida.bench.BenchReport.Figure;
import org.acolhida.monthlyreport.MonthlyCount;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The municipal diagnosis and the monthly counts at a city's size (issue 17): 50,000 closed and 5,000
 * open cases over ten CRAS of one municipality and twelve months, with their members (nationalities,
 * ages, languages), the listening's needs, documentation trails, placements, class seats and waitlists,
 * written directly in SQL (our tables and the engine's history tables, in the shape the engine writes
 * them) into a database of its own ({@code diagnosis_bench}), made once per server. Then, as helena
 * over REST, the diagnosis of the whole year, and one month's count of the busiest unit by every
 * {@link MonthlyCount} bean in the application. Aim: under 1 s each. Medians over rounds.
 */
class DiagnosisBench {

	static final String DATABASE = "diagnosis_bench";

	static final String TOWN = "Benchópolis";

	static final int CLOSED = 50_000;

	static final int OPEN = 5_000;

	static final int UNITS = 10;

	static final int WARM_UP = 3;

	static final int ROUNDS = 15;

	@Test
	void measureTheDiagnosisAndTheMonthlyCountsAtACitysSize() throws Exception {
		try (OwnDatabaseApplication app = OwnDatabaseApplication.start(DATABASE)) {
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			List<Figure> figures = new ArrayList<>();
			long started = System.nanoTime();
			if (seed(jdbc)) {
				figures.add(new Figure("diagnosis: set-up", (CLOSED + OPEN) + " cases written in SQL",
						(System.nanoTime() - started) / 1e9, "s", ""));
			}
			jdbc.execute("ANALYZE");
			long cases = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE owning_unit LIKE 'BDIAG-%'", Long.class);
			long people = jdbc.queryForObject("""
					SELECT COUNT(*) FROM case_member m JOIN case_file c ON c.id = m.case_file
					WHERE c.owning_unit LIKE 'BDIAG-%'""", Long.class);
			assertThat(cases).isEqualTo(CLOSED + OPEN);

			HttpClient client = HttpClient.newHttpClient();
			String auth = "Basic " + Base64.getEncoder().encodeToString("helena:demo".getBytes(StandardCharsets.UTF_8));
			URI diagnosis = URI.create("http://localhost:" + app.port() + "/api/reports/diagnosis?municipality="
					+ URLEncoder.encode(TOWN, StandardCharsets.UTF_8) + "&from=2025-12-01&to=2026-11-30");
			String name = "diagnosis (" + cases + " cases, " + people + " people, " + UNITS + " units, 12 months)";
			figures.addAll(measure(name, "GET /api/reports/diagnosis, one year", () -> {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(diagnosis).header("Authorization", auth)
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			}));

			UnitDirectory directory = app.bean(UnitDirectory.class);
			String busiest = jdbc.queryForObject("""
					SELECT owning_unit FROM case_file WHERE owning_unit LIKE 'BDIAG-%'
					AND opened_at >= '2026-11-01' AND opened_at < '2026-12-01'
					GROUP BY owning_unit ORDER BY COUNT(*) DESC, owning_unit LIMIT 1""", String.class);
			ServiceUnit unit = directory.unit(busiest);
			Map<String, MonthlyCount> counts = app.context.getBeansOfType(MonthlyCount.class);
			if (counts.isEmpty()) {
				figures.add(new Figure("monthly count", "no MonthlyCount bean in the application", 0, "beans", ""));
			}
			for (Map.Entry<String, MonthlyCount> count : counts.entrySet()) {
				ServiceUnit reported = count.getValue().reportsFor(unit) ? unit : someUnitItReportsFor(count.getValue(), directory, jdbc);
				if (reported == null) {
					figures.add(new Figure("monthly count " + count.getValue().report(), "no bench unit it reports for", 0,
							"units", ""));
					continue;
				}
				long inMonth = jdbc.queryForObject("""
						SELECT COUNT(*) FROM case_file WHERE owning_unit = ? AND opened_at >= '2026-11-01'
						AND opened_at < '2026-12-01'""", Long.class, reported.getCode());
				figures.addAll(measure("monthly count " + count.getValue().report() + " (" + reported.getCode() + ", "
						+ inMonth + " cases opened in the month)", "count(unit, 2026-11)",
						() -> count.getValue().count(reported, YearMonth.of(2026, 11))));
			}
			BenchReport.write(figures);
			// what PostgreSQL does for a month of the busiest unit (V9__report_indexes.sql)
			String plan = String.join("\n", jdbc.queryForList("""
					EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(*) FROM case_file c JOIN case_member m ON m.case_file = c.id
					WHERE c.owning_unit = ? AND c.opened_at >= '2026-11-01' AND c.opened_at < '2026-12-01'""", String.class,
					busiest));
			BenchReport.writeSection("diagnosis-plans.md", "# A month of the busiest unit (" + busiest + ")\n\n```\n" + plan
					+ "\n```");
		}
	}

	/** A unit of the bench's municipality that the report is for, if any (e.g. an Italian desk's summary is for none). */
	private static ServiceUnit someUnitItReportsFor(MonthlyCount count, UnitDirectory directory, JdbcTemplate jdbc) {
		for (String code : jdbc.queryForList("SELECT code FROM service_unit WHERE municipality = ? ORDER BY code",
				String.class, TOWN)) {
			if (count.reportsFor(directory.unit(code))) {
				return directory.unit(code);
			}
		}
		return null;
	}

	interface Call {

		void run() throws Exception;

	}

	List<Figure> measure(String name, String what, Call call) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			call.run();
		}
		long[] nanos = new long[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long start = System.nanoTime();
			call.run();
			nanos[round] = System.nanoTime() - start;
		}
		return List.of(new Figure(name, what + ": p50 of " + ROUNDS + " requests", BenchReport.percentile(nanos, 50) / 1e6,
				"ms", "< 1000 ms"),
				new Figure(name, what + ": p95 of " + ROUNDS + " requests", BenchReport.percentile(nanos, 95) / 1e6, "ms",
						"< 1000 ms"));
	}

	/**
	 * Writes the municipality once: ten CRAS, 55,000 cases over December 2025 to November 2026 (the last
	 * 5,000 open), 1 to 5 members each, needs in the reception's history, a documentation trail for every
	 * third case, placements, class seats and waitlists. Returns whether it wrote anything.
	 */
	static boolean seed(JdbcTemplate jdbc) {
		if (jdbc.queryForObject("SELECT COUNT(*) FROM service_unit WHERE municipality = ?", Integer.class, TOWN) > 0) {
			return false;
		}
		jdbc.update("""
				INSERT INTO service_unit (code, name, kind, municipality, country, time_zone)
				SELECT 'BDIAG-' || n, 'CRAS Bench ' || n, 'CRAS', ?, 'BR', 'America/Sao_Paulo' FROM generate_series(1, ?) n""",
				TOWN, UNITS);
		jdbc.update("""
				INSERT INTO service_unit (code, name, kind, municipality, country, time_zone)
				VALUES ('BDIAG-SHELTER', 'Abrigo Bench', 'SHELTER', ?, 'BR', 'America/Sao_Paulo'),
				       ('BDIAG-CLASS', 'Curso Bench', 'LITERACY_CLASS', ?, 'BR', 'America/Sao_Paulo'),
				       ('BDIAG-PF', 'Polícia Federal Bench', 'DOCUMENT_OFFICE', ?, 'BR', 'America/Sao_Paulo')""", TOWN, TOWN, TOWN);
		jdbc.update("INSERT INTO shelter_capacity (service_unit, total) SELECT id, 1000000 FROM service_unit WHERE code = 'BDIAG-SHELTER'");
		jdbc.update("INSERT INTO class_seats (class_unit, seats) SELECT id, 1000000 FROM service_unit WHERE code = 'BDIAG-CLASS'");
		// unit 1 is the busiest (a fifth of the cases), the others share the rest; opened over 365 days
		jdbc.update("""
				INSERT INTO case_file (case_number, owning_unit, status, district, opened_at, closed_at)
				SELECT 'BDIAG-' || n,
				  'BDIAG-' || CASE WHEN n % 5 = 0 THEN 1 ELSE 2 + n % 9 END,
				  CASE WHEN n > ? THEN 'OPEN' ELSE 'CLOSED' END,
				  'Bairro ' || (n % 12),
				  TIMESTAMP WITH TIME ZONE '2025-12-01 12:00:00-03' + (n % 365) * INTERVAL '1 day' + (n % 97) * INTERVAL '7 minutes',
				  CASE WHEN n > ? THEN NULL ELSE TIMESTAMP WITH TIME ZONE '2026-11-30 12:00:00-03' END
				FROM generate_series(1, ?) n""", CLOSED, CLOSED, CLOSED + OPEN);
		jdbc.update("""
				INSERT INTO case_member (case_file, case_file_key, member_no, relation, given_name, family_name, birth_date,
				  nationality, languages)
				SELECT c.id, k - 1, k, CASE WHEN k = 1 THEN 'REFERENCE_PERSON' ELSE 'CHILD' END, 'Pessoa', 'Bench',
				  DATE '1950-01-01' + ((c.id * 7919 + k * 104729) % 27000) * INTERVAL '1 day',
				  (ARRAY['Haiti', 'Venezuela', 'Venezuela', 'Haiti', 'Japan', 'Pakistan', 'Bolivia', 'Senegal', 'Syria',
				    'Afghanistan'])[(1 + c.id % 10)::int],
				  (ARRAY['ht,fr', 'es', 'es', 'ht', 'ja', 'ur,en', 'es', 'fr,wo', 'ar', 'fa'])[(1 + c.id % 10)::int]
				FROM case_file c CROSS JOIN generate_series(1, 5) k
				WHERE c.owning_unit LIKE 'BDIAG-%' AND k <= 1 + (c.id % 5)""");
		// the engine's history: one reception per case with the listening's answers, one documentation
		// guidance for every third case with one trail (orientation, then an outcome)
		jdbc.update("""
				INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_)
				SELECT 'bdr-' || c.id, 'bdr-' || c.id, c.case_number, 'reception', 'reception:1:bench', c.opened_at
				FROM case_file c WHERE c.owning_unit LIKE 'BDIAG-%'""");
		jdbc.update("""
				INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, PROC_DEF_KEY_, NAME_, VAR_TYPE_, LONG_)
				SELECT 'bdv-' || c.id || '-' || v.name, 'bdr-' || c.id, 'reception', v.name, 'boolean',
				  CASE WHEN (c.id + v.n) % v.every = 0 THEN 1 ELSE 0 END
				FROM case_file c CROSS JOIN (VALUES ('needsDocumentation', 1, 2), ('needsHousing', 2, 4), ('needsLiteracy', 3, 3),
				  ('needsLegalAid', 4, 9), ('needsHealth', 5, 7), ('sleepingRoughTonight', 6, 20), ('protectionConcern', 7, 25))
				  AS v(name, n, every)
				WHERE c.owning_unit LIKE 'BDIAG-%'""");
		jdbc.update("""
				INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_)
				SELECT 'bdd-' || c.id, 'bdd-' || c.id, c.case_number, 'documentation-guidance', 'documentation-guidance:1:bench',
				  c.opened_at
				FROM case_file c WHERE c.owning_unit LIKE 'BDIAG-%' AND c.id % 3 = 0""");
		jdbc.update("""
				INSERT INTO ACT_HI_ACTINST (ID_, PARENT_ACT_INST_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_,
				  ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_)
				SELECT 'bda-' || c.id || '-' || a.act, 'bdt-' || c.id, 'documentation-guidance', 'documentation-guidance:1:bench',
				  'bdd-' || c.id, 'bde-' || c.id, a.act, a.type,
				  CAST(c.opened_at AS TIMESTAMP) + (a.days + c.id % 11) * INTERVAL '1 day',
				  CAST(c.opened_at AS TIMESTAMP) + (a.days + c.id % 11) * INTERVAL '1 day'
				FROM case_file c CROSS JOIN LATERAL (VALUES ('task_orientation', 'userTask', 2),
				  (CASE WHEN c.id % 4 = 0 THEN 'end_refused' WHEN c.id % 7 = 0 THEN 'end_given_up' ELSE 'end_issued' END,
				   'noneEndEvent', 30)) AS a(act, type, days)
				WHERE c.owning_unit LIKE 'BDIAG-%' AND c.id % 3 = 0""");
		jdbc.update("""
				INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, PROC_DEF_KEY_, ACT_INST_ID_, NAME_, VAR_TYPE_, TEXT_)
				SELECT 'bdtv-' || c.id || '-' || v.name, 'bdd-' || c.id, 'documentation-guidance', 'bdt-' || c.id, v.name,
				  'string', CASE WHEN v.name = 'officeCode' THEN 'BDIAG-PF'
				    ELSE (ARRAY['CPF', 'CRNM', 'REFUGEE_PROTOCOL', 'CTPS_DIGITAL'])[(1 + c.id % 4)::int] END
				FROM case_file c CROSS JOIN (VALUES ('documentType'), ('officeCode')) AS v(name)
				WHERE c.owning_unit LIKE 'BDIAG-%' AND c.id % 3 = 0""");
		// beds for every sixth case, class seats for every fifth, a few days to weeks after reception
		jdbc.update("""
				INSERT INTO bed_hold (service_unit, case_number, beds, held_by, held_at, expires_at, status, ended_at)
				SELECT s.id, c.case_number, 1, 'bench', c.opened_at, c.opened_at + INTERVAL '2 days', 'CONFIRMED',
				  c.opened_at + (c.id % 20) * INTERVAL '1 day'
				FROM case_file c CROSS JOIN service_unit s
				WHERE s.code = 'BDIAG-SHELTER' AND c.owning_unit LIKE 'BDIAG-%' AND c.id % 6 = 0""");
		jdbc.update("""
				INSERT INTO placement (bed_hold, service_unit, case_number, beds, since)
				SELECT h.id, h.service_unit, h.case_number, 1, h.ended_at FROM bed_hold h
				JOIN service_unit s ON s.id = h.service_unit WHERE s.code = 'BDIAG-SHELTER'""");
		jdbc.update("""
				INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, ended)
				SELECT c.case_number || '/1', c.case_number, s.id, c.opened_at + (c.id % 40) * INTERVAL '1 day', 'WITHDRAWN',
				  c.opened_at + INTERVAL '90 days'
				FROM case_file c CROSS JOIN service_unit s
				WHERE s.code = 'BDIAG-CLASS' AND c.owning_unit LIKE 'BDIAG-%' AND c.id % 5 = 0""");
		// the open cases' waitlists: every fourth waits for a bed, every third for a class
		jdbc.update("""
				INSERT INTO waitlist_entry (case_number, household_size, summary, municipality, district, immediate, since,
				  status, waiting_case)
				SELECT c.case_number, 1 + c.id % 5, 'bench household', ?, c.district, FALSE, c.opened_at, 'WAITING',
				  c.case_number
				FROM case_file c WHERE c.owning_unit LIKE 'BDIAG-%' AND c.status = 'OPEN' AND c.id % 4 = 0""", TOWN);
		jdbc.update("""
				INSERT INTO class_waitlist (learner_ref, case_number, language, level, audience, municipality, district, since,
				  status, open_learner)
				SELECT c.case_number || '/1', c.case_number, 'pt', (ARRAY['PRE_LITERATE', 'BEGINNER', 'A1', 'A2'])[(1 + c.id % 4)::int],
				  'ADULTS', ?, c.district, c.opened_at, 'WAITING', c.case_number || '/1'
				FROM case_file c WHERE c.owning_unit LIKE 'BDIAG-%' AND c.status = 'OPEN' AND c.id % 3 = 0""", TOWN);
		return true;
	}

}
