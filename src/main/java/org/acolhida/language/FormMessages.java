package org.acolhida.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.InvalidInputException.FieldMessage;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The one way a form is refused, in every process: says what is wrong with a submitted form in the
 * worker's language, naming each field by its label and each allowed value by its word. The case file
 * and the delegates refuse input with English messages on field keys (the language of the
 * {@code /api}, see {@link InvalidInputException}); this translates the ones a form can cause with the
 * templates of {@code i18n/form-errors*.properties}. A message it does not know stays in English
 * rather than disappear.
 * <p>
 * Fields and options are named with the words of the form being submitted, from its own bundles
 * ({@link ProtocolTexts}: those deployed with the form first, then those of {@code processes/i18n/}), so
 * that a label changed in a bundle changes on the form and in its refusals together. The form is the
 * one the engine's current command submits: the task's form when a task is completed, the process's
 * start form when an instance is started. Only a name no form carries (a whole household list, a
 * member's documents) comes from {@code form-errors} ({@code field.*}).
 */
@Component
public class FormMessages {

	/** English messages of the case file, with the parts that vary as groups. */
	private static final List<Rule> RULES = List.of(new Rule("required", "is required( to link the case)?"),
			new Rule("future", "is in the future"), new Rule("too_old", "is more than 130 years ago"),
			new Rule("unknown_unit", "'(.*)' is not an active unit of the directory"),
			new Rule("not_entry_door", "(\\S+) is a (\\S+), not a unit that takes cases in charge"),
			new Rule("document_incomplete", "needs both the document type and its number"),
			new Rule("one_reference_person", "the household has one reference person already"),
			new Rule("not_a_date", "is not a date \\(expected YYYY-MM-DD\\)"),
			new Rule("unknown_relation", "unknown relation '(.*)'"),
			new Rule("not_a_household_list", "is not a list of household members"),
			new Rule("unknown_case", "no case with number '(.*)'"),
			new Rule("not_one_of", "'(.*)' is not one of \\[(.*)]"),
			new Rule("required_when_papers_missing", "is required when papers are missing"),
			new Rule("required_when_issued", "is required when the document was issued"),
			new Rule("required_when_declining", "is required when declining"),
			new Rule("not_in_future", "must be in the future"),
			new Rule("not_after_today", "must be after today"),
			new Rule("not_a_time", "is not a time of day \\(expected HH:MM\\)(: .*)?"),
			new Rule("too_long", "is longer than (\\d+) characters"),
			new Rule("already_recorded", "is already recorded for this member"),
			new Rule("no_such_member", "the household has no member (\\d+)"),
			new Rule("other_country", "(.+) is not issued in this unit's country"),
			new Rule("too_young", "(.+) is not issued to (.+), aged (\\d+)"),
			new Rule("not_a_document_request", "'(.*)' is not a document request \\(TYPE:memberNo\\)"),
			new Rule("choose_one", "choose at least one"), new Rule("negative", "must not be negative"),
			new Rule("at_most", "must be less than (\\S+)"), new Rule("not_a_number", "is not a number"));

	/** The list of allowed codes in a {@code not_one_of} message, e.g. {@code ISSUED, PENDING}. */
	private static final int ALLOWED_VALUES = 2;

	/** {@code members[1].birthDate}: a field of item 2 of a list the form asks for. */
	private static final Pattern LIST_ITEM = Pattern.compile("\\w+\\[(\\d+)]\\.(.+)");

	/**
	 * Which task a completion submits: the engine keeps it in a protected field of its commands; one
	 * renamed by an upgrade fails start-up here instead of leaving refusals without the form's words.
	 */
	private static final Field COMPLETED_TASK = taskIdField(CompleteTaskCmd.class);

	private static final Field SUBMITTED_TASK = taskIdField(SubmitTaskFormCmd.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WorkLanguage language;

	private final ProtocolTexts texts;

	private final ResourceBundleMessageSource messages = WorkLanguage.messages("i18n/form-errors");

	/** Deployed forms never change: each is read once, by form definition id. */
	private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();

	FormMessages(WorkLanguage language, ProtocolTexts texts) {
		this.language = language;
		this.texts = texts;
	}

	/**
	 * The refusal of a submitted form, to throw from the delegate or listener that reads it: "Por
	 * favor, corrija: Data de nascimento: está no futuro" in the signed-in worker's language, else in
	 * that of the case's unit ({@code caseUnitCode}, may be null before a case exists).
	 */
	public InvalidFormException refused(InvalidInputException refused, String caseUnitCode) {
		return new InvalidFormException(refusal(refused, caseUnitCode), refused.getErrors());
	}

	/** "Please correct: Birth date: is in the future" in the signed-in worker's (or the unit's) language. */
	public String refusal(InvalidInputException refused, String unitCode) {
		String reader = language.forCurrentUser(unitCode);
		Locale locale = WorkLanguage.locale(reader);
		SubmittedForm form = submittedForm(reader).orElse(null);
		return messages.getMessage("refused", null, "Please correct", locale) + ": " + refused.getErrors()
			.stream()
			.map(error -> field(error.field(), form, form == null ? null : form.json(), locale) + ": "
					+ message(error, form, locale))
			.collect(Collectors.joining("; "));
	}

	/**
	 * Why a start was refused ({@code start.case}, {@code start.unit}, {@code start.initiator}) in the
	 * signed-in worker's language, naming what they gave.
	 */
	public String startRefusal(String reason, String given) {
		Locale locale = WorkLanguage.locale(language.forCurrentUser(null));
		return messages.getMessage("start." + reason, new Object[] { given }, "Nothing was started", locale);
	}

	/**
	 * A field as the form names it, within {@code scope} (the form, or the group of a list item):
	 * {@code members[1].birthDate} -> "Familiar 2 · Data de nascimento".
	 */
	private String field(String path, SubmittedForm form, JsonNode scope, Locale locale) {
		Matcher item = LIST_ITEM.matcher(path);
		if (item.matches()) {
			int index = Integer.parseInt(item.group(1));
			Optional<JsonNode> group = form == null ? Optional.empty() : FormTexts.listItem(form.json(), index);
			String who = group.flatMap(g -> FormTexts.label(g, form.bundle()))
				.orElseGet(() -> messages.getMessage("field.member", new Object[] { index + 1 }, "Member " + (index + 1),
						locale));
			return who + " · " + field(item.group(2), form, group.orElse(scope), locale);
		}
		String simple = path.replaceAll("\\[\\d+]$", "");
		return component(scope, simple).flatMap(c -> FormTexts.label(c, form.bundle()))
			.orElseGet(() -> messages.getMessage("field." + simple, null, path, locale));
	}

	private static Optional<JsonNode> component(JsonNode scope, String key) {
		return scope == null ? Optional.empty() : FormTexts.field(scope, key);
	}

	private String message(FieldMessage error, SubmittedForm form, Locale locale) {
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern.matcher(error.message());
			if (matcher.matches()) {
				Object[] args = new Object[matcher.groupCount()];
				for (int i = 0; i < args.length; i++) {
					args[i] = matcher.group(i + 1);
				}
				if (rule.key.equals("not_one_of")) {
					args[ALLOWED_VALUES - 1] = options(error.field(), args[ALLOWED_VALUES - 1].toString(), form);
				}
				return messages.getMessage("error." + rule.key, args, error.message(), locale);
			}
		}
		return error.message();
	}

	/** "ISSUED, PENDING" on the field outcome -> "Emitido, Pendente: nova data": the words the form shows. */
	private static String options(String field, String codes, SubmittedForm form) {
		String simple = field.replaceAll("^.*\\.", "").replaceAll("\\[\\d+]$", "");
		Optional<JsonNode> component = form == null ? Optional.empty() : FormTexts.field(form.json(), simple);
		return Arrays.stream(codes.split(",\\s*"))
			.map(code -> component.flatMap(c -> FormTexts.optionLabel(c, code, form.bundle())).orElse(code))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The Camunda Form the engine's current command submits, with its texts in {@code reader}'s language;
	 * empty outside a submission (a job, a Java call that starts or completes nothing) and for a step
	 * without a Camunda Form.
	 */
	private Optional<SubmittedForm> submittedForm(String reader) {
		CommandContext context = Context.getCommandContext();
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		if (context == null || invocation == null) {
			return Optional.empty();
		}
		// As the engine: the worker submitting may not be allowed to read the deployment's resources.
		return context.runWithoutAuthorization(() -> formData(invocation.getCommand(), context))
			.filter(data -> data.getCamundaFormRef() != null)
			.flatMap(data -> context.runWithoutAuthorization(() -> read(data, context, reader)));
	}

	private static Optional<FormData> formData(Command<?> command, CommandContext context) {
		if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
			String taskId = taskId(command instanceof CompleteTaskCmd ? COMPLETED_TASK : SUBMITTED_TASK, command);
			// The task is in the command's cache, deleted already once the completion has moved on.
			TaskEntity task = context.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
			if (task == null || task.getTaskDefinition() == null) {
				return Optional.empty();
			}
			return Optional.ofNullable(task.getTaskDefinition().getTaskFormHandler().createTaskForm(task));
		}
		BpmnExecutionContext execution = Context.getBpmnExecutionContext();
		if ((command instanceof SubmitStartFormCmd || command instanceof StartProcessInstanceCmd)
				&& execution != null) {
			return Optional.ofNullable(new GetStartFormCmd(execution.getExecution().getProcessDefinitionId())
				.execute(context));
		}
		return Optional.empty();
	}

	private Optional<SubmittedForm> read(FormData data, CommandContext context, String reader) {
		CamundaFormRef ref = data.getCamundaFormRef();
		CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId())
			.execute(context);
		if (definition == null) {
			return Optional.empty();
		}
		JsonNode json = forms.computeIfAbsent(definition.getId(), id -> {
			ResourceEntity resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
			try {
				return JSON.readTree(resource.getBytes());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		return Optional.of(new SubmittedForm(json, texts.bundle(definition.getDeploymentId(), definition.getKey(), reader)));
	}

	private static String taskId(Field field, Command<?> command) {
		try {
			return (String) field.get(command);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException("Could not read which task is completed", e);
		}
	}

	private static Field taskIdField(Class<?> command) {
		try {
			Field field = command.getDeclaredField("taskId");
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("The engine's " + command.getSimpleName() + " has no taskId any more:"
					+ " refusals must find the submitted form another way", e);
		}
	}

	/** A submitted form and its texts in the reader's language (empty for English: the form's own). */
	private record SubmittedForm(JsonNode json, Map<String, String> bundle) {
	}

	private record Rule(String key, Pattern pattern) {

		Rule(String key, String regex) {
			this(key, Pattern.compile(regex));
		}

	}

}
