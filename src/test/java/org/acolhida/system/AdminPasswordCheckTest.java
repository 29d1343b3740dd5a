package org.acolhida.system;

import org.acolhida.AcolhidaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the demo profile there is no default administrator password. */
class AdminPasswordCheckTest {

	final AdminPasswordCheck check = new AdminPasswordCheck();

	@Test
	void shouldRefuseToStartOnPostgresWithoutAnAdministratorPassword() {
		SpringApplicationBuilder app = new SpringApplicationBuilder(AcolhidaApplication.class).profiles("postgres")
			.properties("camunda.bpm.admin-user.password=", "server.port=0");

		assertThatThrownBy(app::run).hasMessageContaining("ADMIN_PASSWORD");
	}

	@Test
	void shouldRefuseAPasswordEqualToTheUserId() {
		MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
			.withProperty("camunda.bpm.admin-user.password", "admin");

		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.hasMessageContaining("must not be its user id");
	}

	@Test
	void shouldAcceptAPassword() {
		MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
			.withProperty("camunda.bpm.admin-user.password", "a long passphrase");

		assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
	}

}
