package org.acolhida.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis' SQL on H2 as the embedded default runs it, without an application context: every
 * statement must run on both databases and give the same figures as on PostgreSQL (DiagnosisIT).
 * Our tables come from the migrations, the engine's history tables from the engine's own H2 script.
 */
class DiagnosisOnH2Test {

	JdbcTemplate jdbc;

	DiagnosisQueries queries;

	@BeforeEach
	void database() throws IOException {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:diagnosis" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = new JdbcTemplate(dataSource);
		try (InputStream history = getClass().getClassLoader()
			.getResourceAsStream("org/camunda/bpm/engine/db/create/activiti.h2.create.history.sql")) {
			String script = new String(history.readAllBytes(), StandardCharsets.UTF_8)
				.replaceAll("(?s)/\\*.*?\\*/", "")
				.replaceAll("(?m)^\\s*--.*$", "");
			for (String statement : script.split(";")) {
				if (!statement.isBlank()) {
					jdbc.execute(statement);
				}
			}
		}
		queries = new DiagnosisQueries(new NamedParameterJdbcTemplate(jdbc));
		DiagnosisTown.seed(jdbc);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	DiagnosisQueries.Period mayAndJune() {
		ZoneId zone = ZoneId.of("America/Sao_Paulo");
		return new DiagnosisQueries.Period(List.of("DIAG-CRAS-A", "DIAG-CRAS-B"),
				LocalDate.of(2031, 5, 1).atStartOfDay(zone).toInstant(), LocalDate.of(2031, 7, 1).atStartOfDay(zone).toInstant(),
				zone.getId());
	}

	@Test
	void shouldCountPeopleByMonthAndAgeGroupAsOnPostgres() {
		List<DiagnosisQueries.People> people = queries.people(mayAndJune());

		assertThat(people.stream().filter(p -> p.unit().equals("DIAG-CRAS-A") && p.month() == 203105)
			.mapToLong(DiagnosisQueries.People::people).sum()).isEqualTo(27);
		assertThat(people.stream().filter(p -> p.month() == 203105 && p.ageGroup().equals("6-11"))
			.mapToLong(DiagnosisQueries.People::people).sum()).isEqualTo(7);
		assertThat(people.stream().filter(p -> p.unit().equals("DIAG-CRAS-A") && p.month() == 203106)
			.mapToLong(DiagnosisQueries.People::people).sum()).isEqualTo(5);
	}

	@Test
	void shouldComputeTheMedianAndNinetiethPercentileInSql() {
		DiagnosisQueries.Waited bed = queries.timeToFirstService(mayAndJune()).stream()
			.filter(w -> w.service().equals("SHELTER_PLACEMENT"))
			.findFirst()
			.orElseThrow();

		assertThat(bed.cases()).isEqualTo(5);
		assertThat(bed.medianHours()).isEqualTo(144.0);
		assertThat(bed.p90Hours()).isCloseTo(220.8, org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void shouldBandTheWaitsAndRunTheHistoryQueries() {
		Instant now = DiagnosisTown.NOW;

		assertThat(queries.waitingForBed(List.of("DIAG-CRAS-A"), now)).extracting(DiagnosisQueries.WaitingForBed::band,
				DiagnosisQueries.WaitingForBed::households)
			.containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("7_TO_29_DAYS", 6L),
					org.assertj.core.api.Assertions.tuple("90_DAYS_OR_MORE", 2L));
		assertThat(queries.waitingForClass(List.of("DIAG-CRAS-A"), now)).hasSize(1);
		assertThat(queries.needs(mayAndJune())).isEmpty();
		assertThat(queries.noUnitFound(mayAndJune())).isEmpty();
		assertThat(queries.documentationOutcomes(mayAndJune())).isEmpty();
	}

}
