package org.acolhida.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labels of a Camunda webapp locale file on the classpath
 * ({@code webjars/camunda/app/<app>/locales/<locale>.json}: ours for "pt" and "it", the webjar's for "en"),
 * so that a browser test expects what the file says instead of repeating it.
 */
public final class WebappLabels {

	private final String file;

	private final JsonNode labels;

	private WebappLabels(String file, JsonNode labels) {
		this.file = file;
		this.labels = labels;
	}

	/** The labels of {@code app} ("tasklist", "welcome") in {@code locale} ("pt", "it"). */
	public static WebappLabels of(String app, String locale) {
		String file = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
		try (InputStream in = WebappLabels.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalArgumentException("no " + file + " on the classpath");
			}
			return new WebappLabels(file, new ObjectMapper().readTree(in).path("labels"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The text of {@code key}; fails if the file has no such label. */
	public String get(String key) {
		JsonNode label = labels.get(key);
		if (label == null || !label.isTextual()) {
			throw new IllegalArgumentException(file + " has no label " + key);
		}
		return label.asText();
	}

}
