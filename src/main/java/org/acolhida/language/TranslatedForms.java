package org.acolhida.language;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
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
 */
@Component
class TranslatedForms extends AbstractProcessEnginePlugin {

	/**
	 * What form the command read: the engine keeps it behind a protected method; one renamed by an upgrade
	 * fails start-up here instead of leaving forms untranslated.
	 */
	private static final Method FORM_DATA = formDataMethod();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ObjectProvider<WorkLanguage> language;

	private final ProtocolTexts texts;

	/** The language is looked up lazily: it needs the engine's identity service, built after this plugin. */
	TranslatedForms(ObjectProvider<WorkLanguage> language, ProtocolTexts texts) {
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
		if (WorkLanguage.EN.equals(reader)) {
			return form;
		}
		FormData data = formData(command);
		CamundaFormRef ref = data == null ? null : data.getCamundaFormRef();
		if (ref == null) {
			// an embedded or external form: not a Camunda Form of ours
			return form;
		}
		CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId()).execute(context);
		try (form) {
			byte[] english = form.readAllBytes();
			Map<String, String> bundle = definition == null ? Map.of()
					: texts.bundle(definition.getDeploymentId(), definition.getKey(), reader);
			if (bundle.isEmpty()) {
				return new ByteArrayInputStream(english);
			}
			JsonNode translated = FormTexts.translated(JSON.readTree(english), bundle);
			return new ByteArrayInputStream(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(translated));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
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
