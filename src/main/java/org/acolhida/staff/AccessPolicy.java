package org.acolhida.staff;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's authorizations for each role, created by the application at every start, so that
 * nobody has to click them together in Admin. Idempotent: a grant that exists is left alone.
 * Authorizations are on in every profile.
 */
@Component
@Order(0)
class AccessPolicy implements ApplicationRunner {

	private static final List<Role> STAFF = List.of(Role.RECEPTION, Role.DOCUMENTATION, Role.HOUSING, Role.LITERACY,
			Role.SHELTER, Role.COORDINATOR);

	private final AuthorizationService authorizations;

	AccessPolicy(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Role role : STAFF) {
			grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		}
		grant(Role.MANAGER, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(Role.MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Role.AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		// Managers own the protocols: they deploy diagrams, decision tables and forms (e.g. from
		// Camunda Modeler) and read what is deployed.
		grant(Role.MANAGER, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
		grant(Role.MANAGER, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
				ProcessDefinitionPermissions.MIGRATE_INSTANCE);
		// Managers see every unit's running cases and move them to a new version of a protocol.
		grant(Role.MANAGER, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(Role.MANAGER, Resources.BATCH, "*", Permissions.CREATE, Permissions.READ, Permissions.READ_HISTORY);
		grant(Role.MANAGER, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		grant(Role.MANAGER, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
		// Auditors read the whole history of every case, the decisions and the operation log; they get no
		// permission that changes anything.
		grant(Role.AUDITOR, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
		grant(Role.AUDITOR, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
		grant(Role.AUDITOR, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
		grant(Role.AUDITOR, Resources.DEPLOYMENT, "*", Permissions.READ);
		grant(Role.AUDITOR, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
		grant(Role.AUDITOR, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
		grant(Role.AUDITOR, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
		// Reception workers start receptions from Tasklist; their tasks need no grant here, the
		// engine gives candidate groups READ and UPDATE on each task it creates.
		grant(Role.RECEPTION, Resources.PROCESS_DEFINITION, "reception", Permissions.READ,
				Permissions.CREATE_INSTANCE);
		grant(Role.RECEPTION, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		// Documentation advisers start guidance for an existing case (a renewal years later) from
		// Tasklist's start form.
		grant(Role.DOCUMENTATION, Resources.PROCESS_DEFINITION, "documentation-guidance", Permissions.READ,
				Permissions.CREATE_INSTANCE);
		grant(Role.DOCUMENTATION, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		// Housing workers, shelter staff and coordinators work tasks of the housing processes (their
		// candidate groups give them the tasks); Tasklist reads the definition to name the process.
		for (Role role : List.of(Role.HOUSING, Role.SHELTER, Role.COORDINATOR)) {
			grant(role, Resources.PROCESS_DEFINITION, "housing-referral", Permissions.READ);
			grant(role, Resources.PROCESS_DEFINITION, "housing-stay", Permissions.READ);
		}
		// Literacy workers work the enrolment's tasks; coordinators get its attendance checks and the
		// documentation guidance's no-show decisions.
		for (Role role : List.of(Role.LITERACY, Role.COORDINATOR)) {
			grant(role, Resources.PROCESS_DEFINITION, "literacy-enrollment", Permissions.READ);
		}
		grant(Role.COORDINATOR, Resources.PROCESS_DEFINITION, "documentation-guidance", Permissions.READ);
	}

	/** Grants the permissions to the role's group, adding to a grant that exists already. */
	void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(role.groupId())
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(role.groupId());
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
			return;
		}
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}

}
