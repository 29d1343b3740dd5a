package org.acolhida.housing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code acolhida.housing.*}.
 *
 * @param hold how long beds stay held for a referral before they go back to the pool
 * ({@code HOUSING_HOLD}, default 48h)
 */
@ConfigurationProperties("acolhida.housing")
record HousingProperties(@DefaultValue("48h") Duration hold) {

	HousingProperties {
		if (hold == null || hold.isNegative() || hold.isZero()) {
			throw new IllegalArgumentException("acolhida.housing.hold (HOUSING_HOLD) must be a positive duration, e.g. 48h");
		}
	}

}
