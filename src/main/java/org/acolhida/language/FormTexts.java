package org.acolhida.language;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The texts of a Camunda Form that a worker reads, each under the key its translations use:
 * {@code <component id>.<property>} for what form-js 1.8.7 shows of a component (label, description,
 * text block, date and time labels, placeholder; a group's title is its label), and
 * {@code <component id>.values.<VALUE>} for the label of an option. Option values themselves never
 * change with the language: decision tables and delegates read them.
 */
public final class FormTexts {

	/** The properties of a component that form-js shows as text. */
	static final List<String> PROPERTIES = List.of("label", "description", "text", "dateLabel", "timeLabel",
			"placeholder");

	private FormTexts() {
	}

	/** Every text of the form, by translation key, as the form itself (English) says it; in form order. */
	public static Map<String, String> strings(JsonNode form) {
		Map<String, String> strings = new LinkedHashMap<>();
		collect(form.path("components"), strings);
		return strings;
	}

	/** A copy of the form with every text the bundle has replaced; what it lacks stays English. */
	public static JsonNode translated(JsonNode form, Map<String, String> bundle) {
		JsonNode copy = form.deepCopy();
		if (!bundle.isEmpty()) {
			translate(copy.path("components"), bundle);
		}
		return copy;
	}

	/** The keys that name no text of the form: a component or option removed or renamed since. */
	public static Set<String> unknownKeys(JsonNode form, Collection<String> keys) {
		Map<String, String> strings = strings(form);
		Set<String> unknown = new TreeSet<>(keys);
		unknown.removeAll(strings.keySet());
		return unknown;
	}

	private static void collect(JsonNode components, Map<String, String> strings) {
		for (JsonNode component : components) {
			String id = component.path("id").asText();
			for (String property : PROPERTIES) {
				if (component.path(property).isTextual()) {
					strings.put(id + "." + property, component.get(property).asText());
				}
			}
			for (JsonNode option : component.path("values")) {
				if (option.has("value") && option.path("label").isTextual()) {
					strings.put(id + ".values." + option.get("value").asText(), option.get("label").asText());
				}
			}
			collect(component.path("components"), strings);
		}
	}

	private static void translate(JsonNode components, Map<String, String> bundle) {
		for (JsonNode node : components) {
			if (!(node instanceof ObjectNode component)) {
				continue;
			}
			String id = component.path("id").asText();
			for (String property : PROPERTIES) {
				String text = bundle.get(id + "." + property);
				if (text != null && component.path(property).isTextual()) {
					component.put(property, text);
				}
			}
			for (JsonNode option : component.path("values")) {
				String text = option.has("value") ? bundle.get(id + ".values." + option.get("value").asText()) : null;
				if (text != null && option instanceof ObjectNode values) {
					values.put("label", text);
				}
			}
			translate(component.path("components"), bundle);
		}
	}

}
