package org.acolhida.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The waits, on a clock the test moves. */
class SignInThrottleTest {

	static final SignInProperties SETTINGS = new SignInProperties(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5),
			Duration.ofMinutes(15), 100);

	final MovingClock clock = new MovingClock();

	final SignInThrottle throttle = new SignInThrottle(SETTINGS, clock);

	void fail(String client, String login, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(client, login);
		}
	}

	@Test
	void shouldLetTheFreeAttemptsThroughAndThenDoubleTheWaitUpToTheCap() {
		fail("a", "ana", 4);
		assertThat(throttle.waitFor("a", "ana")).isZero();

		fail("a", "ana", 1);
		assertThat(throttle.waitFor("a", "ana")).isEqualTo(Duration.ofSeconds(1));
		fail("a", "ana", 1);
		assertThat(throttle.waitFor("a", "ana")).isEqualTo(Duration.ofSeconds(2));
		fail("a", "ana", 100);
		assertThat(throttle.waitFor("a", "ana")).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void shouldHoldOnlyTheClientThatFailed() {
		fail("attacker", "ana", 10);

		assertThat(throttle.waitFor("attacker", "ana")).isPositive();
		assertThat(throttle.waitFor("desk", "ana")).isZero();
		assertThat(throttle.waitFor("attacker", "bruno")).isZero();
	}

	@Test
	void shouldHoldAClientThatTriesManyLoginsForAllOfThem() {
		for (int i = 0; i < 20; i++) {
			throttle.failed("attacker", "login" + i);
		}

		assertThat(throttle.waitFor("attacker", "ana")).isPositive();
		assertThat(throttle.waitFor("desk", "ana")).isZero();
	}

	@Test
	void shouldEndByItselfOnceTheAttackStops() {
		fail("attacker", "ana", 30);

		clock.move(Duration.ofMinutes(5).plusMillis(1));
		assertThat(throttle.waitFor("attacker", "ana")).isZero();
		// One more wrong password soon after still counts on top of the earlier ones ...
		throttle.failed("attacker", "ana");
		assertThat(throttle.waitFor("attacker", "ana")).isEqualTo(Duration.ofMinutes(5));

		// ... but a quarter of an hour of quiet forgets them.
		clock.move(Duration.ofMinutes(21));
		throttle.failed("attacker", "ana");
		assertThat(throttle.waitFor("attacker", "ana")).isZero();
		assertThat(throttle.entries()).filteredOn(entry -> "ana".equals(entry.login()))
			.singleElement()
			.satisfies(entry -> assertThat(entry.failures()).isEqualTo(1));
	}

	@Test
	void shouldClearTheLoginButNotTheClientOnSuccess() {
		fail("attacker", "mallory", 4);
		fail("attacker", "ana", 15);

		throttle.succeeded("attacker", "mallory");

		assertThat(throttle.waitFor("attacker", "ana")).isPositive();
		assertThat(throttle.entries()).anySatisfy(entry -> {
			assertThat(entry.login()).isNull();
			assertThat(entry.failures()).isEqualTo(19);
		});
	}

	@Test
	void shouldCountLoginsWhateverTheirCase() {
		fail("attacker", "ana", 3);
		fail("attacker", "ANA", 3);

		assertThat(throttle.waitFor("attacker", "Ana")).isPositive();
		assertThat(throttle.releaseLogin("aNa")).isTrue();
		assertThat(throttle.waitFor("attacker", "ana")).isZero();
	}

	@Test
	void shouldKeepNoMoreThanTheCap() {
		for (int i = 0; i < 500; i++) {
			throttle.failed("client" + i, "ana");
		}

		assertThat(throttle.entries()).hasSizeLessThanOrEqualTo(100);
		assertThat(throttle.waitFor("client499", "ana")).isZero();
	}

	@Test
	void shouldReleaseAClient() {
		fail("desk", "ana", 6);
		fail("desk", "bruno", 6);

		throttle.releaseClient("desk");

		assertThat(throttle.waitFor("desk", "ana")).isZero();
		assertThat(throttle.waitFor("desk", "bruno")).isZero();
		assertThat(throttle.entries()).isEmpty();
	}

	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-01-05T09:00:00Z");

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
