package org.acolhida.directory;

import org.acolhida.security.SignInThrottle;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.core.Ordered;

/**
 * Camunda's LDAP plugin, configured from {@code acolhida.directory.*} ({@code application-ldap.yaml}), whose
 * user store is our {@link DirectoryUserStore}. Ordered before {@code security.AccountSecurity}, which puts
 * the engine's own user store in place only where no plugin has put another.
 */
class DirectoryPlugin extends LdapIdentityProviderPlugin implements Ordered {

	private final SignInThrottle throttle;

	private String groupPrefix = "";

	private String administratorGroup = "";

	DirectoryPlugin(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// The plugin's own set-up first (untrusted certificates, if asked for), then our store in its place.
		super.preInit(configuration);
		configuration.setIdentityProviderSessionFactory(new DirectoryUserStore.Factory(this, names(), throttle));
	}

	GroupNames names() {
		return new GroupNames(groupPrefix, administratorGroup);
	}

	@Override
	public int getOrder() {
		return 0;
	}

	public String getGroupPrefix() {
		return groupPrefix;
	}

	public void setGroupPrefix(String groupPrefix) {
		this.groupPrefix = groupPrefix;
	}

	public String getAdministratorGroup() {
		return administratorGroup;
	}

	public void setAdministratorGroup(String administratorGroup) {
		this.administratorGroup = administratorGroup;
	}

}
