package org.acolhida.literacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seats migration on H2, the embedded default (and in its PostgreSQL mode): it runs, and the
 * database itself refuses more seats taken than there are. PostgreSQL is covered by ClassSeatsIT.
 */
class LiteracyMigrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
	void shouldMigrateAndGuardSeatsOnH2(String mode) throws SQLException {
		String url = "jdbc:h2:mem:literacy" + mode.hashCode() + ";DB_CLOSE_DELAY=-1" + mode;
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO service_unit (id, code, name, kind, municipality, country, time_zone)"
					+ " VALUES (1, 'T-CLASS', 'Class', 'LITERACY_CLASS', 'Sorocaba', 'BR', 'America/Sao_Paulo')");
			sql.execute("INSERT INTO class_seats (class_unit, seats, taken) VALUES (1, 1, 0)");
			String take = "UPDATE class_seats SET taken = taken + 1 WHERE class_unit = 1 AND taken < seats";
			assertThat(sql.executeUpdate(take)).isEqualTo(1);
			assertThat(sql.executeUpdate(take)).isZero();
			assertThatThrownBy(() -> sql.executeUpdate("UPDATE class_seats SET taken = taken + 1 WHERE class_unit = 1"))
				.isInstanceOf(SQLException.class)
				.satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("ck_class_seats_taken_within_seats"));
			assertThatThrownBy(() -> sql.executeUpdate("UPDATE class_seats SET seats = 0 WHERE class_unit = 1"))
				.isInstanceOf(SQLException.class);
			// A learner holds one seat per class at a time; ended enrolments do not count.
			sql.execute("INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, holds_seat_in)"
					+ " VALUES ('L1', 'C1', 1, CURRENT_TIMESTAMP, 'ENROLLED', 1)");
			assertThatThrownBy(() -> sql.execute(
					"INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, holds_seat_in)"
							+ " VALUES ('L1', 'C1', 1, CURRENT_TIMESTAMP, 'ENROLLED', 1)"))
				.isInstanceOf(SQLException.class);
			sql.execute("INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, ended)"
					+ " VALUES ('L1', 'C1', 1, CURRENT_TIMESTAMP, 'WITHDRAWN', CURRENT_TIMESTAMP)");
			sql.execute("INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, ended)"
					+ " VALUES ('L1', 'C1', 1, CURRENT_TIMESTAMP, 'WITHDRAWN', CURRENT_TIMESTAMP)");
		}
	}

}
