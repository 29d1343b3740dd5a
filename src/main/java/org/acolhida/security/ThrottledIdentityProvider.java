package org.acolhida.security;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's own user store, where every password check passes, whichever way it came: the webapps'
 * login form, HTTP Basic on {@code /engine-rest} and {@code /api}, the current password that a change of
 * password asks for, the Java API. So this is where failures are counted and waits enforced.
 * <ul>
 * <li>A password is not even compared while the {@link SignInThrottle} holds the client and login; the
 * check just fails (the HTTP layer, {@link SignInThrottleFilter}, answers those requests earlier with 429).</li>
 * <li>The engine's own lock is gone: it locked the account for everyone, for a while after each failure and
 * for good after ten, which let anyone who knows a first name lock that person out. A success still clears
 * a lock the engine left before this provider was in place.</li>
 * <li>Names and e-mail addresses are text, never markup: others see them in the webapps.</li>
 * </ul>
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

	private final SignInThrottle throttle;

	ThrottledIdentityProvider(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		String client = SignInClients.current();
		if (!throttle.waitFor(client, userId).isZero()) {
			return false;
		}
		UserEntity user = userId == null ? null : findUserById(userId);
		if (user != null && password != null && matchPassword(password, user)) {
			unlockUser(user);
			throttle.succeeded(client, userId);
			return true;
		}
		// Unknown logins count like known ones, so that waits do not tell which logins exist.
		throttle.failed(client, userId);
		return false;
	}

	@Override
	public IdentityOperationResult saveUser(User user) {
		ProfileText.check(user);
		return super.saveUser(user);
	}

	/** Opens this provider for each command, in place of the engine's default one. */
	static final class Factory implements SessionFactory {

		private final SignInThrottle throttle;

		Factory(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		public Class<?> getSessionType() {
			return ThrottledIdentityProvider.class;
		}

		@Override
		public Session openSession() {
			return new ThrottledIdentityProvider(throttle);
		}

	}

}
