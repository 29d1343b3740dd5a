package org.acolhida.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The engine's side of signing in: the {@link ThrottledIdentityProvider} in place of the engine's user
 * store, and the engine's own lock switched off.
 */
@Component
@EnableConfigurationProperties(SignInProperties.class)
class AccountSecurity extends AbstractProcessEnginePlugin {

	private final SignInThrottle throttle;

	AccountSecurity(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new ThrottledIdentityProvider.Factory(throttle));
		// The provider no longer consults them; should anything call the engine's own lock, it never locks
		// for good and never for a while either.
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		configuration.setLoginDelayBase(0);
		configuration.setLoginDelayMaxTime(0);
		configuration.setLoginDelayFactor(0);
	}

}
