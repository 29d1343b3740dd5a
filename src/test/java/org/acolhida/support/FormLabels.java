package org.acolhida.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labels of a Camunda Form deployed from {@code processes/} (e.g. {@code reception-start.pt-BR.form}),
 * looked up by field key, so that a browser test finds and expects what the form file says instead of
 * repeating it.
 */
public final class FormLabels {

	private final String file;

	private final JsonNode form;

	private FormLabels(String file, JsonNode form) {
		this.file = file;
		this.form = form;
	}

	/** The form in {@code <name>.form} on the classpath, e.g. {@code reception-start.pt-BR}. */
	public static FormLabels of(String name) {
		String file = name + ".form";
		try (InputStream in = FormLabels.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalArgumentException("no " + file + " on the classpath");
			}
			return new FormLabels(file, new ObjectMapper().readTree(in));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The label of the field with this key (or of the dynamic list with this path), at any depth. */
	public String label(String key) {
		JsonNode field = component(key);
		JsonNode label = field.hasNonNull("dateLabel") ? field.get("dateLabel") : field.get("label");
		if (label == null || !label.isTextual()) {
			throw new IllegalArgumentException(file + ": field " + key + " has no label");
		}
		return label.asText();
	}

	/** The label of the option {@code value} of the select with this key. */
	public String option(String key, String value) {
		for (JsonNode option : component(key).path("values")) {
			if (value.equals(option.path("value").asText())) {
				return option.path("label").asText();
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
