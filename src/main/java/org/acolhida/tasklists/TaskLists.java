package org.acolhida.tasklists;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.acolhida.language.WorkLanguage;
import org.acolhida.reception.ReceptionProcess;
import org.acolhida.units.ServiceUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The task lists every worker finds in Tasklist, worked out from the workgroups that exist:
 * <ul>
 * <li>one per workgroup, "Documentação · CRAS Norte": that desk's open tasks, claimed or not, read by
 * that workgroup alone. It names its group, not {@code currentUserGroups()}, so that it never lists
 * another unit's tasks, whatever other groups a reader has;</li>
 * <li>per language that some workgroup works in, "assigned to me" and "urgent and due soon", read by
 * the workgroups of that language. Both are narrowed by who is signed in ({@code ${currentUser()}},
 * {@code ${currentUserGroups()}}), which is all a stored list may use.</li>
 * </ul>
 * A unit's staff read their lists in the unit's language ({@link WorkLanguage}), the one of their
 * forms and task names. Texts are in {@code i18n/tasklists*.properties}.
 */
@Component
class TaskLists {

	/** The filter property that marks a list as the application's, with the list's {@link TaskList#key()}. */
	static final String KEY = "acolhidaList";

	/** Tasklist opens the list with the lowest priority first: a worker's own desk. */
	static final int WORKGROUP_PRIORITY = -30;

	static final int ASSIGNED_PRIORITY = -20;

	static final int URGENT_PRIORITY = -10;

	/** How soon a task's due date makes it urgent. */
	static final String DUE_SOON = "${dateTime().plusDays(2)}";

	/** The triage's priority of a case whose tasks are urgent whatever their due date. */
	static final String IMMEDIATE = "IMMEDIATE";

	private final TaskService tasks;

	private final WorkLanguage language;

	private final ResourceBundleMessageSource messages = WorkLanguage.messages("i18n/tasklists");

	TaskLists(TaskService tasks, WorkLanguage language) {
		this.tasks = tasks;
		this.language = language;
	}

	/** Every list that should exist, for these workgroups (each with its unit), by key. */
	Map<String, TaskList> design(Map<Workgroup, ServiceUnit> workgroups) {
		Map<String, TaskList> lists = new LinkedHashMap<>();
		Map<String, Set<String>> groupsByLanguage = new TreeMap<>();
		workgroups.forEach((workgroup, unit) -> {
			String lang = language.ofUnit(unit.getCode());
			TaskList list = workgroupList(workgroup, unit, lang);
			lists.put(list.key(), list);
			groupsByLanguage.computeIfAbsent(lang, l -> new TreeSet<>()).add(workgroup.groupId());
		});
		groupsByLanguage.forEach((lang, groups) -> {
			TaskList assigned = assignedList(lang, groups);
			TaskList urgent = urgentList(lang, groups);
			lists.put(assigned.key(), assigned);
			lists.put(urgent.key(), urgent);
		});
		return lists;
	}

	private TaskList workgroupList(Workgroup workgroup, ServiceUnit unit, String lang) {
		String name = text("role." + workgroup.role().groupId(), lang) + " · " + shortName(unit.getName());
		TaskQuery query = tasks.createTaskQuery()
			.taskCandidateGroup(workgroup.groupId())
			.includeAssignedTasks()
			.orderByDueDate().asc()
			.orderByTaskCreateTime().asc();
		return new TaskList("workgroup:" + workgroup.groupId(), name,
				properties("workgroup.description", lang, WORKGROUP_PRIORITY), query, Set.of(workgroup.groupId()));
	}

	private TaskList assignedList(String lang, Collection<String> readers) {
		TaskQuery query = tasks.createTaskQuery()
			.taskAssigneeExpression("${currentUser()}")
			.orderByDueDate().asc()
			.orderByTaskCreateTime().asc();
		return new TaskList("assigned:" + lang, text("assigned.name", lang),
				properties("assigned.description", lang, ASSIGNED_PRIORITY), query, Set.copyOf(readers));
	}

	private TaskList urgentList(String lang, Collection<String> readers) {
		TaskQuery query = tasks.createTaskQuery()
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.includeAssignedTasks()
			.or()
			.dueBeforeExpression(DUE_SOON)
			.processVariableValueEquals(ReceptionProcess.Variables.PRIORITY, IMMEDIATE)
			.endOr()
			.orderByDueDate().asc()
			.orderByTaskCreateTime().asc();
		return new TaskList("urgent:" + lang, text("urgent.name", lang),
				properties("urgent.description", lang, URGENT_PRIORITY), query, Set.copyOf(readers));
	}

	private Map<String, Object> properties(String description, String lang, int priority) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", text(description, lang));
		properties.put("priority", priority);
		properties.put("refresh", true);
		// Tasklist shows the due date of each task itself; the case and the person tell tasks apart at a desk.
		properties.put("variables", List.of(
				Map.of("name", ReceptionProcess.Variables.CASE_NUMBER, "label", text("column.caseNumber", lang)),
				Map.of("name", ReceptionProcess.Variables.PERSON_NAME, "label", text("column.personName", lang))));
		return properties;
	}

	private String text(String key, String lang) {
		return messages.getMessage(key, null, WorkLanguage.locale(lang));
	}

	/**
	 * A unit's name as a list name can carry it: the part before a dash that explains the unit
	 * ("CREAS I – PAEFI e proteção especial" is "CREAS I"), the whole name when it has none.
	 */
	static String shortName(String unitName) {
		String name = unitName.strip();
		for (String separator : List.of(" – ", " — ", " - ")) {
			int at = name.indexOf(separator);
			if (at > 0) {
				name = name.substring(0, at).strip();
			}
		}
		return name;
	}

}
