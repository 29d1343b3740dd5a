package org.acolhida.documentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.language.FormTexts;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form the documentation diagram refers to exists once, named by its id, and reads in Portuguese
 * (Brazil) and Italian through its bundles, every one of whose keys names a text of the form: a worker's
 * language changes what they read, never what is recorded.
 */
class DocumentationFormsTest {

	static final Path PROCESSES = Path.of("processes");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldHaveEveryFormOnceWithItsTranslations() throws IOException {
		String diagram = Files.readString(PROCESSES.resolve("documentation-guidance.bpmn"));
		Matcher refs = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(diagram);
		Set<String> forms = new TreeSet<>();
		while (refs.find()) {
			forms.add(refs.group(1));
		}
		assertThat(forms).hasSize(11).contains("documentation-start");

		for (String form : forms) {
			JsonNode english = read(form + ".form");
			assertThat(english.get("id").asText()).isEqualTo(form);
			assertThat(keys(english)).as(form + " records something").isNotEmpty();
			for (String language : new String[] { WorkLanguage.PT_BR, WorkLanguage.IT }) {
				assertThat(PROCESSES.resolve(form + "." + language + ".form")).as("no copy of " + form).doesNotExist();
				Map<String, String> bundle = ProtocolTexts
					.parse(Files.readAllBytes(PROCESSES.resolve("i18n").resolve(ProtocolTexts.fileName(form, language))));
				assertThat(FormTexts.unknownKeys(english, bundle.keySet())).as(form + " in " + language).isEmpty();
				assertThat(bundle.keySet()).as(form + " in " + language)
					.containsAll(FormTexts.strings(english).keySet());
			}
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
