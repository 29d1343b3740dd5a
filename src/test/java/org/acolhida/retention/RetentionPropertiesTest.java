package org.acolhida.retention;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPropertiesTest {

	@Test
	void shouldKeepHistoryForWholeDaysNeverShorterThanThePeriod() {
		assertThat(new RetentionProperties(Duration.ofDays(180), "0 30 3 * * *").historyTimeToLiveDays()).isEqualTo(180);
		assertThat(new RetentionProperties(Duration.parse("PT36H"), "0 30 3 * * *").historyTimeToLiveDays()).isEqualTo(2);
		assertThat(new RetentionProperties(Duration.ZERO, "0 30 3 * * *").historyTimeToLiveDays()).isZero();
	}

	@Test
	void shouldRefuseANegativePeriod() {
		assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(-1), "0 30 3 * * *"))
			.hasMessageContaining("RETENTION_AFTER_CLOSING");
	}

}
