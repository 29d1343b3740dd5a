package org.acolhida.tasklists;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A task list the application keeps in Tasklist (a Camunda task filter).
 *
 * @param key what the list is, stable across renames and restarts ({@code workgroup:housing.SOR-CRAS-NORTE},
 * {@code assigned:pt-BR}); stored in the filter's properties under {@link TaskLists#KEY}
 * @param name what Tasklist shows, in the readers' language
 * @param properties the filter's properties: description, priority (Tasklist opens the lowest first),
 * refresh, and the variables shown on each task
 * @param query the tasks it lists
 * @param readers the groups that may read it, and only they
 */
record TaskList(String key, String name, Map<String, Object> properties, TaskQuery query, Set<String> readers) {
}
