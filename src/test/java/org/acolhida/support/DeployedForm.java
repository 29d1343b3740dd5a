package org.acolhida.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A Camunda Form as the engine hands it out (Java's FormService or the REST API's deployed-form). */
public record DeployedForm(JsonNode json) {

	public static DeployedForm of(InputStream form) {
		try (form) {
			return new DeployedForm(new ObjectMapper().readTree(form));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static DeployedForm of(String form) {
		try {
			return new DeployedForm(new ObjectMapper().readTree(form));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String id() {
		return json.path("id").asText();
	}

	/** The label shown for the field with this key (or the group with this path), at any depth. */
	public String label(String key) {
		JsonNode field = component(key);
		return field.hasNonNull("dateLabel") ? field.get("dateLabel").asText() : field.path("label").asText();
	}

	/** The label shown for an option of the select or radio with this key. */
	public String option(String key, String value) {
		for (JsonNode option : component(key).path("values")) {
			if (value.equals(option.path("value").asText())) {
				return option.path("label").asText();
			}
		}
		throw new AssertionError("form " + id() + ": " + key + " has no option " + value);
	}

	private JsonNode component(String key) {
		Deque<JsonNode> todo = new ArrayDeque<>();
		json.path("components").forEach(todo::add);
		while (!todo.isEmpty()) {
			JsonNode component = todo.pop();
			if (key.equals(component.path("key").asText()) || key.equals(component.path("path").asText())) {
				return component;
			}
			component.path("components").forEach(todo::add);
		}
		throw new AssertionError("form " + id() + " has no field " + key);
	}

}
