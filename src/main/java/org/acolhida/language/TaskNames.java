package org.acolhida.language;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Names a new task so that a worker can tell it apart in Tasklist: the step in the language of
 * the unit that owns the case, the case number and the person's name, e.g. "Escuta qualificada ·
 * SOR-2026-000123 · Marie Joseph". Step names come from {@code i18n/tasks*.properties}, keyed
 * {@code <process key>.<task id>}; a step without a translation keeps the diagram's name.
 * <p>
 * Used as {@code <camunda:taskListener event="create" delegateExpression="${taskNames}"/>}. Reads
 * the variables {@code unitCode}, {@code caseNumber} and {@code personName}; writes the task name.
 */
@Component("taskNames")
public class TaskNames implements TaskListener {

	private final WorkLanguage language;

	private final ResourceBundleMessageSource messages = WorkLanguage.messages("i18n/tasks");

	TaskNames(WorkLanguage language) {
		this.language = language;
	}

	@Override
	public void notify(DelegateTask task) {
		// The variables live on the execution; asking the new task first would cost a query for
		// its own (still empty) variables on every task created.
		VariableScope scope = task.getExecution() != null ? task.getExecution() : task;
		Object unit = scope.getVariable("unitCode");
		String key = task.getProcessDefinitionId().split(":")[0] + "." + task.getTaskDefinitionKey();
		String step = messages.getMessage(key, null, task.getName(),
				WorkLanguage.locale(language.ofUnit(unit == null ? null : unit.toString())));
		StringBuilder name = new StringBuilder(step);
		append(name, scope.getVariable("caseNumber"));
		append(name, scope.getVariable("personName"));
		task.setName(name.toString());
	}

	/** The step name in a language, for tests and other features. */
	public String step(String processKey, String taskId, String language) {
		return messages.getMessage(processKey + "." + taskId, null, taskId, WorkLanguage.locale(language));
	}

	private static void append(StringBuilder name, Object part) {
		if (part != null && !part.toString().isBlank()) {
			name.append(" · ").append(part);
		}
	}

}
