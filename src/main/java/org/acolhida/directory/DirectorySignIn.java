package org.acolhida.directory;

import org.acolhida.security.SignInThrottle;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: staff sign in with their account in the city's directory (LDAP, Active Directory),
 * and their groups there are their role, unit and workgroups ({@link GroupNames}). The engine reads the
 * directory and never writes to it: nobody is created, neither the demo logins ({@code staff.DemoStaff})
 * nor the set-up administrator of {@code camunda.bpm.admin-user}; the directory's administrator group is
 * {@code camunda-admin}, with every permission. Authorizations and task lists are made for the directory's
 * groups as for the engine's own ({@code staff.AccessPolicy} and {@code tasklists.TaskListKeeper} grant to
 * group ids and read the groups through the engine, whichever store holds them).
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
class DirectorySignIn {

	/** The Spring Boot starter's bean that creates {@code camunda.bpm.admin-user}. */
	static final String STARTER_ADMIN_USER = "createAdminUserConfiguration";

	@Bean
	@ConfigurationProperties("acolhida.directory")
	DirectoryPlugin directoryPlugin(SignInThrottle throttle) {
		return new DirectoryPlugin(throttle);
	}

	/** Every permission on every resource for the directory's administrator group, as {@code camunda-admin}. */
	@Bean
	AdministratorAuthorizationPlugin directoryAdministrators() {
		AdministratorAuthorizationPlugin administrators = new AdministratorAuthorizationPlugin();
		administrators.setAdministratorGroupName(Groups.CAMUNDA_ADMIN);
		return administrators;
	}

	/**
	 * Leaves out the starter's creation of an administrator, which would stop the start: the directory is
	 * read-only. Its administrators are its administrator group's members.
	 */
	@Bean
	static BeanDefinitionRegistryPostProcessor noLocalAdministrator() {
		return new BeanDefinitionRegistryPostProcessor() {

			@Override
			public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
				if (registry.containsBeanDefinition(STARTER_ADMIN_USER)) {
					registry.removeBeanDefinition(STARTER_ADMIN_USER);
				}
			}

		};
	}

}
