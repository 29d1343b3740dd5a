package org.acolhida.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code acolhida.sign-in.*}: how failed sign-ins slow down further attempts (see {@link SignInThrottle}).
 *
 * @param freeAttempts wrong passwords from one client for one login before that client waits for that login
 * ({@code SIGN_IN_FREE_ATTEMPTS}, default 5)
 * @param clientFreeAttempts wrong passwords from one client for any logins before the client waits for all of
 * them ({@code SIGN_IN_CLIENT_FREE_ATTEMPTS}, default 20): a desk behind one address keeps working through a
 * few typos, someone trying many logins does not
 * @param firstDelay the first wait; each further wrong password doubles it ({@code SIGN_IN_FIRST_DELAY},
 * default 1s)
 * @param maxDelay the longest wait ({@code SIGN_IN_MAX_DELAY}, default 5m)
 * @param forgetAfter failures are forgotten this long after the last one, once no wait holds
 * ({@code SIGN_IN_FORGET_AFTER}, default 15m)
 * @param maxTracked how many client and login pairs are remembered at most; the oldest go first
 * ({@code SIGN_IN_MAX_TRACKED}, default 100000)
 */
@ConfigurationProperties("acolhida.sign-in")
record SignInProperties(@DefaultValue("5") int freeAttempts, @DefaultValue("20") int clientFreeAttempts,
		@DefaultValue("1s") Duration firstDelay, @DefaultValue("5m") Duration maxDelay,
		@DefaultValue("15m") Duration forgetAfter, @DefaultValue("100000") int maxTracked) {

	SignInProperties {
		if (freeAttempts < 1 || clientFreeAttempts < 1) {
			throw new IllegalArgumentException(
					"acolhida.sign-in.free-attempts and client-free-attempts must be at least 1");
		}
		if (firstDelay == null || maxDelay == null || forgetAfter == null || firstDelay.isNegative()
				|| firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.isNegative()
				|| forgetAfter.isZero()) {
			throw new IllegalArgumentException("acolhida.sign-in: first-delay and forget-after must be positive "
					+ "durations and max-delay at least first-delay, e.g. 1s, 5m and 15m");
		}
		if (maxTracked < 100) {
			throw new IllegalArgumentException("acolhida.sign-in.max-tracked must be at least 100");
		}
	}

}
