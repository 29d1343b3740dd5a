package org.acolhida.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.documentation.Situation;
import org.acolhida.housing.HoldAttempt;
import org.acolhida.units.DocumentType;
import org.acolhida.units.UnitKind;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Output;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a worker of the task's unit reads of a task: its name, and its form as the engine hands it to
 * them (translated for a worker of that unit) with every {@code {{variable}}} filled in as Tasklist
 * fills it and the options of lists read from variables. None of it may be a raw code of the decision
 * tables (a document type, a situation, a kind of office or unit, a hold outcome: the codes written
 * with an underscore, which no language writes) or an ISO date.
 */
public final class ShownToWorkers {

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

	private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The codes no worker may read. */
	public static final Set<String> FORBIDDEN = forbidden();

	private ShownToWorkers() {
	}

	/**
	 * Asserts that a worker of the unit the task is offered to ({@code role.UNIT}) reads no raw code in
	 * the task's name or form; the texts read, for further assertions.
	 */
	public static List<String> assertNoRawCode(Task task, TaskService tasks, FormService forms, IdentityService identity) {
		List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
			.filter(group -> group != null && group.contains("."))
			.toList();
		List<String> shown = new ArrayList<>();
		shown.add(task.getName());
		if (!groups.isEmpty() && forms.getTaskFormData(task.getId()).getCamundaFormRef() != null) {
			String workgroup = groups.get(0);
			String role = workgroup.substring(0, workgroup.indexOf('.'));
			String unit = workgroup.substring(workgroup.indexOf('.') + 1);
			Map<String, Object> variables = tasks.getVariables(task.getId());
			// the test may be signed in as someone: read as the worker, then give the test its own back
			Authentication before = identity.getCurrentAuthentication();
			identity.setAuthentication("worker-of-" + unit, List.of(role, workgroup, unit));
			JsonNode form;
			try {
				form = DeployedForm.of(forms.getDeployedTaskForm(task.getId())).json();
			}
			finally {
				if (before == null) {
					identity.clearAuthentication();
				}
				else {
					identity.setAuthentication(before);
				}
			}
			collect(form.path("components"), variables, shown);
		}
		List<String> raw = new ArrayList<>();
		for (String text : shown) {
			FORBIDDEN.stream().filter(code -> Pattern.compile("\\b" + code + "\\b").matcher(text).find())
				.forEach(code -> raw.add(code + " in \"" + text + "\""));
			if (ISO_DATE.matcher(text).find()) {
				raw.add("an ISO date in \"" + text + "\"");
			}
		}
		assertThat(raw).as("raw codes a worker reads on task " + task.getTaskDefinitionKey()).isEmpty();
		return shown;
	}

	private static void collect(JsonNode components, Map<String, Object> variables, List<String> shown) {
		for (JsonNode component : components) {
			for (String property : List.of("label", "description", "text", "dateLabel", "timeLabel", "placeholder")) {
				if (component.path(property).isTextual()) {
					shown.add(filled(component.get(property).asText(), variables));
				}
			}
			component.path("values").forEach(option -> shown.add(option.path("label").asText()));
			if (component.path("valuesKey").isTextual()) {
				Object options = variables.get(component.get("valuesKey").asText());
				if (options != null) {
					try {
						JSON.readTree(options.toString()).forEach(option -> shown.add(option.path("label").asText()));
					}
					catch (java.io.IOException e) {
						throw new AssertionError("options of " + component.path("key").asText() + " are not JSON", e);
					}
				}
			}
			collect(component.path("components"), variables, shown);
		}
	}

	/** A text as Tasklist shows it: templates filled with the variables (a date as the REST API writes it). */
	static String filled(String text, Map<String, Object> variables) {
		Matcher matcher = TEMPLATE.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			Object value = variables.get(matcher.group(1));
			String shown = value instanceof Date date ? date.toInstant().toString() : value == null ? "" : value.toString();
			matcher.appendReplacement(filled, Matcher.quoteReplacement(shown));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private static Set<String> forbidden() {
		Set<String> codes = new TreeSet<>();
		Stream.of(DocumentType.values(), Situation.values(), UnitKind.values(), HoldAttempt.Outcome.values())
			.flatMap(Arrays::stream)
			.map(Enum::name)
			.forEach(codes::add);
		for (String table : List.of("documentation-checklist.dmn", "reception-triage.dmn")) {
			for (Output output : Dmn.readModelFromFile(Path.of("processes", table).toFile())
				.getModelElementsByType(Output.class)) {
				if (output.getOutputValues() != null) {
					Stream.of(output.getOutputValues().getTextContent().split(","))
						.map(value -> value.strip().replace("\"", ""))
						.forEach(codes::add);
				}
			}
		}
		// A code written with an underscore is a code in every language; a plain word (CPF, CRAS) is the word.
		codes.removeIf(code -> !code.contains("_"));
		return Set.copyOf(codes);
	}

}
