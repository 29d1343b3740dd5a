package org.acolhida.system;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our migrations are written for PostgreSQL and must also run on H2 in PostgreSQL mode (the engine's
 * own tables need H2's regular mode, which the embedded default uses; see application.yaml).
 */
class MigrationsOnH2Test {

	@Test
	void shouldMigrateOnH2InPostgresMode() {
		assertMigrates("jdbc:h2:mem:pgmode;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
	}

	@Test
	void shouldMigrateOnH2AsTheEmbeddedDefaultRunsIt() {
		assertMigrates("jdbc:h2:mem:regular;DB_CLOSE_DELAY=-1");
	}

	private static void assertMigrates(String url) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();

		MigrateResult result = flyway.migrate();

		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isEqualTo(flyway.info().all().length);
		assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM service_unit", Integer.class))
			.isZero();
	}

}
