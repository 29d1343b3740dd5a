package org.acolhida.language;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.acolhida.documentation.Situation;
import org.acolhida.housing.HoldAttempt;
import org.acolhida.housing.HoldStatus;
import org.acolhida.units.DocumentType;
import org.acolhida.units.ShelterFacts.ShelterTakes;
import org.acolhida.units.UnitKind;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts delegates compose ({@code processes/i18n/texts*.properties}) exist in every language for
 * every code a form can show, so that no code (a document type, a situation, a kind of office or unit)
 * reaches a worker, and every rule of the documentation checklist has its papers and fee in the
 * language of the units of its country.
 */
class ComposedTextsTest {

	static final Path CHECKLIST = Path.of("processes", "documentation-checklist.dmn");

	static final Map<String, String> ENGLISH = ProtocolTexts.fromClasspath(ComposedTexts.BUNDLE + ".properties");

	static Map<String, String> bundle(String language) {
		return ProtocolTexts.fromClasspath(ProtocolTexts.fileName(ComposedTexts.BUNDLE, language));
	}

	/** Every code a delegate turns into a word, by kind (the prefix of its key). */
	static Map<String, List<String>> codes() {
		return Map.of("documentType", names(DocumentType.values()), "situation", names(Situation.values()),
				"unitKind", names(UnitKind.values()), "officeKind", officeKinds(), "holdStatus",
				names(HoldStatus.values()), "shelterTakes", names(ShelterTakes.values()));
	}

	@ParameterizedTest
	@ValueSource(strings = { WorkLanguage.EN, WorkLanguage.PT_BR, WorkLanguage.IT })
	void shouldHaveAWordForEveryCodeAFormShows(String language) {
		Words words = new Words(language, texts(language));
		List<String> missing = new ArrayList<>();
		codes().forEach((kind, codes) -> codes.forEach(code -> {
			String word = words.word(kind, code);
			if (!texts(language).containsKey(kind + "." + code) || word.contains("_")) {
				missing.add(kind + "." + code);
			}
		}));
		assertThat(missing).as("codes without a word in " + language).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { WorkLanguage.PT_BR, WorkLanguage.IT })
	void shouldTranslateEveryTextAndNameNoOtherKey(String language) {
		Set<String> translated = new TreeSet<>(bundle(language).keySet());
		translated.removeIf(key -> key.startsWith("checklist."));
		assertThat(translated).as("keys of " + ProtocolTexts.fileName(ComposedTexts.BUNDLE, language))
			.containsExactlyInAnyOrderElementsOf(ENGLISH.keySet());
		bundle(language).forEach((key, text) -> {
			if (!key.startsWith("checklist.")) {
				assertThat(text).as(key).isNotBlank()
					.matches(t -> blanks(t).equals(blanks(ENGLISH.get(key))), "has the blanks of the English " + key);
			}
		});
	}

	@Test
	void shouldHaveEveryOutcomeOfAFailedHoldInWords() {
		for (HoldAttempt.Outcome outcome : HoldAttempt.Outcome.values()) {
			if (outcome != HoldAttempt.Outcome.HELD) {
				for (String language : WorkLanguage.ALL) {
					assertThat(texts(language)).as(language).containsKey("referralProblem." + outcome.name());
				}
			}
		}
	}

	/**
	 * The papers and fee of a Brazilian rule are read at Brazilian units, in Portuguese, and those of an
	 * Italian rule in Italian; the last rule, for any document, in both. The decision table itself is
	 * the English.
	 */
	@Test
	void shouldTranslateEveryRuleOfTheChecklistIntoTheLanguageOfItsCountry() {
		DmnModelInstance table = Dmn.readModelFromFile(CHECKLIST.toFile());
		List<Output> outputs = new ArrayList<>(table.getModelElementsByType(Output.class));
		int ruleColumn = outputs.indexOf(outputs.stream().filter(o -> "checklistRule".equals(o.getName())).findFirst()
			.orElseThrow());
		List<String> missing = new ArrayList<>();
		Set<String> keys = new TreeSet<>();
		for (Rule rule : table.getModelElementsByType(Rule.class)) {
			String key = new ArrayList<>(rule.getOutputEntries()).get(ruleColumn).getText().getTextContent()
				.replace("\"", "");
			keys.add(key);
			List<String> languages = key.startsWith("br_") ? List.of(WorkLanguage.PT_BR)
					: key.startsWith("it_") ? List.of(WorkLanguage.IT) : List.of(WorkLanguage.PT_BR, WorkLanguage.IT);
			for (String language : languages) {
				for (String part : List.of("papers", "fee")) {
					if (!bundle(language).containsKey("checklist." + key + "." + part)) {
						missing.add(language + " checklist." + key + "." + part);
					}
				}
			}
		}
		assertThat(missing).as("rules of the checklist without their words").isEmpty();
		for (String language : List.of(WorkLanguage.PT_BR, WorkLanguage.IT)) {
			bundle(language).keySet().stream().filter(k -> k.startsWith("checklist."))
				.map(k -> k.replaceFirst("^checklist\\.(.*)\\.(papers|fee)$", "$1"))
				.forEach(rule -> assertThat(keys).as("rule of the checklist").contains(rule));
		}
	}

	@Test
	void shouldWriteDatesAsTheLanguageDoes() {
		java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 9);
		assertThat(new Words(WorkLanguage.PT_BR, Map.of()).date(day)).isEqualTo("9 de março de 2026");
		assertThat(new Words(WorkLanguage.IT, Map.of()).date(day)).isEqualTo("9 marzo 2026");
	}

	static Map<String, String> texts(String language) {
		Map<String, String> texts = new java.util.LinkedHashMap<>(ENGLISH);
		if (!WorkLanguage.EN.equals(language)) {
			texts.putAll(bundle(language));
		}
		return texts;
	}

	static Set<String> blanks(String text) {
		Set<String> blanks = new TreeSet<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{\\d+}").matcher(text);
		while (matcher.find()) {
			blanks.add(matcher.group());
		}
		return blanks;
	}

	static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/** The kinds of office the checklist may answer, from the output's allowed values. */
	static List<String> officeKinds() {
		DmnModelInstance table = Dmn.readModelFromFile(CHECKLIST.toFile());
		Output office = table.getModelElementsByType(Output.class).stream()
			.filter(o -> "officeKind".equals(o.getName())).findFirst().orElseThrow();
		return Stream.of(office.getOutputValues().getTextContent().split(",")).map(v -> v.strip().replace("\"", ""))
			.toList();
	}

}
