package org.acolhida.casepage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.acolhida.cases.CaseStatus;
import org.acolhida.cases.Relation;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the case page exists in Portuguese (Brazil) and Italian, for every code the page can
 * show: relations, case states, the triage's priorities, and the states of a process
 * instance. A code without its word would reach the screen as an error (the page refuses
 * a missing key rather than show it).
 */
class CasePageTextsTest {

	@ParameterizedTest
	@ValueSource(strings = { "pt_BR", "it" })
	void shouldTranslateEveryTextOfThePage(String language) throws IOException {
		Properties english = load("i18n/case-page.properties");
		Properties translated = load("i18n/case-page_" + language + ".properties");

		assertThat(translated.stringPropertyNames()).as("keys of case-page_%s", language)
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(blanks(translated.getProperty(key))).as("the blanks of %s in %s", key, language)
				.isEqualTo(blanks(english.getProperty(key)));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "_pt_BR", "_it" })
	void shouldHaveAWordForEveryCodeThePageShows(String suffix) throws IOException {
		Properties texts = load("i18n/case-page" + suffix + ".properties");
		List<String> keys = new ArrayList<>();
		for (Relation relation : Relation.values()) {
			keys.add("relation." + relation);
		}
		for (CaseStatus status : CaseStatus.values()) {
			keys.add("status." + status);
		}
		for (String priority : priorities()) {
			keys.add("priority." + priority);
		}
		for (String state : List.of(HistoricProcessInstance.STATE_ACTIVE, HistoricProcessInstance.STATE_SUSPENDED,
				HistoricProcessInstance.STATE_COMPLETED, HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED,
				HistoricProcessInstance.STATE_INTERNALLY_TERMINATED)) {
			keys.add("state." + state);
		}
		assertThat(texts.stringPropertyNames()).contains(keys.toArray(String[]::new));
	}

	/** The priorities the triage table can decide, read from the table. */
	private static List<String> priorities() throws IOException {
		String table = Files.readString(Path.of("processes/reception-triage.dmn"));
		List<String> found = new ArrayList<>();
		Matcher quoted = Pattern.compile("<text>&#34;([A-Z]+)&#34;</text>|<text>\"([A-Z]+)\"</text>").matcher(table);
		while (quoted.find()) {
			String value = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
			if (!found.contains(value)) {
				found.add(value);
			}
		}
		assertThat(found).as("priorities in reception-triage.dmn").isNotEmpty();
		return found;
	}

	private static List<String> blanks(String text) {
		List<String> blanks = new ArrayList<>();
		Matcher blank = Pattern.compile("\\{\\d}").matcher(text);
		while (blank.find()) {
			blanks.add(blank.group());
		}
		return blanks.stream().sorted().toList();
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = CasePageTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
