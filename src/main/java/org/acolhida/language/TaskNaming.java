package org.acolhida.language;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names every new user task so that a worker can tell it apart in Tasklist: the step in the language of
 * the unit that owns the case, the case number and the person's name, e.g. "Escuta qualificada ·
 * SOR-2026-000123 · Marie Joseph". Step names come from the process's bundle
 * ({@code i18n/<process key>_pt_BR.properties}, key = task id, see {@link ProtocolTexts}); English, or a
 * step without a translation, keeps the diagram's name.
 * <p>
 * Attached by a parse listener to every user task of every diagram, as a built-in listener, so that a
 * manager cannot forget it on a new step and no start or modification that skips custom listeners
 * leaves a task unnamed. Reads the variables {@code unitCode}, {@code caseNumber} and {@code personName};
 * writes the task name.
 */
@Component
class TaskNaming extends AbstractProcessEnginePlugin {

	private final ObjectProvider<WorkLanguage> language;

	private final ProtocolTexts texts;

	private final TaskListener listener = this::name;

	/** The language is looked up lazily: it needs the engine's identity service, built after this plugin. */
	TaskNaming(ObjectProvider<WorkLanguage> language, ProtocolTexts texts) {
		this.language = language;
		this.texts = texts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	void name(DelegateTask task) {
		// The variables live on the execution; asking the new task first would cost a query for
		// its own (still empty) variables on every task created.
		VariableScope scope = task.getExecution() != null ? task.getExecution() : task;
		Object unit = scope.getVariable("unitCode");
		String step = task.getName();
		if (task.getExecution() instanceof ExecutionEntity execution && execution.getProcessDefinition() != null) {
			String unitLanguage = language.getObject().ofUnit(unit == null ? null : unit.toString());
			step = texts.bundle(execution.getProcessDefinition().getDeploymentId(),
					execution.getProcessDefinition().getKey(), unitLanguage)
				.getOrDefault(task.getTaskDefinitionKey(), step);
		}
		StringBuilder name = new StringBuilder(step == null ? task.getTaskDefinitionKey() : step);
		append(name, scope.getVariable("caseNumber"));
		append(name, scope.getVariable("personName"));
		task.setName(name.toString());
	}

	private static void append(StringBuilder name, Object part) {
		if (part != null && !part.toString().isBlank()) {
			name.append(" · ").append(part);
		}
	}

}
