package org.acolhida.system;

import org.acolhida.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner statistics on the engine's authorizations exist after start and are used: the
 * planner's estimate for a workgroup's task grants follows the real count, not a guess of 0.5%.
 */
@PostgresIntegrationTest
class AuthorizationStatisticsIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuthorizationStatistics statistics;

	@Test
	void shouldGiveThePlannerTheShareOfReadGrants() {
		assertThat(statistics.exists()).isTrue();
		long readGrants = jdbc.queryForObject(
				"SELECT COUNT(*) FROM act_ru_authorization WHERE perms_ & 2 = 2",
				Long.class);
		jdbc.execute("ANALYZE act_ru_authorization");

		String plan = jdbc.queryForList("EXPLAIN SELECT * FROM act_ru_authorization WHERE perms_ & 2 = 2", String.class)
			.get(0);

		long estimated = Long.parseLong(plan.replaceAll(".*rows=(\\d+).*", "$1"));
		long total = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization", Long.class);
		// Without the statistics PostgreSQL guesses 0.5% of the rows, at least one.
		assertThat(readGrants).isGreaterThan(total / 20);
		assertThat(estimated).isGreaterThan(Math.max(1, total / 200) * 2);
	}

}
