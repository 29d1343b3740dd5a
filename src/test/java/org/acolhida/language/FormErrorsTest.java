package org.acolhida.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code i18n/form-errors*.properties} holds the templates of refusals only: a field a form shows and
 * its options are named by the form's own bundles ({@link FormMessages}), so a label copied into
 * {@code form-errors} would drift from the form unseen. Only names no form carries as a field may stay.
 */
class FormErrorsTest {

	private static final Path PROCESSES = Path.of("processes");

	@Test
	void shouldNameNoFieldAndNoOptionThatAFormNames() throws IOException {
		Set<String> formFields = new TreeSet<>();
		try (Stream<Path> files = Files.list(PROCESSES)) {
			for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				keys(new ObjectMapper().readTree(form.toFile()).path("components"), formFields);
			}
		}
		assertThat(formFields).as("field keys of the forms in %s", PROCESSES.toAbsolutePath()).contains("birthDate",
				"declineReason", "availableDays");

		for (String language : List.of("", "_pt_BR", "_it")) {
			Map<String, String> texts = bundle("form-errors" + language + ".properties");
			assertThat(texts).as("form-errors%s", language).containsKeys("refused", "error.required");
			assertThat(texts.keySet()).as("option words in form-errors%s: the form's bundles name options", language)
				.noneMatch(key -> key.startsWith("option."));
			assertThat(texts.keySet().stream().filter(key -> key.startsWith("field.")).map(key -> key.substring(6)))
				.as("labels in form-errors%s that a form carries", language)
				.doesNotContainAnyElementsOf(formFields);
		}
	}

	private static void keys(JsonNode components, Set<String> keys) {
		for (JsonNode component : components) {
			if (component.path("key").isTextual()) {
				keys.add(component.get("key").asText());
			}
			keys(component.path("components"), keys);
		}
	}

	private static Map<String, String> bundle(String file) throws IOException {
		try (InputStream in = FormErrorsTest.class.getClassLoader().getResourceAsStream("i18n/" + file)) {
			assertThat(in).as(file).isNotNull();
			return ProtocolTexts.parse(in.readAllBytes());
		}
	}

}
