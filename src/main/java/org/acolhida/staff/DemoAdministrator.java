package org.acolhida.staff;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo, the set-up administrator ({@code camunda.bpm.admin-user}) is a documented demo login whose
 * password ({@code demo} unless ADMIN_PASSWORD says otherwise) the password policy would refuse. Camunda's
 * starter creates it without a way to skip the policy, so this plugin, ordered before the starter's, does what
 * the starter does (the user, the {@code camunda-admin} group with all permissions, the membership) with the
 * policy skipped; the starter then finds the user and leaves it. Outside the demo the starter creates the
 * administrator, and a password that breaks the policy stops the start.
 */
@Component
// Not under "ldap": the directory holds the staff, and the engine may not write to it.
@Profile("demo & !ldap")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoAdministrator extends AbstractProcessEnginePlugin {

	private final CamundaBpmProperties camunda;

	DemoAdministrator(CamundaBpmProperties camunda) {
		this.camunda = camunda;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		AdminUserProperty admin = camunda.getAdminUser();
		IdentityService identity = engine.getIdentityService();
		AuthorizationService authorizations = engine.getAuthorizationService();
		if (admin == null || admin.getId() == null || admin.getId().isBlank()
				|| identity.createUserQuery().userId(admin.getId()).count() > 0) {
			return;
		}
		User user = identity.newUser(admin.getId());
		user.setFirstName(admin.getFirstName());
		user.setLastName(admin.getLastName());
		user.setEmail(admin.getEmail());
		user.setPassword(admin.getPassword());
		((IdentityServiceImpl) identity).saveUser(user, true);

		if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
			Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("camunda BPM Administrators");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			identity.saveGroup(group);
		}
		for (Resource resource : Resources.values()) {
			if (authorizations.createAuthorizationQuery()
				.groupIdIn(Groups.CAMUNDA_ADMIN)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.count() == 0) {
				Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				all.setGroupId(Groups.CAMUNDA_ADMIN);
				all.setResource(resource);
				all.setResourceId(Authorization.ANY);
				all.addPermission(Permissions.ALL);
				authorizations.saveAuthorization(all);
			}
		}
		identity.createMembership(admin.getId(), Groups.CAMUNDA_ADMIN);
	}

}
