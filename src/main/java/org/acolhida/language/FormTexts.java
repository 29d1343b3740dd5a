package org.acolhida.language;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>
 * form-js's own words stay English whatever the bundles say, because the form-js that Tasklist 7.24
 * bundles ({@code webjars/camunda/lib/deps.js}, form schema version 16) reads no text of ours for them:
 * an empty select shows the literal "Select" (it reads no {@code placeholder} of a select, so none is
 * emitted for one), its validator writes "Field is required." and "Field must have maximum length of
 * N." itself, and its date picker opens flatpickr without a locale (English month and day names).
 * Tasklist's {@code locales/*.json} carry none of them either.
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

	/**
	 * The first component, at any depth of {@code within} (a form or a group of it), that holds the field
	 * {@code key}: the one a refusal on that field points at.
	 */
	public static Optional<JsonNode> field(JsonNode within, String key) {
		for (JsonNode component : within.path("components")) {
			if (key.equals(component.path("key").asText(null))) {
				return Optional.of(component);
			}
			Optional<JsonNode> inner = field(component, key);
			if (inner.isPresent()) {
				return inner;
			}
		}
		return Optional.empty();
	}

	/**
	 * The group that holds item {@code index} (from 0) of a list the form asks for: form-js 1.8.7 has no
	 * list Tasklist can submit, so our forms ask for one as a row of groups with a path each
	 * ({@code member1}, {@code member2}, ...), in form order.
	 */
	public static Optional<JsonNode> listItem(JsonNode form, int index) {
		List<JsonNode> groups = new java.util.ArrayList<>();
		collectGroups(form.path("components"), groups);
		return index >= 0 && index < groups.size() ? Optional.of(groups.get(index)) : Optional.empty();
	}

	/**
	 * What the form shows as a component's name, in the bundle's words: its label, or for a date or
	 * time field (which has none) its date or time label; empty for a component without either.
	 */
	public static Optional<String> label(JsonNode component, Map<String, String> bundle) {
		String id = component.path("id").asText();
		for (String property : List.of("label", "dateLabel", "timeLabel")) {
			JsonNode text = component.path(property);
			if (text.isTextual() && !text.asText().isBlank()) {
				return Optional.of(bundle.getOrDefault(id + "." + property, text.asText()));
			}
		}
		return Optional.empty();
	}

	/** The word the form shows for option {@code value} of a select, radio or checklist, in the bundle's words. */
	public static Optional<String> optionLabel(JsonNode component, String value, Map<String, String> bundle) {
		for (JsonNode option : component.path("values")) {
			if (value.equals(option.path("value").asText(null)) && option.path("label").isTextual()) {
				return Optional.of(bundle.getOrDefault(component.path("id").asText() + ".values." + value,
						option.get("label").asText()));
			}
		}
		return Optional.empty();
	}

	private static void collectGroups(JsonNode components, List<JsonNode> groups) {
		for (JsonNode component : components) {
			if ("group".equals(component.path("type").asText()) && component.path("path").isTextual()) {
				groups.add(component);
			}
			collectGroups(component.path("components"), groups);
		}
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
