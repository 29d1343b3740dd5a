package org.acolhida.reception;

import java.util.List;
import java.util.Map;

import org.acolhida.staff.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of the demo: "My unit's reception tasks" (reception tasks of the signed-in
 * worker's workgroups, claimed or not) and "Immediate priority" (their tasks of any process whose
 * case the triage made IMMEDIATE). Created once, by name; every staff role may read them.
 */
@Component
@Profile("demo")
@Order(30)
class DemoTaskFilters implements ApplicationRunner {

	static final String MY_UNIT = "My unit's reception tasks";

	static final String IMMEDIATE = "Immediate priority";

	private static final List<Role> STAFF = List.of(Role.RECEPTION, Role.DOCUMENTATION, Role.HOUSING, Role.LITERACY,
			Role.SHELTER, Role.COORDINATOR);

	private static final List<Map<String, String>> COLUMNS = List.of(
			Map.of("name", ReceptionProcess.Variables.CASE_NUMBER, "label", "Case"),
			Map.of("name", ReceptionProcess.Variables.PERSON_NAME, "label", "Person"),
			Map.of("name", ReceptionProcess.Variables.PRIORITY, "label", "Priority"));

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	DemoTaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Tasklist opens the first filter by priority: the worker's own list, not the (often empty) urgent one.
		create(MY_UNIT, "Reception tasks of your unit's workgroups", -20,
				tasks.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.processDefinitionKey(ReceptionProcess.KEY)
					.orderByDueDate().asc());
		create(IMMEDIATE, "Cases the triage made IMMEDIATE: people sleeping rough, protection concerns", -10,
				tasks.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.processVariableValueEquals(ReceptionProcess.Variables.PRIORITY, "IMMEDIATE")
					.orderByDueDate().asc());
	}

	private void create(String name, String description, int priority, TaskQuery query) {
		Filter filter = filters.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = filters.newTaskFilter(name)
				.setQuery(query)
				.setProperties(Map.of("description", description, "priority", priority, "refresh", true, "variables",
						COLUMNS));
			filters.saveFilter(filter);
		}
		for (Role role : STAFF) {
			boolean granted = authorizations.createAuthorizationQuery()
				.groupIdIn(role.groupId())
				.resourceType(Resources.FILTER)
				.resourceId(filter.getId())
				.count() > 0;
			if (!granted) {
				Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				read.setGroupId(role.groupId());
				read.setResource(Resources.FILTER);
				read.setResourceId(filter.getId());
				read.addPermission(Permissions.READ);
				authorizations.saveAuthorization(read);
			}
		}
	}

}
