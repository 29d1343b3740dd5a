package org.acolhida.units;

import org.acolhida.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
class HealthIT {

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldReportDatabaseAndEngine() {
		String health = rest.getForObject("/actuator/health", String.class);
		assertThat(health).contains("\"db\":{\"status\":\"UP\"", "\"processEngine\":{\"status\":\"UP\"");
	}

}
