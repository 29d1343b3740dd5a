package org.acolhida.language;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names processes in their reader's language wherever a process definition is read: Tasklist's "Start
 * process" list and the process a task belongs to, {@code /engine-rest} and Java alike. The name is
 * {@code process.name} of the process's bundle ({@code i18n/<process key>_pt_BR.properties}, see
 * {@link ProtocolTexts}); English, or a bundle without it, keeps the diagram's name.
 * <p>
 * Like {@link TranslatedForms}, an engine interceptor after the commands that read definitions (the
 * process definition query and the look-up by id), rather than a filter on the REST endpoints: Tasklist
 * reads definitions through several of them (its own {@code /camunda/api/engine}, HAL-embedded
 * definitions of a task list), and a filter would miss the next one. The reader's language is decided
 * as for forms ({@link WorkLanguage#forCurrentUser}). The engine caches its definitions and shares
 * them between users: a translated definition is a copy, the cached one is never changed.
 * <p>
 * What the database sorts and searches (sort by name, "name like") remains the diagram's English name.
 */
@Component
class TranslatedProcessNames extends AbstractProcessEnginePlugin {

	/** The key of a process's name in its bundle. */
	static final String PROCESS_NAME = "process.name";

	private final ObjectProvider<WorkLanguage> language;

	private final ProtocolTexts texts;

	/** The language is looked up lazily: it needs the engine's identity service, built after this plugin. */
	TranslatedProcessNames(ObjectProvider<WorkLanguage> language, ProtocolTexts texts) {
		this.language = language;
		this.texts = texts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new Translate());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	/** Names the definitions a command read, inside the command's own context. */
	final class Translate extends CommandInterceptor {

		@Override
		@SuppressWarnings("unchecked")
		public <T> T execute(Command<T> command) {
			T result = next.execute(command);
			if (command instanceof ProcessDefinitionQueryImpl && result instanceof List<?> definitions
					&& !definitions.isEmpty()) {
				String reader = reader();
				if (reader == null) {
					return result;
				}
				List<Object> named = new ArrayList<>(definitions.size());
				for (Object definition : definitions) {
					named.add(definition instanceof ProcessDefinitionEntity entity ? named(entity, reader) : definition);
				}
				return (T) named;
			}
			if (command instanceof GetDeployedProcessDefinitionCmd && result instanceof ProcessDefinitionEntity entity) {
				String reader = reader();
				return reader == null ? result : (T) named(entity, reader);
			}
			return result;
		}

	}

	/** The signed-in reader's language, if it is not English (nothing to do then). */
	private String reader() {
		CommandContext context = Context.getCommandContext();
		if (context == null || context.getAuthenticatedUserId() == null) {
			return null;
		}
		// Looked up as the engine: a worker need not be allowed to list groups to have their unit's language.
		String reader = context.runWithoutAuthorization(() -> language.getObject().forCurrentUser(null));
		return WorkLanguage.EN.equals(reader) ? null : reader;
	}

	private ProcessDefinition named(ProcessDefinitionEntity definition, String reader) {
		String name = texts.bundle(definition.getDeploymentId(), definition.getKey(), reader).get(PROCESS_NAME);
		if (name == null || name.isBlank() || name.equals(definition.getName())) {
			return definition;
		}
		return copy(definition, name);
	}

	/** The definition as the REST API and Tasklist read it, under another name; the engine's own is left alone. */
	private static ProcessDefinitionEntity copy(ProcessDefinitionEntity definition, String name) {
		ProcessDefinitionEntity copy = new ProcessDefinitionEntity();
		copy.setId(definition.getId());
		copy.setRevision(definition.getRevision());
		copy.setKey(definition.getKey());
		copy.setName(name);
		copy.setCategory(definition.getCategory());
		copy.setProperty(BpmnParse.PROPERTYNAME_DOCUMENTATION, definition.getDescription());
		copy.setVersion(definition.getVersion());
		copy.setVersionTag(definition.getVersionTag());
		copy.setDeploymentId(definition.getDeploymentId());
		copy.setResourceName(definition.getResourceName());
		copy.setDiagramResourceName(definition.getDiagramResourceName());
		copy.setStartFormKey(definition.hasStartFormKey());
		copy.setSuspensionState(definition.getSuspensionState());
		copy.setTenantId(definition.getTenantId());
		copy.setHistoryTimeToLive(definition.getHistoryTimeToLive());
		copy.setStartableInTasklist(definition.isStartableInTasklist());
		return copy;
	}

}
