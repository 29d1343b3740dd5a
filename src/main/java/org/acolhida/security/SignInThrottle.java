package org.acolhida.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins and the waits they impose, replacing the engine's lock of the account. Kept per client
 * and login, and per client: a client that guesses one login's password waits for that login alone, so
 * the real user signing in from elsewhere is never kept out; a client that guesses many logins waits for
 * all of them. Waits double with each wrong password up to a cap and everything is forgotten a while
 * after the attacks stop, so no lock outlives the attack. A success clears the client's count for that
 * login only: an attacker with an account of their own must not wipe their address's record by signing
 * in between guesses.
 * <p>
 * In this node's memory: a restart forgets, and each node of several counts on its own (a guesser spread
 * over n nodes gets n times the attempts, still with growing waits). Wall-clock time, not the engine's
 * clock, which tests move by days.
 */
@Component
public class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final SignInProperties settings;

	private final Clock clock;

	private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

	@Autowired
	SignInThrottle(SignInProperties settings) {
		this(settings, Clock.systemUTC());
	}

	SignInThrottle(SignInProperties settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** A client and login, or with a null login the client's failures for all logins. */
	record Key(String client, String login) {
	}

	/** Wrong passwords in a row, the last one's time, and until when the next attempt waits (or null). */
	record Failures(int count, Instant last, Instant heldUntil) {
	}

	/** A held or remembered key, for administrators; {@code login} is null for a whole client. */
	record Entry(String client, String login, int failures, Instant lastFailure, Instant heldUntil) {
	}

	/** How long an attempt from the client for the login must wait before its password is even checked. */
	Duration waitFor(String client, String login) {
		Instant now = clock.instant();
		Duration pair = remaining(failures.get(new Key(client, normalised(login))), now);
		Duration any = remaining(failures.get(new Key(client, null)), now);
		return pair.compareTo(any) >= 0 ? pair : any;
	}

	void failed(String client, String login) {
		Instant now = clock.instant();
		Failures pair = failures.compute(new Key(client, normalised(login)),
				(key, before) -> next(before, now, settings.freeAttempts()));
		Failures any = failures.compute(new Key(client, null),
				(key, before) -> next(before, now, settings.clientFreeAttempts()));
		// Once per wait that starts, not per failure: an attacker must not flood the log.
		if (pair.count() == settings.freeAttempts()) {
			log.info("Sign-ins from {} as '{}' now wait: {} wrong passwords", client, printable(login), pair.count());
		}
		if (any.count() == settings.clientFreeAttempts()) {
			log.warn("Sign-ins from {} now wait for every login: {} wrong passwords", client, any.count());
		}
		if (failures.size() > settings.maxTracked()) {
			trim(now);
		}
	}

	void succeeded(String client, String login) {
		failures.remove(new Key(client, normalised(login)));
	}

	/**
	 * A password check by a user store other than the engine's own (the city's directory, profile
	 * {@code ldap}), with the same waits and counts as {@link ThrottledIdentityProvider}: while the client and
	 * login wait the password is not even handed on, so a guesser cannot lock the directory's account either.
	 *
	 * @param login the login as typed
	 * @param passwordMatches asks the store whether the password is right
	 */
	public boolean check(String login, BooleanSupplier passwordMatches) {
		String client = SignInClients.current();
		if (!waitFor(client, login).isZero()) {
			return false;
		}
		if (login != null && passwordMatches.getAsBoolean()) {
			succeeded(client, login);
			return true;
		}
		failed(client, login);
		return false;
	}

	/** Lifts every wait of the login, from every client; true if there was one. */
	boolean releaseLogin(String login) {
		String normalised = normalised(login);
		return failures.keySet().removeIf(key -> normalised.equals(key.login()));
	}

	/** Lifts every wait of the client, for every login; true if there was one. */
	boolean releaseClient(String client) {
		return failures.keySet().removeIf(key -> key.client().equals(client));
	}

	/** What is remembered now, newest failure first. */
	List<Entry> entries() {
		Instant now = clock.instant();
		// Each value read once: others may change it while the list is sorted.
		return failures.entrySet()
			.stream()
			.map(entry -> Map.entry(entry.getKey(), entry.getValue()))
			.filter(entry -> !forgotten(entry.getValue(), now))
			.map(entry -> new Entry(entry.getKey().client(), entry.getKey().login(), entry.getValue().count(),
					entry.getValue().last(), held(entry.getValue(), now) ? entry.getValue().heldUntil() : null))
			.sorted(Comparator.comparing(Entry::lastFailure).reversed())
			.toList();
	}

	private Failures next(Failures before, Instant now, int free) {
		int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
		Instant heldUntil = count < free ? null : now.plus(delay(count - free));
		return new Failures(count, now, heldUntil);
	}

	/** The first delay, doubled for each wrong password past the first held one, at most the cap. */
	Duration delay(int doublings) {
		if (doublings >= 30) {
			return settings.maxDelay();
		}
		Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
		return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
	}

	private boolean forgotten(Failures failures, Instant now) {
		return !held(failures, now) && failures.last().plus(settings.forgetAfter()).isBefore(now);
	}

	private static boolean held(Failures failures, Instant now) {
		return failures.heldUntil() != null && failures.heldUntil().isAfter(now);
	}

	private static Duration remaining(Failures failures, Instant now) {
		return failures == null || !held(failures, now) ? Duration.ZERO : Duration.between(now, failures.heldUntil());
	}

	/**
	 * Beyond the cap (many addresses, many logins): first what is forgotten anyway, then the oldest, down
	 * to nine tenths so that this does not run on every failure.
	 */
	private synchronized void trim(Instant now) {
		failures.values().removeIf(value -> forgotten(value, now));
		int excess = failures.size() - settings.maxTracked() * 9 / 10;
		if (excess > 0) {
			failures.entrySet()
				.stream()
				.map(entry -> Map.entry(entry.getKey(), entry.getValue().last()))
				.sorted(Map.Entry.comparingByValue())
				.limit(excess)
				.map(Map.Entry::getKey)
				.toList()
				.forEach(failures::remove);
		}
	}

	/** A login as sent, for the log: whoever sends it must not write lines of their own into it. */
	private static String printable(String login) {
		String text = login == null ? "" : login.length() > 64 ? login.substring(0, 64) + "…" : login;
		return text.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	/**
	 * Logins as the database may compare them: a database that ignores case must not give an attacker a
	 * fresh count for "Ana" and "ANA".
	 */
	private static String normalised(String login) {
		return login == null ? "" : login.toLowerCase(Locale.ROOT);
	}

}
