package org.acolhida.language;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * The translations of what protocols show workers, beside the protocols:
 * {@code i18n/<form id>_pt_BR.properties} for a form's texts (see {@link FormTexts}) and
 * {@code i18n/<process key>_pt_BR.properties} for its task names ({@code <task id>=...}) and
 * {@code process.name}; likewise {@code _it}. English is the form or diagram itself.
 * <p>
 * A manager may deploy bundles together with the form or diagram (from Camunda Modeler, with or without
 * the {@code i18n/} folder in the name): those of the form's own deployment win, so that a form and its
 * texts change together; otherwise the bundles of the application's {@code processes/} folder, on the
 * classpath, answer. Deployed resources never change, so each deployment's bundles are read once.
 */
@Component
public class ProtocolTexts {

	static final String FOLDER = "i18n/";

	private final Map<String, Optional<Map<String, String>>> deployed = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> classpath = new ConcurrentHashMap<>();

	/**
	 * The texts of {@code name} (a form id or a process key) in {@code language}: empty for English.
	 * Reads the deployment inside the engine's current command; without one, only the classpath.
	 */
	public Map<String, String> bundle(String deploymentId, String name, String language) {
		if (WorkLanguage.EN.equals(language) || !WorkLanguage.ALL.contains(language)) {
			return Map.of();
		}
		return file(deploymentId, fileName(name, language));
	}

	/**
	 * Texts that are not a form's or a diagram's own, such as those delegates compose for forms
	 * ({@value ComposedTexts#BUNDLE}): English in {@code i18n/<name>.properties}, overlaid with the
	 * language's bundle; a key the language lacks stays English. Same sources and order as
	 * {@link #bundle}: the deployment's own files first, then the classpath.
	 */
	public Map<String, String> withEnglish(String deploymentId, String name, String language) {
		Map<String, String> english = file(deploymentId, name + ".properties");
		Map<String, String> translated = bundle(deploymentId, name, language);
		if (translated.isEmpty()) {
			return english;
		}
		Map<String, String> texts = new LinkedHashMap<>(english);
		texts.putAll(translated);
		return Collections.unmodifiableMap(texts);
	}

	private Map<String, String> file(String deploymentId, String file) {
		CommandContext context = Context.getCommandContext();
		if (deploymentId != null && context != null) {
			Optional<Map<String, String>> own = deployed.computeIfAbsent(deploymentId + "/" + file,
					key -> fromDeployment(context, deploymentId, file));
			if (own.isPresent()) {
				return own.get();
			}
		}
		return classpath.computeIfAbsent(file, ProtocolTexts::fromClasspath);
	}

	/** {@code reception-start_pt_BR.properties}: the Java resource-bundle name of a language. */
	public static String fileName(String name, String language) {
		return name + "_" + language.replace('-', '_') + ".properties";
	}

	/** The bundle that the application ships in {@code processes/i18n/}; empty when there is none. */
	public static Map<String, String> fromClasspath(String file) {
		try (InputStream in = ProtocolTexts.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
			return in == null ? Map.of() : parse(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A {@code .properties} file in UTF-8 (as Java reads resource bundles since Java 9), in file order. */
	public static Map<String, String> parse(byte[] bytes) {
		Map<String, String> texts = new LinkedHashMap<>();
		Properties properties = new Properties() {
			@Override
			public synchronized Object put(Object key, Object value) {
				texts.put(key.toString(), value.toString());
				return super.put(key, value);
			}
		};
		try {
			properties.load(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Collections.unmodifiableMap(texts);
	}

	private static Optional<Map<String, String>> fromDeployment(CommandContext context, String deploymentId,
			String file) {
		List<ResourceEntity> found = context.runWithoutAuthorization(() -> context.getResourceManager()
			.findResourceByDeploymentIdAndResourceNames(deploymentId, FOLDER + file, file));
		return found == null || found.isEmpty() ? Optional.empty() : Optional.of(parse(found.get(0).getBytes()));
	}

}
