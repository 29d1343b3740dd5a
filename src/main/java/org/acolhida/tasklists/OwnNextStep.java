package org.acolhida.tasklists;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The worker who starts a case, or finishes a step of it, gets the case's next step when it is a task
 * of their own desk: ana starts a reception and finds its household registration, then its listening,
 * assigned to her, with no "Claim" in between. A next step for another desk (documentation after the
 * listening) stays with that desk's list, unassigned.
 * <p>
 * Added by the engine to every user task of every deployed diagram (a create listener, put there when
 * the diagram is parsed), so that protocols need not carry it and a manager's new version keeps it.
 * Only a task created in a signed-in worker's own request is assigned: one created by a timer or an
 * asynchronous continuation has nobody to go to. A task the diagram assigns already is left alone.
 */
@Component
class OwnNextStep extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AssignOwnNextStep());
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	/** Adds {@link #ASSIGN} to each user task as it is parsed. */
	static final class AssignOwnNextStep extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
				behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, ASSIGN);
			}
		}

	}

	static final TaskListener ASSIGN = OwnNextStep::assignToWhoeverCausedIt;

	static void assignToWhoeverCausedIt(DelegateTask task) {
		CommandContext command = Context.getCommandContext();
		Authentication worker = command == null ? null : command.getAuthentication();
		if (task.getAssignee() != null || worker == null || worker.getUserId() == null) {
			return;
		}
		for (IdentityLink candidate : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(candidate.getType()) && candidate.getGroupId() != null
					&& isMember(command, worker, candidate.getGroupId())) {
				task.setAssignee(worker.getUserId());
				return;
			}
		}
	}

	/**
	 * Whether the worker is in the group: from the groups their sign-in loaded (webapps and REST do); a
	 * caller that set only a user id is looked up.
	 */
	private static boolean isMember(CommandContext command, Authentication worker, String groupId) {
		if (worker.getGroupIds() != null) {
			return worker.getGroupIds().contains(groupId);
		}
		// The engine's own look-up: a worker need not be allowed to read users to be given their task.
		return command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider()
			.createUserQuery(command)
			.userId(worker.getUserId())
			.memberOfGroup(groupId)
			.count() > 0);
	}

}
