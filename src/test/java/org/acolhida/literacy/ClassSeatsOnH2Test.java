package org.acolhida.literacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The seat and waitlist SQL on H2 as the embedded default runs it (not in PostgreSQL mode), without
 * an application context: every statement must run on both databases. Behaviour under concurrency
 * is PostgreSQL's business and is proven in ClassSeatsIT.
 */
class ClassSeatsOnH2Test {

	private JdbcTemplate jdbc;

	private ClassSeats seats;

	private ClassSearch search;

	private DemandReport demand;

	@BeforeEach
	void database() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:seats" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = new JdbcTemplate(dataSource);
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
		SeatLedger ledger = new SeatLedger(named);
		ClassCatalogue catalogue = new ClassCatalogue(named);
		seats = new ClassSeats(ledger, catalogue, new LiteracyProperties(Duration.ofDays(7), 2),
				new DefaultListableBeanFactory().getBeanProvider(Clock.class));
		search = new ClassSearch(catalogue);
		demand = new DemandReport(ledger);
		jdbc.update("INSERT INTO service_unit (id, code, name, kind, municipality, country, time_zone)"
				+ " VALUES (1, 'H2-CLASS', 'Curso', 'LITERACY_CLASS', 'Sorocaba', 'BR', 'America/Sao_Paulo')");
		jdbc.update("INSERT INTO unit_district (service_unit, district) VALUES (1, 'Éden')");
		jdbc.update("INSERT INTO class_facts (service_unit, language, level, audience, seats)"
				+ " VALUES (1, 'pt', 'A1', 'ADULTS', 1)");
		jdbc.update("INSERT INTO class_session (class_facts, class_facts_key, day_of_week, starts_minute, ends_minute)"
				+ " VALUES (1, 0, 1, 1110, 1230)");
		new ClassSeatsSync(named).sync(1, "H2-CLASS", 1);
	}

	@Test
	void shouldRunEveryStatementOnH2() {
		LearnerNeed need = new LearnerNeed("pt", Level.A1, Audience.ADULTS, "sorocaba", "éden",
				List.of(WeeklyInterval.parse("MONDAY 18:00-21:00")));
		assertThat(search.classesFor(need)).extracting(ClassOption::code, ClassOption::nearLearner)
			.containsExactly(tuple("H2-CLASS", true));

		Enrollment enrollment = seats.enroll("L1", "C1", "H2-CLASS").orElseThrow();
		assertThat(seats.enroll("L1", "C1", "H2-CLASS").orElseThrow().id()).isEqualTo(enrollment.id());
		assertThat(seats.enroll("L2", "C2", "H2-CLASS")).isEmpty();
		assertThat(search.classesFor(need)).isEmpty();

		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		WaitlistEntry waiting = seats.addToWaitlist("L2", "C2", need, now.minus(Duration.ofDays(4)));
		assertThat(waiting.need().availability()).isEqualTo(need.availability());
		assertThat(seats.recordNoShow(enrollment.id()).status()).isEqualTo(Enrollment.Status.ENROLLED);
		assertThat(seats.recordNoShow(enrollment.id()).status()).isEqualTo(Enrollment.Status.NO_SHOW_RELEASED);
		assertThat(seats.offerFreedSeats("H2-CLASS")).extracting(SeatOffer::learnerRef).containsExactly("L2");
		assertThat(seats.matchWaitlist(now.plus(Duration.ofDays(8)))).extracting(SeatOffer::learnerRef)
			.containsExactly("L2");
		assertThat(demand.unmetDemand("Sorocaba", now)).singleElement()
			.satisfies(group -> assertThat(group.maxDaysWaited()).isEqualTo(4))
			.satisfies(group -> assertThat(group.offered()).isEqualTo(1));
		Enrollment second = seats.enroll("L2", "C2", "H2-CLASS").orElseThrow();
		assertThat(seats.waitlistEntry(waiting.id()).orElseThrow().status()).isEqualTo(WaitlistEntry.Status.ENROLLED);
		assertThat(seats.withdraw(second.id()).status()).isEqualTo(Enrollment.Status.WITHDRAWN);
		assertThat(seats.enrollmentsOfCase("C2")).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT taken FROM class_seats", Integer.class)).isZero();
		assertThat(demand.unmetDemand(null, now)).isEmpty();
	}

	@Test
	void shouldRefuseFewerSeatsThanTakenOnH2() {
		seats.enroll("L1", "C1", "H2-CLASS").orElseThrow();
		ClassSeatsSync sync = new ClassSeatsSync(new NamedParameterJdbcTemplate(jdbc));
		assertThatThrownBy(() -> sync.sync(1, "H2-CLASS", 0))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("literacyClass.seats");
		assertThatThrownBy(() -> sync.sync(1, "H2-CLASS", null))
			.hasMessageContaining("kind");
		sync.sync(1, "H2-CLASS", 5);
		assertThat(jdbc.queryForObject("SELECT seats FROM class_seats", Integer.class)).isEqualTo(5);
	}

}
