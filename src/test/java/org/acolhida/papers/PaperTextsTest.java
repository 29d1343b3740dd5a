package org.acolhida.papers;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.acolhida.language.ProtocolTexts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads on a paper is there in every language papers are written in, the texts
 * the staff read (refusals, "nothing to print", the fallback note) in Portuguese and Italian, no key is
 * left behind that English no longer has, and a language Java has no calendar words for brings its own.
 */
class PaperTextsTest {

	/** Names that stay as they are in every language: the documents' own names. */
	private static final Set<String> NAMES = Set.of("document.CPF", "document.CRNM", "document.PERMESSO_SOGGIORNO",
			"document.CODICE_FISCALE");

	private static final List<String> STAFF_LANGUAGES = List.of("pt-BR", "it");

	private final Map<String, String> english = ProtocolTexts.fromClasspath("papers/papers.properties");

	@Test
	void shouldHaveEveryTextForThePersonInEveryLanguage() {
		List<String> missing = new ArrayList<>();
		for (String language : PaperTexts.TRANSLATED) {
			if (language.equals("en")) {
				continue;
			}
			Map<String, String> bundle = bundle(language);
			assertThat(bundle).as("papers_%s.properties", language).isNotEmpty();
			for (String key : english.keySet()) {
				boolean staffOnly = key.startsWith("refused.") || key.startsWith("missing.") || key.equals("fallback");
				boolean needed = staffOnly ? STAFF_LANGUAGES.contains(language) : !NAMES.contains(key);
				if (needed && (bundle.get(key) == null || bundle.get(key).isBlank())) {
					missing.add(language + ": " + key);
				}
			}
		}
		assertThat(missing).as("texts missing from processes/i18n/papers/").isEmpty();
	}

	@Test
	void shouldKeepNoKeyThatEnglishLacks() {
		List<String> drift = new ArrayList<>();
		for (String language : PaperTexts.TRANSLATED) {
			for (String key : bundle(language).keySet()) {
				boolean ownWords = key.matches("(day|month|language)\\.\\w+");
				if (!ownWords && !english.containsKey(key)) {
					drift.add(language + ": " + key);
				}
			}
		}
		assertThat(drift).as("keys that name no text of papers.properties").isEmpty();
	}

	@Test
	void shouldNameEveryDayAndMonthInTheLanguagesJavaDoesNotKnow() {
		for (String language : PaperTexts.TRANSLATED) {
			if (language.equals("en")) {
				continue; // English is what the fallback is written in
			}
			PaperWords words = new PaperTexts().in(language);
			for (DayOfWeek day : DayOfWeek.values()) {
				// Java's fallback for a language it lacks is the English short name ("Thu"): never on a paper
				assertThat(words.weekday(day)).as("%s %s", language, day)
					.isNotEqualTo(day.getDisplayName(TextStyle.SHORT, Locale.ROOT));
			}
			for (Month month : Month.values()) {
				assertThat(words.month(month)).as("%s %s", language, month)
					.isNotEqualTo(month.getDisplayName(TextStyle.SHORT, Locale.ROOT));
			}
		}
	}

	@Test
	void shouldTellLanguagesFromCodesThatAreNone() {
		assertThat(PaperTexts.isLanguage("ja")).isTrue();
		assertThat(PaperTexts.isLanguage("pt-BR")).isTrue();
		assertThat(PaperTexts.isLanguage("hat")).isTrue();
		assertThat(PaperTexts.isLanguage("zz")).isFalse();
		assertThat(PaperTexts.isLanguage("12")).isFalse();
		assertThat(PaperTexts.isLanguage("ht'><script>")).isFalse();
		assertThat(PaperTexts.translated("pt")).contains("pt-BR");
		assertThat(PaperTexts.translated("ur-PK")).contains("ur");
		assertThat(PaperTexts.translated("ja")).isEmpty();
	}

	private Map<String, String> bundle(String language) {
		return language.equals("en") ? english
				: ProtocolTexts.fromClasspath(ProtocolTexts.fileName("papers/papers", language));
	}

}
