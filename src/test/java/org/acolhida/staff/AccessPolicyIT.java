package org.acolhida.staff;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grants are made by the application at every start: starting again (here: running the policy
 * again, twice) must leave exactly the rows that were there, and must put back a grant that went missing.
 */
@PostgresIntegrationTest
class AccessPolicyIT {

	static final String ROLE_GROUPS = "('" + String.join("','",
			Arrays.stream(Role.values()).map(Role::groupId).toList()) + "')";

	@Autowired
	AccessPolicy policy;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcTemplate jdbc;

	/** Every grant of the role groups: group, resource type, resource id and permission bits. */
	List<Map<String, Object>> grants() {
		return jdbc.queryForList("SELECT GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION "
				+ "WHERE GROUP_ID_ IN " + ROLE_GROUPS + " ORDER BY GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_");
	}

	long rows() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IN " + ROLE_GROUPS,
				Long.class);
	}

	long duplicates() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT GROUP_ID_, TYPE_, RESOURCE_TYPE_, RESOURCE_ID_ "
				+ "FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IN " + ROLE_GROUPS
				+ " GROUP BY GROUP_ID_, TYPE_, RESOURCE_TYPE_, RESOURCE_ID_ HAVING COUNT(*) > 1) d", Long.class);
	}

	@Test
	void shouldLeaveTheGrantsAsTheyAreWhenItRunsAgain() {
		List<Map<String, Object>> before = grants();
		assertThat(before).as("grants made at startup").isNotEmpty();

		policy.run(null);
		policy.run(null);

		assertThat(rows()).isEqualTo(before.size());
		assertThat(grants()).isEqualTo(before);
		assertThat(duplicates()).isZero();
	}

	@Test
	void shouldPutBackAMissingGrantOnce() {
		long before = rows();
		Authorization operationLog = authorizations.createAuthorizationQuery()
			.groupIdIn(Role.AUDITOR.groupId())
			.resourceType(Resources.OPERATION_LOG_CATEGORY)
			.resourceId("*")
			.singleResult();
		assertThat(operationLog).isNotNull();
		authorizations.deleteAuthorization(operationLog.getId());
		assertThat(rows()).isEqualTo(before - 1);

		policy.run(null);
		policy.run(null);

		assertThat(rows()).isEqualTo(before);
		Authorization restored = authorizations.createAuthorizationQuery()
			.groupIdIn(Role.AUDITOR.groupId())
			.resourceType(Resources.OPERATION_LOG_CATEGORY)
			.resourceId("*")
			.singleResult();
		assertThat(restored.isPermissionGranted(UserOperationLogCategoryPermissions.READ)).isTrue();
		assertThat(restored.isPermissionGranted(UserOperationLogCategoryPermissions.UPDATE)).isFalse();
		assertThat(duplicates()).isZero();
	}

	@Test
	void shouldGiveAuditorsOnlyPermissionsToReadOrOpenCockpit() {
		List<Authorization> grants = authorizations.createAuthorizationQuery().groupIdIn(Role.AUDITOR.groupId()).list();
		assertThat(grants).isNotEmpty();
		for (Authorization grant : grants) {
			assertThat(grant.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
			List<String> granted = Arrays.stream(grant.getPermissions(
					ResourceTypeUtil.getPermissionsByResourceType(grant.getResourceType())))
				.map(Permission::getName)
				.filter(name -> !name.equals("NONE"))
				.toList();
			assertThat(granted).as("auditors' permissions on resource type " + grant.getResourceType())
				.isNotEmpty()
				.allMatch(name -> name.startsWith("READ") || name.equals("ACCESS"));
		}
	}

}
