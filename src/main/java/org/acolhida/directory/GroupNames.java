package org.acolhida.directory;

import java.util.Arrays;

import org.acolhida.staff.Role;
import org.acolhida.staff.StaffDirectory;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * How the city's directory names Acolhida's groups, and the engine's name for each: the directory's group
 * {@code <prefix>reception} is the role {@code reception}, {@code <prefix>SOR-CRAS-NORTE} the unit,
 * {@code <prefix>housing.SOR-CRAS-NORTE} the workgroup, and the directory's administrator group (any name)
 * is the engine's {@code camunda-admin}. A prefix lets a directory whose group names are unique across the
 * whole city (Active Directory) keep them so ({@code ACOLHIDA_reception}); without one, the names are ours.
 *
 * @param prefix what every group name of ours starts with in the directory, possibly nothing
 * @param administratorGroup the directory's name of the group whose members administer Acolhida
 */
record GroupNames(String prefix, String administratorGroup) {

	GroupNames {
		prefix = prefix == null ? "" : prefix;
		if (administratorGroup == null || administratorGroup.isBlank()) {
			administratorGroup = prefix + Groups.CAMUNDA_ADMIN;
		}
	}

	/** The engine's id of a directory group; a name without the prefix is left as the directory has it. */
	String toEngine(String directoryName) {
		if (directoryName == null) {
			return null;
		}
		if (directoryName.equalsIgnoreCase(administratorGroup)) {
			return Groups.CAMUNDA_ADMIN;
		}
		if (!prefix.isEmpty() && directoryName.regionMatches(true, 0, prefix, 0, prefix.length())) {
			return directoryName.substring(prefix.length());
		}
		return directoryName;
	}

	/** The directory's name of an engine group id, the other way round. */
	String toDirectory(String engineId) {
		return Groups.CAMUNDA_ADMIN.equals(engineId) ? administratorGroup : prefix + engineId;
	}

	/**
	 * The group's type as the application's own groups have it ({@code staff.StaffDirectory}): roles are
	 * {@code ROLE}, units and workgroups {@code UNIT}, the administrators {@code SYSTEM}. Directories have no
	 * such attribute in common, so it comes from the name.
	 */
	static String typeOf(String engineId) {
		if (Groups.CAMUNDA_ADMIN.equals(engineId)) {
			return Groups.GROUP_TYPE_SYSTEM;
		}
		boolean role = Arrays.stream(Role.values()).anyMatch(r -> r.groupId().equals(engineId));
		return role ? StaffDirectory.ROLE : StaffDirectory.UNIT;
	}

}
