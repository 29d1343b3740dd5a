package org.acolhida.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code acolhida.retention.*}.
 *
 * @param afterClosing how long a closed case's data is kept ({@code RETENTION_AFTER_CLOSING}, ISO 8601,
 * default P180D); also the history time to live of every process and decision definition
 * @param erasureCron when the daily erasure runs ({@code RETENTION_ERASURE_CRON}, default 03:30 every day)
 */
@ConfigurationProperties("acolhida.retention")
record RetentionProperties(@DefaultValue("P180D") Duration afterClosing,
		@DefaultValue("0 30 3 * * *") String erasureCron) {

	RetentionProperties {
		if (afterClosing == null || afterClosing.isNegative()) {
			throw new IllegalArgumentException(
					"acolhida.retention.after-closing (RETENTION_AFTER_CLOSING) must be a duration of zero or more, e.g. P180D");
		}
	}

	/**
	 * The engine counts time to live in whole days: a part of a day counts as a whole one, so that
	 * history is never removed before the case file's period is over.
	 */
	int historyTimeToLiveDays() {
		long days = afterClosing.toDays();
		return Math.toIntExact(afterClosing.equals(Duration.ofDays(days)) ? days : days + 1);
	}

}
