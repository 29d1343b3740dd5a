package org.acolhida.literacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of literacy-class enrolment ({@code acolhida.literacy.*}).
 *
 * @param offerValidFor how long a seat offered to a waitlisted learner stays theirs to take before
 * the next look at the waitlist offers it again (to the queue in order)
 * @param noShowsToRelease lessons missed without notice after which the learner's seat goes back
 */
@ConfigurationProperties("acolhida.literacy")
record LiteracyProperties(@DefaultValue("P7D") Duration offerValidFor, @DefaultValue("2") int noShowsToRelease) {

	LiteracyProperties {
		if (offerValidFor.isNegative() || offerValidFor.isZero()) {
			throw new IllegalArgumentException("acolhida.literacy.offer-valid-for must be positive");
		}
		if (noShowsToRelease < 1) {
			throw new IllegalArgumentException("acolhida.literacy.no-shows-to-release must be at least 1");
		}
	}

}
