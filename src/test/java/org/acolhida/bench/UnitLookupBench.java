package org.acolhida.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

import org.acolhida.bench.BenchReport.Figure;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnitKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-ups in a directory of 10,000 units (issue 9, item 4): the responsible unit for a district,
 * whether a unit is open, its next opening. Aim: p99 ≤ 1 ms. Medians over rounds of the p99s.
 */
@PostgresIntegrationTest
class UnitLookupBench {

	static final int UNITS = 10_000;

	static final int MUNICIPALITIES = 100;

	static final int DISTRICTS_PER_UNIT = 3;

	static final int ROUNDS = 5;

	static final int LOOKUPS_PER_ROUND = 5_000;

	@Autowired
	UnitDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void measureLookupsInTenThousandUnits() {
		createUnits();
		Random random = new Random(42);
		Instant thursdayAfternoon = Instant.parse("2026-03-05T14:30:00Z");

		IntConsumer responsible = i -> {
			int unit = random.nextInt(UNITS);
			assertThat(directory.responsibleUnit(UnitKind.CRAS, municipality(unit), district(unit, 0))).isPresent();
		};
		IntConsumer open = i -> directory.isOpen(code(random.nextInt(UNITS)), thursdayAfternoon);
		IntConsumer next = i -> directory.nextOpening(code(random.nextInt(UNITS)), thursdayAfternoon);

		List<Figure> figures = new ArrayList<>();
		figures.addAll(measure("responsible unit for a district", responsible));
		figures.addAll(measure("is the unit open", open));
		figures.addAll(measure("next opening", next));
		BenchReport.write(figures);
	}

	List<Figure> measure(String lookup, IntConsumer call) {
		for (int i = 0; i < LOOKUPS_PER_ROUND; i++) {
			call.accept(i); // warm-up
		}
		double[] p50 = new double[ROUNDS];
		double[] p99 = new double[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long[] nanos = new long[LOOKUPS_PER_ROUND];
			for (int i = 0; i < LOOKUPS_PER_ROUND; i++) {
				long start = System.nanoTime();
				call.accept(i);
				nanos[i] = System.nanoTime() - start;
			}
			p50[round] = BenchReport.percentile(nanos, 50) / 1e6;
			p99[round] = BenchReport.percentile(nanos, 99) / 1e6;
		}
		String name = "unit look-up (" + UNITS + " units): " + lookup;
		return List.of(new Figure(name, "p50, median of " + ROUNDS + " rounds", BenchReport.median(p50), "ms", ""),
				new Figure(name, "p99, median of " + ROUNDS + " rounds", BenchReport.median(p99), "ms", "≤ 1 ms"));
	}

	/** Plain inserts: the directory's API validates every unit, which would only slow the set-up. */
	void createUnits() {
		if (jdbc.queryForObject("SELECT COUNT(*) FROM service_unit WHERE code LIKE 'BENCH-%'", Integer.class) >= UNITS) {
			return;
		}
		List<Object[]> units = new ArrayList<>();
		for (int i = 0; i < UNITS; i++) {
			units.add(new Object[] { code(i), "Bench unit " + i, "CRAS", municipality(i), "BR", "America/Sao_Paulo" });
		}
		jdbc.batchUpdate("INSERT INTO service_unit (code, name, kind, municipality, country, time_zone)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", units);
		jdbc.update("""
				INSERT INTO unit_district (service_unit, district)
				SELECT u.id, 'District ' || CAST(SUBSTRING(u.code, 7) AS INTEGER) || '-' || d.n
				FROM service_unit u CROSS JOIN (VALUES (0), (1), (2)) AS d(n) WHERE u.code LIKE 'BENCH-%'
				""");
		jdbc.update("""
				INSERT INTO unit_language (service_unit, language)
				SELECT u.id, l.language FROM service_unit u CROSS JOIN (VALUES ('pt'), ('es')) AS l(language)
				WHERE u.code LIKE 'BENCH-%'
				""");
		jdbc.update("""
				INSERT INTO opening_interval (service_unit, service_unit_key, day_of_week, opens_minute, closes_minute)
				SELECT u.id, d.day - 1, d.day, 480, 1020 FROM service_unit u
				CROSS JOIN (VALUES (1), (2), (3), (4), (5)) AS d(day) WHERE u.code LIKE 'BENCH-%'
				""");
	}

	static String code(int i) {
		return "BENCH-" + i;
	}

	static String municipality(int i) {
		return "Bench town " + (i % MUNICIPALITIES);
	}

	static String district(int i, int n) {
		return "District " + i + "-" + n;
	}

}
