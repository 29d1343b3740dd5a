package org.acolhida.system;

import java.util.List;

import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner statistics on the engine's authorizations exist after start and are used: the
 * planner's estimate for a workgroup's task grants follows the real count, not a guess of 0.5%; and
 * a signed-in worker's task queries are planned with their values, other statements as usual.
 */
@PostgresIntegrationTest
class AuthorizationStatisticsIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuthorizationStatistics statistics;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

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

	@Test
	void shouldPlanASignedInWorkersTaskQueriesWithTheirValues() {
		String duringTheWorkersQuery = transaction.execute(status -> {
			identity.setAuthentication("ana", List.of("reception", "SOR-CRAS-NORTE", "reception.SOR-CRAS-NORTE"));
			try {
				tasks.createTaskQuery().taskCandidateGroup("reception.SOR-CRAS-NORTE").orderByTaskCreateTime().desc()
					.listPage(0, 50);
			}
			finally {
				identity.clearAuthentication();
			}
			return planMode();
		});
		String duringTheWorkersQueryForOneInstance = transaction.execute(status -> {
			identity.setAuthentication("ana", List.of("reception", "SOR-CRAS-NORTE", "reception.SOR-CRAS-NORTE"));
			try {
				tasks.createTaskQuery().processInstanceId("no-such-instance").listPage(0, 50);
			}
			finally {
				identity.clearAuthentication();
			}
			return planMode();
		});
		String duringAnUnauthenticatedQuery = transaction.execute(status -> {
			tasks.createTaskQuery().listPage(0, 1);
			return planMode();
		});

		assertThat(duringTheWorkersQuery).isEqualTo("force_custom_plan, random_page_cost 1.1");
		assertThat(duringTheWorkersQueryForOneInstance).isEqualTo("auto, random_page_cost 4");
		assertThat(duringAnUnauthenticatedQuery).isEqualTo("auto, random_page_cost 4");
		// SET LOCAL: the pooled connection goes back with PostgreSQL's default
		String afterwards = transaction.execute(status -> planMode());
		assertThat(afterwards).isEqualTo("auto, random_page_cost 4");
	}

	String planMode() {
		return jdbc.queryForObject("SHOW plan_cache_mode", String.class) + ", random_page_cost "
				+ jdbc.queryForObject("SHOW random_page_cost", String.class);
	}

}
