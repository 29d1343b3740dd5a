package org.acolhida.system;

import java.sql.DatabaseMetaData;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL's planner how many of the engine's authorizations grant a permission, so that
 * Tasklist stays usable with many open tasks.
 * <p>
 * Every task query of a signed-in worker joins the authorizations on
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} after filtering them with bit tests such as
 * {@code PERMS_ & 2 = 2}. PostgreSQL has no statistics for such an expression and guesses that
 * 0.5% of the rows pass it; with one authorization per task and candidate group (TASK_WORK), a
 * workgroup's real count is a thousand times that, and the planner, expecting a handful of rows,
 * compares every task with every authorization: 19 s for the count of a unit's tasks among 100,000
 * (see bench/TaskListBench). Statistics on the expressions make the guess right and the count take
 * well under a second, as long as each query is planned with its values: the engine passes the bits
 * as parameters, so {@link TaskQueryPlans} has those queries planned with their values. Not a
 * migration: Flyway runs before the engine creates its tables on a new database. PostgreSQL 14 or
 * later only; elsewhere nothing is done.
 */
@Component("authorizationStatistics")
class AuthorizationStatistics implements ApplicationRunner {

	static final String NAME = "acolhida_authorization_permissions";

	private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

	private final JdbcTemplate jdbc;

	AuthorizationStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			if (!onPostgres() || exists()) {
				return;
			}
			// READ (2) on tasks, READ_TASK (64) on process definitions: the bits a task query tests.
			jdbc.execute("CREATE STATISTICS IF NOT EXISTS " + NAME
					+ " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization");
			jdbc.execute("ANALYZE act_ru_authorization");
			LOG.info("Created planner statistics {} on the engine's authorizations", NAME);
		}
		catch (DataAccessException e) {
			// An old PostgreSQL, or another node creating them at the same moment: queries still work.
			LOG.warn("Could not create planner statistics {} on the engine's authorizations: {}", NAME,
					e.getMostSpecificCause().getMessage());
		}
	}

	boolean exists() {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM pg_statistic_ext WHERE stxname = ?)", Boolean.class, NAME));
	}

	private boolean onPostgres() {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(),
					DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equals(product);
		}
		catch (Exception e) {
			return false;
		}
	}

}
