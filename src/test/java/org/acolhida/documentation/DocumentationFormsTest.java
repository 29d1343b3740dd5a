package org.acolhida.documentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form the documentation diagram refers to exists in English, Portuguese (Brazil) and Italian,
 * with the ids the language mechanism picks and the same fields in each, so that a worker's
 * language never changes what is recorded.
 */
class DocumentationFormsTest {

	static final Path PROCESSES = Path.of("processes");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldHaveEveryFormInThreeLanguagesWithTheSameFields() throws IOException {
		String diagram = Files.readString(PROCESSES.resolve("documentation-guidance.bpmn"));
		Matcher refs = Pattern.compile("forms\\.ref\\('([^']+)'").matcher(diagram);
		Set<String> forms = new TreeSet<>();
		while (refs.find()) {
			forms.add(refs.group(1));
		}
		assertThat(forms).hasSize(10);

		for (String form : forms) {
			JsonNode english = read(form + ".form");
			JsonNode portuguese = read(form + ".pt-BR.form");
			JsonNode italian = read(form + ".it.form");
			assertThat(english.get("id").asText()).isEqualTo(form);
			assertThat(portuguese.get("id").asText()).isEqualTo(form + "-pt-BR");
			assertThat(italian.get("id").asText()).isEqualTo(form + "-it");
			assertThat(keys(portuguese)).as(form + " in pt-BR").isEqualTo(keys(english));
			assertThat(keys(italian)).as(form + " in it").isEqualTo(keys(english));
			assertThat(keys(english)).as(form + " records something").isNotEmpty();
		}
	}

	@Test
	void shouldStartFromAFormAskingForTheCaseNumber() throws IOException {
		assertThat(Files.readString(PROCESSES.resolve("documentation-guidance.bpmn")))
			.contains("camunda:formRef=\"documentation-start\"");
		assertThat(keys(read("documentation-start.form"))).containsExactly("caseNumber");
	}

	JsonNode read(String file) throws IOException {
		Path path = PROCESSES.resolve(file);
		assertThat(path).as(file).exists();
		return json.readTree(path.toFile());
	}

	static Set<String> keys(JsonNode form) {
		Set<String> keys = new TreeSet<>();
		form.get("components").forEach(c -> {
			if (c.has("key")) {
				keys.add(c.get("key").asText());
			}
		});
		return keys;
	}

}
