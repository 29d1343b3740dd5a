package org.acolhida.papers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.acolhida.language.ProtocolTexts;
import org.springframework.stereotype.Component;

/**
 * The texts of papers, in {@code processes/i18n/papers/papers*.properties} beside the protocols so that a
 * coordinator corrects them where the forms' translations are (English in {@code papers.properties},
 * each language in {@code papers_<tag>.properties}). They live in a folder of their own because every
 * file directly in {@code i18n/} is a form's or diagram's bundle in a language staff work in, and these
 * are in the languages people speak. Read from the application's classpath through {@link ProtocolTexts},
 * the same reader as the forms' bundles; papers belong to no deployment.
 */
@Component
class PaperTexts {

	/** The languages papers are written in; any other falls back to the staff's language, named. */
	static final List<String> TRANSLATED = List.of("en", "pt-BR", "it", "es", "fr", "ht", "ur", "ar");

	private static final String BUNDLE = "papers/papers";

	private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

	/** The words of one of the {@link #TRANSLATED} languages. */
	PaperWords in(String language) {
		Map<String, String> english = ProtocolTexts.fromClasspath(BUNDLE + ".properties");
		Map<String, String> own = "en".equals(language) ? english
				: ProtocolTexts.fromClasspath(ProtocolTexts.fileName(BUNDLE, language));
		Map<String, String> texts = new LinkedHashMap<>(english);
		texts.putAll(own);
		return new PaperWords(language, Map.copyOf(texts), Set.copyOf(own.keySet()));
	}

	/**
	 * The translated language a tag asks for ({@code pt}, {@code pt-PT} and {@code pt-BR} all read the
	 * Brazilian texts), if papers are written in it.
	 */
	static Optional<String> translated(String tag) {
		String base = Locale.forLanguageTag(tag.trim()).getLanguage();
		return TRANSLATED.stream().filter(t -> Locale.forLanguageTag(t).getLanguage().equals(base)).findFirst();
	}

	/** Whether a tag names a language at all (ISO 639): {@code ja} does, {@code xx} and {@code 12} do not. */
	static boolean isLanguage(String tag) {
		if (tag == null || tag.isBlank() || !tag.trim().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
			return false;
		}
		String base = Locale.forLanguageTag(tag.trim()).getLanguage();
		return ISO_LANGUAGES.contains(base) || isThreeLetterLanguage(base);
	}

	private static boolean isThreeLetterLanguage(String base) {
		if (base.length() != 3) {
			return false;
		}
		for (String two : Locale.getISOLanguages()) {
			if (Locale.forLanguageTag(two).getISO3Language().equals(base)) {
				return true;
			}
		}
		return false;
	}

}
