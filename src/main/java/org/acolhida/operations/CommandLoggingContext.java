package org.acolhida.operations;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Names the engine's current user ({@link LoggingContext#USER}) in the logging context of every engine
 * command, whichever way it came: {@code /engine-rest}, the webapps' API (which authenticates per call,
 * inside the request) or our own services. The case number comes from the engine itself while it runs a
 * process instance's steps ({@code logging-context-business-key} in {@code application.yaml}).
 * <p>
 * Outermost of the engine's interceptors, so that the engine's own line about a failed command, written
 * when its context closes, carries the user too; the value the thread had before is put back afterwards.
 */
@Component
class CommandLoggingContext extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				withUser(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				withUser(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
	}

	private static List<CommandInterceptor> withUser(List<CommandInterceptor> existing,
			ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		// The identity service exists only after the engine's init; it is looked up per command.
		interceptors.add(new UserInContext(configuration));
		if (existing != null) {
			interceptors.addAll(existing);
		}
		return interceptors;
	}

	static final class UserInContext extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		UserInContext(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			IdentityService identity = configuration.getIdentityService();
			Authentication authentication = identity == null ? null : identity.getCurrentAuthentication();
			String user = authentication == null ? null : authentication.getUserId();
			String before = MDC.get(LoggingContext.USER);
			if (user != null) {
				MDC.put(LoggingContext.USER, user);
			}
			try {
				return next.execute(command);
			}
			finally {
				if (before == null) {
					MDC.remove(LoggingContext.USER);
				}
				else {
					MDC.put(LoggingContext.USER, before);
				}
			}
		}

	}

}
