package org.acolhida.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;

/**
 * The labels of a Camunda Form deployed from {@code processes/} as a worker reads them: the form's own
 * (English) text, or its translation in {@code i18n/<form id>_<language>.properties}, looked up by field
 * key, so that a test finds and expects what the files say instead of repeating it. Reads the files
 * itself, not through the application's translation, so that a test of the screen checks that code too.
 */
public final class FormLabels {

	private final String file;

	private final JsonNode form;

	private final Map<String, String> translations;

	private FormLabels(String file, JsonNode form, Map<String, String> translations) {
		this.file = file;
		this.form = form;
		this.translations = translations;
	}

	/** The form {@code <formId>.form} on the classpath, in a language ("pt-BR", "it", "en"). */
	public static FormLabels of(String formId, String language) {
		String file = formId + ".form";
		try (InputStream in = FormLabels.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalArgumentException("no " + file + " on the classpath");
			}
			Map<String, String> translations = WorkLanguage.EN.equals(language) ? Map.of()
					: ProtocolTexts.fromClasspath(ProtocolTexts.fileName(formId, language));
			if (!WorkLanguage.EN.equals(language) && translations.isEmpty()) {
				throw new IllegalArgumentException("no translation of " + formId + " in " + language);
			}
			return new FormLabels(file, new ObjectMapper().readTree(in), translations);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The label of the field with this key (or of the group with this path), at any depth. */
	public String label(String key) {
		JsonNode field = component(key);
		String property = field.hasNonNull("dateLabel") ? "dateLabel"
				: field.hasNonNull("timeLabel") && !field.hasNonNull("label") ? "timeLabel" : "label";
		JsonNode label = field.get(property);
		if (label == null || !label.isTextual()) {
			throw new IllegalArgumentException(file + ": field " + key + " has no label");
		}
		return translations.getOrDefault(field.path("id").asText() + "." + property, label.asText());
	}

	/** The label of the option {@code value} of the select with this key. */
	public String option(String key, String value) {
		JsonNode field = component(key);
		for (JsonNode option : field.path("values")) {
			if (value.equals(option.path("value").asText())) {
				return translations.getOrDefault(field.path("id").asText() + ".values." + value,
						option.path("label").asText());
			}
		}
		throw new IllegalArgumentException(file + ": select " + key + " has no option " + value);
	}

	private JsonNode component(String key) {
		Deque<JsonNode> todo = new ArrayDeque<>();
		form.path("components").forEach(todo::add);
		while (!todo.isEmpty()) {
			JsonNode component = todo.pop();
			if (key.equals(component.path("key").asText()) || key.equals(component.path("path").asText())) {
				return component;
			}
			component.path("components").forEach(todo::add);
		}
		throw new IllegalArgumentException(file + " has no field " + key);
	}

}
