package org.acolhida.housing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.acolhida.clock.EngineClock;
import org.acolhida.housing.HoldAttempt.Outcome;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The housing schema and statements on H2, as the embedded default (and process tests) run them:
 * in H2's own mode and in its PostgreSQL mode. The full behaviour under concurrency is proved on
 * PostgreSQL by {@link ShelterCapacityIT}.
 */
class HousingOnH2Test {

	@ParameterizedTest
	@ValueSource(strings = { "", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
	void shouldRunTheCapacityLifecycle(String mode) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:housing" + mode.hashCode() + ";DB_CLOSE_DELAY=-1" + mode);
		dataSource.setUser("sa");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient db = JdbcClient.create(dataSource);
		long unit = db.sql("""
				INSERT INTO service_unit (code, name, kind, municipality, country, time_zone)
				VALUES ('H2-SHELTER', 'Shelter', 'SHELTER', 'Testville', 'BR', 'America/Sao_Paulo')
				""").update() == 1 ? db.sql("SELECT id FROM service_unit WHERE code = 'H2-SHELTER'").query(Long.class).single() : -1;
		db.sql("INSERT INTO shelter_facts (service_unit, beds, takes, wheelchair_accessible) VALUES (:u, 3, 'ANYONE', TRUE)")
			.param("u", unit).update();
		db.sql("INSERT INTO unit_district (service_unit, district) VALUES (:u, 'Centro')").param("u", unit).update();
		db.sql("INSERT INTO unit_language (service_unit, language) VALUES (:u, 'es')").param("u", unit).update();

		ShelterCapacity capacity = new ShelterCapacity(db, new HousingProperties(Duration.ofHours(48)), new EngineClock());
		ShelterSearch search = new ShelterSearch(db);
		HousingWaitlist waitlist = new HousingWaitlist(db, new EngineClock());
		HouseholdProfile pair = new HouseholdProfile("H2-1", 2, List.of(), false, false, false, "testville", "centro",
				Set.of("ES"));

		assertThat(search.candidates(pair)).singleElement().satisfies(c -> {
			assertThat(c.code()).isEqualTo("H2-SHELTER");
			assertThat(c.sameDistrict()).isTrue();
			assertThat(c.sharedLanguages()).containsExactly("es");
			assertThat(c.freeBeds()).isEqualTo(3);
		});
		BedHold hold = capacity.hold("H2-1", "H2-SHELTER", 2, "carla", null).orElseThrow();
		assertThat(hold.expiresAt()).isEqualTo(hold.heldAt().plus(Duration.ofHours(48)));
		assertThat(capacity.hold("H2-1", "H2-SHELTER", 2, "carla", null)).contains(hold);
		assertThat(capacity.attemptHold("H2-2", "H2-SHELTER", 2, "carla", null).outcome()).isEqualTo(Outcome.NO_ROOM);
		assertThat(search.candidates(pair)).isEmpty();
		assertThat(search.anyShelterCouldTake(pair)).isTrue();

		waitlist.add(new HouseholdProfile("H2-3", 1, List.of(), false, false, false, "Testville", null, null), false);
		waitlist.add(pair, true);
		assertThat(waitlist.list("TESTVILLE")).extracting(WaitlistEntry::caseNumber).containsExactly("H2-1", "H2-3");

		Placement placement = capacity.confirm(hold.id()).orElseThrow();
		assertThat(capacity.confirm(hold.id())).contains(placement);
		assertThat(waitlist.entryOf("H2-1")).isEmpty();
		assertThat(capacity.occupancy("Testville")).singleElement()
			.isEqualTo(new ShelterOccupancy("H2-SHELTER", "Shelter", "Testville", true, 3, 0, 2, 1));

		BedHold single = capacity.hold("H2-3", "H2-SHELTER", 1, "carla", Duration.ofMinutes(5)).orElseThrow();
		assertThat(capacity.expireHolds(Instant.now().plus(Duration.ofMinutes(6)))).extracting(BedHold::id)
			.containsExactly(single.id());
		assertThat(capacity.decline(capacity.hold("H2-3", "H2-SHELTER", 1, "carla", null).orElseThrow().id(), "full",
				"sheila")).isTrue();
		assertThat(search.candidates(new HouseholdProfile("H2-3", 1, List.of(), false, false, false, "Testville",
				null, null))).isEmpty();
		assertThat(capacity.exit("H2-1")).hasSize(1);
		assertThat(capacity.exit("H2-1")).isEmpty();
		assertThat(capacity.occupancy(null)).singleElement().extracting(ShelterOccupancy::free).isEqualTo(3);
	}

}
