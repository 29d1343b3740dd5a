package org.acolhida.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password. Left empty, the engine would create the
 * administrator with the password equal to the user id, which anyone can guess. Runs before any
 * bean exists, so nothing is written to the database first.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String user = environment.getProperty("camunda.bpm.admin-user.id");
		if (user == null || user.isBlank()) {
			return;
		}
		String password = environment.getProperty("camunda.bpm.admin-user.password");
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("No password for the administrator '" + user
					+ "': set ADMIN_PASSWORD (the application does not start without one)");
		}
		if (password.equals(user)) {
			throw new IllegalStateException("The administrator's password must not be its user id: change ADMIN_PASSWORD");
		}
	}

}
