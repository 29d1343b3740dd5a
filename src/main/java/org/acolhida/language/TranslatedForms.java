package org.acolhida.language;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands every deployed Camunda Form out in its reader's language: the signed-in worker's (see
 * {@link WorkLanguage#forCurrentUser}: their own choice, else their unit's country; English for anyone
 * without a unit), whatever unit owns the case. The engine stores one form per step, in English; its
 * texts in other languages are bundles beside it ({@link ProtocolTexts}, {@link FormTexts}).
 * <p>
 * It lives in the engine, around the commands that read a deployed form ({@link AbstractGetDeployedFormCmd}:
 * a task's form and a process's start form), because that is the one place every reader passes:
 * Tasklist ({@code /camunda/api/engine/.../deployed-form}), {@code /engine-rest} and Java alike, so no
 * URL is left untranslated and no form-js change is needed. A diagram names its form literally, so
 * listing tasks resolves nothing per task; only opening a form costs the translation.
 * <p>
 * Before translating, it fills in the choices a component asks for by a custom property
 * ({@link FormChoices}: the options of a select, the value a field starts with), for every reader,
 * English ones too; the options it adds are labelled by their provider in the reader's language.
 */
@Component
class TranslatedForms extends AbstractProcessEnginePlugin {

	/**
	 * What form the command read: the engine keeps it behind a protected method; one renamed by an upgrade
	 * fails start-up here instead of leaving forms untranslated.
	 */
	private static final Method FORM_DATA = formDataMethod();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Logger LOG = LoggerFactory.getLogger(TranslatedForms.class);

	/** The custom properties by which a component asks for options and for its first value. */
	static final String OPTIONS = "options";

	static final String DEFAULT = "default";

	private final ObjectProvider<WorkLanguage> language;

	private final ProtocolTexts texts;

	private final ObjectProvider<FormChoices> choices;

	/**
	 * The language and the choices are looked up lazily: they need the engine's services, built after
	 * this plugin.
	 */
	TranslatedForms(ObjectProvider<WorkLanguage> language, ProtocolTexts texts, ObjectProvider<FormChoices> choices) {
		this.language = language;
		this.texts = texts;
		this.choices = choices;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new Translate());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	/** Translates the result of a deployed-form command, inside the command's own context. */
	final class Translate extends CommandInterceptor {

		@Override
		@SuppressWarnings("unchecked")
		public <T> T execute(Command<T> command) {
			T result = next.execute(command);
			if (command instanceof AbstractGetDeployedFormCmd formCommand && result instanceof InputStream form) {
				return (T) translate(formCommand, form);
			}
			return result;
		}

	}

	private InputStream translate(AbstractGetDeployedFormCmd command, InputStream form) {
		CommandContext context = Context.getCommandContext();
		if (context == null) {
			return form;
		}
		// The reader's own unit and choice, looked up as the engine: a worker need not be allowed to
		// list groups to have their unit's language.
		String reader = context.runWithoutAuthorization(() -> language.getObject().forCurrentUser(null));
		FormData data = formData(command);
		CamundaFormRef ref = data == null ? null : data.getCamundaFormRef();
		if (ref == null) {
			// an embedded or external form: not a Camunda Form of ours
			return form;
		}
		try (form) {
			byte[] english = form.readAllBytes();
			JsonNode served = JSON.readTree(english);
			boolean filled = context.runWithoutAuthorization(() -> fill(served.path("components"),
					new LazyReader(context, data, reader)));
			Map<String, String> bundle = Map.of();
			if (!WorkLanguage.EN.equals(reader)) {
				CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId())
					.execute(context);
				bundle = definition == null ? Map.of()
						: texts.bundle(definition.getDeploymentId(), definition.getKey(), reader);
			}
			if (!filled && bundle.isEmpty()) {
				return new ByteArrayInputStream(english);
			}
			JsonNode translated = FormTexts.translated(served, bundle);
			return new ByteArrayInputStream(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(translated));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Fills in, at any depth, the options and first values that components ask for by their custom
	 * properties; whether any was asked for. A name no bean provides is logged and left as deployed: the
	 * form still opens, with what Modeler gave it.
	 */
	private boolean fill(JsonNode components, LazyReader reader) {
		boolean filled = false;
		for (JsonNode node : components) {
			if (!(node instanceof ObjectNode component)) {
				continue;
			}
			JsonNode properties = component.path("properties");
			String options = properties.path(OPTIONS).asText(null);
			if (options != null) {
				FormChoices choice = choice(options, component);
				if (choice != null) {
					ArrayNode values = component.putArray("values");
					for (FormChoices.Option option : choice.options(reader.get())) {
						values.addObject().put("label", option.label()).put("value", option.value());
					}
					filled = true;
				}
			}
			String first = properties.path(DEFAULT).asText(null);
			if (first != null && component.hasNonNull("key")) {
				Object value = reader.defaults(first, component).get(component.get("key").asText());
				if (value != null) {
					component.set("defaultValue", JSON.valueToTree(value));
					filled = true;
				}
			}
			filled |= fill(component.path("components"), reader);
		}
		return filled;
	}

	FormChoices choice(String name, JsonNode component) {
		FormChoices found = choices.orderedStream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
		if (found == null) {
			LOG.warn("Form component {} asks for the choices \"{}\", which no FormChoices bean provides; it is served as deployed",
					component.path("id").asText(), name);
		}
		return found;
	}

	/**
	 * The reader of the form being served, looked up once and only if a component asks for a choice:
	 * for a task's form, its case is its process instance's business key.
	 */
	private final class LazyReader {

		private final CommandContext context;

		private final FormData data;

		private final String language;

		private FormChoices.Reader reader;

		/** Each choice's first values, asked once for the whole form. */
		private final Map<String, Map<String, Object>> defaults = new HashMap<>();

		LazyReader(CommandContext context, FormData data, String language) {
			this.context = context;
			this.data = data;
			this.language = language;
		}

		FormChoices.Reader get() {
			if (reader == null) {
				Authentication authentication = context.getAuthentication();
				String caseNumber = null;
				if (data instanceof TaskFormData taskForm && taskForm.getTask() != null
						&& taskForm.getTask().getProcessInstanceId() != null) {
					ExecutionEntity instance = context.getExecutionManager()
						.findExecutionById(taskForm.getTask().getProcessInstanceId());
					caseNumber = instance == null ? null : instance.getBusinessKey();
				}
				reader = new FormChoices.Reader(authentication == null ? null : authentication.getUserId(),
						authentication == null ? null : authentication.getGroupIds(), language, caseNumber);
			}
			return reader;
		}

		Map<String, Object> defaults(String name, JsonNode component) {
			return defaults.computeIfAbsent(name, n -> {
				FormChoices choice = choice(n, component);
				return choice == null ? Map.of() : choice.defaults(get());
			});
		}

	}

	private static FormData formData(AbstractGetDeployedFormCmd command) {
		try {
			return (FormData) FORM_DATA.invoke(command);
		}
		catch (InvocationTargetException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime
					: new ProcessEngineException("Could not read which form was asked for", e.getCause());
		}
		catch (IllegalAccessException e) {
			throw new ProcessEngineException("Could not read which form was asked for", e);
		}
	}

	private static Method formDataMethod() {
		try {
			Method method = AbstractGetDeployedFormCmd.class.getDeclaredMethod("getFormData");
			method.setAccessible(true);
			return method;
		}
		catch (NoSuchMethodException e) {
			throw new IllegalStateException("The engine's AbstractGetDeployedFormCmd has no getFormData() any more:"
					+ " the translation of deployed forms must be adapted", e);
		}
	}

}
