package org.acolhida.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The engine's side of signing in and of accounts: the {@link ThrottledIdentityProvider} in place of the
 * engine's user store, the engine's own lock switched off, and the {@link StaffPasswordPolicy}, whose
 * refusals reach REST callers as 400 with the policy in words (the engine throws a bare
 * ProcessEngineException, which its REST API answers with 500). The policy itself is switched on by
 * {@code enable-password-policy} in {@code application.yaml}.
 */
@Component
@EnableConfigurationProperties(SignInProperties.class)
class AccountSecurity extends AbstractProcessEnginePlugin {

	/** The engine's message when a new password breaks the policy (SaveUserCmd). */
	static final String POLICY_REFUSAL = "Password does not match policy";

	private final SignInThrottle throttle;

	AccountSecurity(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// Unless a plugin ordered before this one put a user store of its own (the city's directory, which
		// throttles through SignInThrottle.check itself): the engine's user store, throttled.
		if (configuration.getIdentityProviderSessionFactory() == null) {
			configuration.setIdentityProviderSessionFactory(new ThrottledIdentityProvider.Factory(throttle));
		}
		// The provider no longer consults them; should anything call the engine's own lock, it never locks
		// for good and never for a while either.
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		configuration.setLoginDelayBase(0);
		configuration.setLoginDelayMaxTime(0);
		configuration.setLoginDelayFactor(0);
		configuration.setPasswordPolicy(new StaffPasswordPolicy());

		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
		interceptors.add(new PolicyRefusals());
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	/** A password the policy refuses is the caller's mistake: 400, with what the policy asks for. */
	static final class PolicyRefusals extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (ProcessEngineException e) {
				if (command instanceof SaveUserCmd && e.getClass() == ProcessEngineException.class
						&& POLICY_REFUSAL.equals(e.getMessage())) {
					throw new BadUserRequestException(StaffPasswordPolicy.DESCRIPTION, e);
				}
				throw e;
			}
		}

	}

}
