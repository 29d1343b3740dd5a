package org.acolhida.tasklists;

import java.util.Optional;

import org.acolhida.staff.Role;

/**
 * A role at a unit, as a Camunda group ({@code documentation.SOR-CRAS-NORTE}): the candidate group of
 * that desk's tasks, and the only group that may read the desk's task list.
 *
 * @param role the role, one that works at a unit
 * @param unitCode the unit's code
 */
record Workgroup(Role role, String unitCode) {

	String groupId() {
		return role.at(unitCode);
	}

	/**
	 * The workgroup a group id names, if it names one: a unit role's id, a dot, a unit code. Role groups
	 * ({@code housing}), unit groups ({@code SOR-CRAS-NORTE}) and groups an administrator made for other
	 * purposes name none.
	 */
	static Optional<Workgroup> of(String groupId) {
		int dot = groupId == null ? -1 : groupId.indexOf('.');
		if (dot <= 0 || dot == groupId.length() - 1) {
			return Optional.empty();
		}
		String roleId = groupId.substring(0, dot);
		for (Role role : Role.values()) {
			if (role.isUnitRole() && role.groupId().equals(roleId)) {
				return Optional.of(new Workgroup(role, groupId.substring(dot + 1)));
			}
		}
		return Optional.empty();
	}

}
