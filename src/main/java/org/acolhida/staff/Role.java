package org.acolhida.staff;

/**
 * What a person does in the network. Each role is a Camunda group of the same id; staff of a unit
 * are also in the unit's workgroup for their role ({@link #at(String)}), which is where tasks go.
 */
public enum Role {
	RECEPTION("reception"),
	DOCUMENTATION("documentation"),
	HOUSING("housing"),
	LITERACY("literacy"),
	/** Staff of a shelter, who answer the referrals sent to it. */
	SHELTER("shelter"),
	/** A unit's coordinator: escalations, no-shows, transfers. */
	COORDINATOR("coordinator"),
	/** Keep the protocols and the unit directory; see all units' cases. */
	MANAGER("managers"),
	/** Read every case's history; change nothing. */
	AUDITOR("auditors"),
	/** Operators' Prometheus: reads /actuator/prometheus, nothing of the cases. */
	METRICS("metrics");

	private final String groupId;

	Role(String groupId) {
		this.groupId = groupId;
	}

	/** The Camunda group of everybody in this role, at any unit. */
	public String groupId() {
		return groupId;
	}

	/** The workgroup of this role at one unit, e.g. {@code housing.SOR-CRAS-NORTE}: tasks go there. */
	public String at(String unitCode) {
		return groupId + "." + unitCode;
	}

	/** Whether the role works at a unit (and so has workgroups), rather than across the network. */
	public boolean isUnitRole() {
		return this != MANAGER && this != AUDITOR && this != METRICS;
	}

	public static Role ofGroupId(String groupId) {
		for (Role role : values()) {
			if (role.groupId.equals(groupId)) {
				return role;
			}
		}
		throw new IllegalArgumentException("No role with group id '" + groupId + "'");
	}

}
