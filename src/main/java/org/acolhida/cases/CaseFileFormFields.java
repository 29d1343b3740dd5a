package org.acolhida.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The registration forms' answers about people reach the engine as transient variables: the
 * reception's start form (the reference person), its household form (the other members) and the
 * social-assistance facts of its listening. The delegate right after each form, in the same transaction
 * ({@code openCaseDelegate}, {@code saveHouseholdDelegate}, {@code recordListeningDelegate}), reads them and stores them in the case file through
 * {@link CaseFiles}, which is where personal data lives; the engine keeps no copy of them, neither as
 * a process variable nor in its history ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}), and writes
 * none of the rows it wrote before only for the delegate to remove the variables again. A form
 * refused by the delegate rolls back as before, with nothing written.
 * <p>
 * Only fields that the process never reads after that delegate are listed: every other answer stays
 * an ordinary variable, as the diagrams' gateways and the auditor's timeline read them.
 */
@Component
class CaseFileFormFields extends AbstractProcessEnginePlugin {

	/** The fields that hold a person, by process definition key and form element (start event or user task). */
	static final Map<String, Map<String, Set<String>>> FIELDS = Map.of("reception", Map.of(
			"start_reception",
			Set.of("givenName", "familyName", "birthDate", "nationality", "languages", "documentType",
					"documentNumber"),
			"task_register_household",
			Set.of("householdMembers", "membersCount", "member1", "member2", "member3", "member4", "member5",
					"member6", "member7", "member8"),
			// the social-assistance facts of the listening (Brazil)
			"task_qualified_listening",
			Set.of("traffickingVictim", "paif", "incomePerPerson", "bolsaFamilia", "bpcReceived", "bpcMissing",
					"cadUnico")));

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				Map<String, Set<String>> forms = FIELDS.getOrDefault(processDefinition.getKey(), Map.of());
				ActivityImpl initial = processDefinition.getInitial();
				Set<String> fields = initial == null ? null : forms.get(initial.getId());
				if (fields != null && processDefinition.getStartFormHandler() != null) {
					processDefinition.setStartFormHandler(new TransientStart(processDefinition.getStartFormHandler(), fields));
				}
			}

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				Set<String> fields = activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						? FIELDS.getOrDefault(definition.getKey(), Map.of()).get(activity.getId()) : null;
				if (fields != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task
						&& task.getTaskDefinition().getTaskFormHandler() != null) {
					task.getTaskDefinition().setTaskFormHandler(
							new TransientTask(task.getTaskDefinition().getTaskFormHandler(), fields));
				}
			}

		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	/** The submitted answers, the listed ones made transient; the caller's map is left as it was. */
	static VariableMap transientFields(VariableMap submitted, Set<String> fields) {
		VariableMap answers = Variables.createVariables();
		for (String name : submitted.keySet()) {
			TypedValue value = submitted.getValueTyped(name);
			answers.putValueTyped(name, fields.contains(name) && value != null && !value.isTransient()
					? Variables.untypedValue(value.getValue(), true) : value);
		}
		return answers;
	}

	private record TransientStart(StartFormHandler handler, Set<String> fields) implements StartFormHandler {

		@Override
		public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
			return handler.createStartFormData(processDefinition);
		}

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
			handler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
			handler.submitFormVariables(transientFields(properties, fields), variableScope);
		}

	}

	private record TransientTask(TaskFormHandler handler, Set<String> fields) implements TaskFormHandler {

		@Override
		public TaskFormData createTaskForm(TaskEntity task) {
			return handler.createTaskForm(task);
		}

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
			handler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
			handler.submitFormVariables(transientFields(properties, fields), variableScope);
		}

	}

}
