package org.acolhida.language;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.stereotype.Component;

/**
 * Lets a start event choose its Camunda Form by expression, as user tasks can:
 * {@code camunda:formRef="${forms.forUser('reception-start')}"}. Camunda 7.24 evaluates a user
 * task's formRef each time Tasklist asks for the form, but hands a start event's formRef out
 * literally. This plugin wraps every process's start-form handler so that a formRef holding an
 * expression is evaluated when the form is asked for, with the signed-in user as the engine's
 * current authentication and no process variables (none exist before the start).
 */
@Component
class LocalizedStartForms implements ProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				StartFormHandler handler = processDefinition.getStartFormHandler();
				if (handler != null && !(handler instanceof ExpressionStartFormHandler)) {
					processDefinition.setStartFormHandler(new ExpressionStartFormHandler(handler));
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
	}

	/** The engine's handler, with the formRef key evaluated when it is an expression. */
	static final class ExpressionStartFormHandler implements StartFormHandler {

		private final StartFormHandler engineHandler;

		ExpressionStartFormHandler(StartFormHandler engineHandler) {
			this.engineHandler = engineHandler;
		}

		@Override
		public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
			StartFormData data = engineHandler.createStartFormData(processDefinition);
			CamundaFormRef ref = data.getCamundaFormRef();
			if (ref instanceof CamundaFormRefImpl formRef && formRef.getKey() != null
					&& formRef.getKey().contains("${")) {
				Expression key = Context.getProcessEngineConfiguration().getExpressionManager()
					.createExpression(formRef.getKey());
				VariableScope noVariables = StartProcessVariableScope.getSharedInstance();
				formRef.setKey(String.valueOf(key.getValue(noVariables)));
			}
			return data;
		}

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse bpmnParse) {
			engineHandler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
			engineHandler.submitFormVariables(properties, variableScope);
		}

	}

}
