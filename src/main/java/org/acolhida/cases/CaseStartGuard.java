package org.acolhida.cases;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import org.acolhida.staff.Role;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.context.CoreExecutionContext;
import org.camunda.bpm.engine.impl.core.instance.CoreExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A process instance starts only for a case its signed-in starter may work, and only for a unit they
 * work at. Checked in the engine, by a listener on the start of every process definition (a
 * manager's new diagram too), so that every route is covered alike: Tasklist's start form, the REST
 * API's start and submit-form, the webapps' engine API, a message that starts an instance, a call
 * activity, and the application's own services run by a signed-in user. The listener is a built-in
 * one: starting "at an activity" with {@code skipCustomListeners} does not skip it.
 * <p>
 * A start names a case by its business key and by its {@value #CASE_NUMBER} variable; it names the
 * unit whose queue gets its tasks by {@value #UNIT_CODE}. For a signed-in starter:
 * <ul>
 * <li>started directly, every case named must belong to a unit where the starter works in a role
 * whose group (or workgroup there) the engine grants {@code CREATE_INSTANCE} on the definition: the
 * grants of {@link org.acolhida.staff.AccessPolicy}, or whatever a manager grants in Admin;</li>
 * <li>started by another process instance (a call activity, a delegate, a message sent by it), the
 * caller's own case is allowed, as the engine authorised the task that got there; any other case
 * needs the starter to work at its unit in any role. The caller's case is its business key, which
 * only the engine's own delegates set; its variables may come from a completed form and are not
 * trusted;</li>
 * <li>{@value #UNIT_CODE}, when given, must be the unit owning the case named, or, without a case
 * (a new reception), a unit where the starter works in a role that may start the process. A code
 * that is no active unit of the (public) directory is left to the form's own check, which says so;</li>
 * <li>the definition's initiator variable ({@code camunda:initiator}) must name the starter: the
 * engine writes it before the start's variables, which could otherwise replace it.</li>
 * </ul>
 * Anything else is refused with an {@link AuthorizationException} (REST: 403) in the starter's
 * language, before any delegate runs, so nothing is started, written or returned. A case number that
 * does not exist is refused exactly like another unit's case: case numbers are sequential, and a
 * different answer would tell which exist.
 * <p>
 * Without a signed-in user the start is the engine's own (a timer, a job) or the application's
 * (demo data, imports), and is not checked. Members of {@code camunda-admin} are not checked either:
 * the engine grants that group every permission, including changing group memberships and reading
 * every variable, so a refusal here would protect nothing and only push the administrator to join a
 * workgroup; their starts are recorded under their own user id like anybody's.
 */
@Component
class CaseStartGuard extends AbstractProcessEnginePlugin {

	/** The variable by which every process names its case; the business key names it too. */
	static final String CASE_NUMBER = "caseNumber";

	/** The variable holding the unit whose workgroups get the instance's tasks. */
	static final String UNIT_CODE = CaseTasks.UNIT_VARIABLE;

	// Looked up when a process starts: these beans need the engine's services, which need this plugin.
	private final ObjectProvider<CaseFileStatements> cases;

	private final ObjectProvider<UnitDirectory> units;

	private final ObjectProvider<FormMessages> messages;

	CaseStartGuard(ObjectProvider<CaseFileStatements> cases, ObjectProvider<UnitDirectory> units,
			ObjectProvider<FormMessages> messages) {
		this.cases = cases;
		this.units = units;
		this.messages = messages;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				// First of the process's start listeners, so that the diagram's own ones never see a refused start.
				processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
						(ExecutionListener) CaseStartGuard.this::check, 0);
			}

		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	void check(DelegateExecution execution) {
		CommandContext command = Context.getCommandContext();
		Authentication starter = command == null ? null : command.getAuthentication();
		if (starter == null || starter.getUserId() == null) {
			return;
		}
		List<String> groups = starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
		if (groups.contains(Groups.CAMUNDA_ADMIN)) {
			return;
		}
		ExecutionEntity instance = (ExecutionEntity) execution.getProcessInstance();
		ProcessDefinitionEntity definition = instance.getProcessDefinition();
		ExecutionEntity caller = Callers.of(instance);
		Start start = new Start(groups, definition.getKey(), caller != null,
				caller == null ? null : caller.getProcessBusinessKey(), command);

		String initiatorVariable = (String) definition.getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
		Object initiator = initiatorVariable == null ? null : instance.getVariableLocal(initiatorVariable);
		if (initiator != null && !starter.getUserId().equals(initiator)) {
			throw refused("initiator", String.valueOf(initiator));
		}

		// case number -> owning unit, for every case the start names
		Map<String, String> named = new LinkedHashMap<>();
		for (Object given : new Object[] { instance.getBusinessKey(), instance.getVariableLocal(CASE_NUMBER) }) {
			String caseNumber = FormValues.text(given);
			if (caseNumber != null && !named.containsKey(caseNumber)) {
				// the summary, not the owning unit alone: the started process's first step reads it in this
				// same transaction, and then finds it read (see CaseFileStatements)
				Optional<String> owner = cases.getObject().summary(caseNumber).map(CaseSummary::getOwningUnit);
				if (owner.isEmpty() || !(caseNumber.equals(start.callerCase()) || start.worksAt(owner.get()))) {
					throw refused("case", caseNumber);
				}
				named.put(caseNumber, owner.get());
			}
		}

		String unit = FormValues.text(instance.getVariableLocal(UNIT_CODE));
		if (unit == null) {
			return;
		}
		if (!named.isEmpty() ? !named.containsValue(unit)
				: units.getObject().isActive(unit) && !start.worksAt(unit)) {
			throw refused("unit", unit);
		}
	}

	private AuthorizationException refused(String reason, String given) {
		return new AuthorizationException(messages.getObject().startRefusal(reason, given));
	}

	/** Who starts which process, and from which instance if another one starts it. */
	private record Start(List<String> groups, String processKey, boolean called, String callerCase,
			CommandContext command) {

		/**
		 * Whether the starter works at the unit in a role that may start this process: any of their
		 * roles there when another instance starts it, else one the engine lets start it.
		 */
		boolean worksAt(String unit) {
			for (Role role : Role.values()) {
				if (role.isUnitRole() && groups.contains(role.at(unit)) && (called || mayStart(role, unit))) {
					return true;
				}
			}
			return false;
		}

		/**
		 * The engine's own answer for the role's groups alone: not the starter's personal grants, which
		 * say nothing about the units they work at.
		 */
		private boolean mayStart(Role role, String unit) {
			return command.getAuthorizationManager().isAuthorized(null, List.of(role.groupId(), role.at(unit)),
					Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey);
		}

	}

	/**
	 * The execution of another process instance that is starting this one: the super execution of a
	 * call activity, or the execution whose delegate or listener starts it through the engine's
	 * services in the same thread. The engine keeps those executions on a stack, which its context
	 * class exposes only to subclasses.
	 */
	private static final class Callers extends Context {

		static ExecutionEntity of(ExecutionEntity instance) {
			if (instance.getSuperExecution() != null) {
				return instance.getSuperExecution();
			}
			Deque<CoreExecutionContext<? extends CoreExecution>> stack = executionContextStackThreadLocal.get();
			if (stack == null) {
				return null;
			}
			// newest first: the nearest execution that is not of the instance being started
			for (CoreExecutionContext<? extends CoreExecution> context : stack) {
				if (context.getExecution() instanceof ExecutionEntity execution
						&& !instance.getId().equals(execution.getProcessInstanceId())) {
					return execution;
				}
			}
			return null;
		}

	}

}
