package org.acolhida.staff;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Creates staff accounts and their groups in the engine's identity service, idempotently: a role
 * group, a group per unit and a workgroup per role at the unit.
 */
@Service
public class StaffDirectory {

	/** Group type of the role groups (reception, housing, managers, ...). */
	public static final String ROLE = "ROLE";

	/** Group type of the unit groups (SOR-CRAS-NORTE) and of the workgroups (housing.SOR-CRAS-NORTE). */
	public static final String UNIT = "UNIT";

	private final IdentityService identityService;

	private final ApplicationEventPublisher events;

	StaffDirectory(IdentityService identityService, ApplicationEventPublisher events) {
		this.identityService = identityService;
		this.events = events;
	}

	/**
	 * Adds a person with a role, at a unit when the role works at one, unless they exist already. The
	 * password must meet the password policy.
	 */
	public void enrol(String userId, String firstName, String lastName, String password, Role role, String unitCode,
			String unitName) {
		enrol(userId, firstName, lastName, password, false, role, unitCode, unitName);
	}

	/**
	 * Adds a documented demo login (README, {@code demo/staff.json}) like {@link #enrol}, with the shared demo
	 * password, which the password policy would refuse; a password the user changes later meets the policy.
	 */
	public void enrolDemoLogin(String userId, String firstName, String lastName, String password, Role role,
			String unitCode, String unitName) {
		enrol(userId, firstName, lastName, password, true, role, unitCode, unitName);
	}

	private void enrol(String userId, String firstName, String lastName, String password, boolean demoPassword,
			Role role, String unitCode, String unitName) {
		if (identityService.isReadOnly()) {
			throw new IllegalStateException("Staff come from the city's directory here (profile ldap): enrol '" + userId
					+ "' there, in the groups of their role, unit and workgroup");
		}
		if (identityService.createUserQuery().userId(userId).count() == 0) {
			User user = identityService.newUser(userId);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setPassword(password);
			// Only the engine's implementation can skip the policy; it is the one Spring exposes.
			((IdentityServiceImpl) identityService).saveUser(user, demoPassword);
		}
		join(userId, role.groupId(), capitalised(role.groupId()), ROLE);
		if (role.isUnitRole() && unitCode != null) {
			join(userId, unitCode, unitName, UNIT);
			join(userId, role.at(unitCode), capitalised(role.groupId()) + " – " + unitName, UNIT);
		}
	}

	/**
	 * Creates the role's group unless it exists, for a role whose members an administrator adds. With the
	 * city's directory (profile {@code ldap}) the engine cannot write groups: the directory holds it or not.
	 */
	public void roleGroup(Role role) {
		if (!identityService.isReadOnly() && identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
			Group group = identityService.newGroup(role.groupId());
			group.setName(capitalised(role.groupId()));
			group.setType(ROLE);
			identityService.saveGroup(group);
		}
	}

	private void join(String userId, String groupId, String name, String type) {
		if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = identityService.newGroup(groupId);
			group.setName(name);
			group.setType(type);
			identityService.saveGroup(group);
			events.publishEvent(new GroupCreated(groupId));
		}
		if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			identityService.createMembership(userId, groupId);
		}
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
