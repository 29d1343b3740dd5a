package org.acolhida.diagnosis;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The diagnosis' words in the reader's language: its own texts ({@code i18n/diagnosis*.properties}),
 * languages by name (the bundle reception's forms use, else the JDK's name), countries by name, and
 * documents as the protocols name them ({@code processes/i18n/texts*.properties}). No code reaches the
 * page: a nationality typed at the desk that names a country ("Haiti", "Haïti", "HT") is shown by the
 * country's name in the reader's language, anything else as it was typed.
 */
@Component
class Names {

	private final ResourceBundleMessageSource texts = WorkLanguage.messages("i18n/diagnosis");

	private final ResourceBundleMessageSource languages = WorkLanguage.messages("i18n/spoken-languages");

	/** Folded country names in our three languages, ISO alpha-2 and alpha-3 codes → alpha-2 code. */
	private final Map<String, String> countries = new HashMap<>();

	Names() {
		for (String code : Locale.getISOCountries()) {
			Locale country = new Locale.Builder().setRegion(code).build();
			countries.put(fold(code), code);
			countries.put(fold(country.getISO3Country()), code);
			for (String language : WorkLanguage.ALL) {
				countries.put(fold(country.getDisplayCountry(WorkLanguage.locale(language))), code);
			}
		}
	}

	String text(String key, String language, Object... arguments) {
		return texts.getMessage(key, arguments, WorkLanguage.locale(language));
	}

	/** Every text of the page in one language, for the page's script. */
	Map<String, String> page(String language) {
		Map<String, String> all = new java.util.TreeMap<>();
		java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("i18n/diagnosis", WorkLanguage.locale(language),
				java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
		for (String key : bundle.keySet()) {
			all.put(key, text(key, language));
		}
		return all;
	}

	/** A language by name, from its ISO 639 code; "not recorded" for none. */
	String language(String code, String language) {
		if (code == null || code.isBlank()) {
			return text("notRecorded", language);
		}
		Locale reader = WorkLanguage.locale(language);
		String name;
		try {
			name = languages.getMessage(code, null, reader);
		}
		catch (NoSuchMessageException e) {
			name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
		}
		return name.isEmpty() || name.equals(code) ? text("unknownLanguage", language) : capitalised(name, reader);
	}

	/** The ISO country a typed nationality names, or the folded text itself when it names none. */
	String nationalityKey(String typed) {
		String folded = fold(typed);
		return countries.getOrDefault(folded, folded);
	}

	/** A nationality grouped by {@link #nationalityKey}, in the reader's words. */
	String nationality(String key, String typed, String language) {
		Locale reader = WorkLanguage.locale(language);
		if (key.length() == 2 && key.equals(key.toUpperCase(Locale.ROOT))) {
			return new Locale.Builder().setRegion(key).build().getDisplayCountry(reader);
		}
		return typed == null || typed.isBlank() ? text("notRecorded", language) : capitalised(typed.strip(), reader);
	}

	/** A document type as the protocols' texts name it in the reader's language. */
	String document(String type, String language) {
		String file = WorkLanguage.EN.equals(language) ? "texts.properties" : ProtocolTexts.fileName("texts", language);
		String name = ProtocolTexts.fromClasspath(file).get("documentType." + type);
		if (name == null) {
			name = ProtocolTexts.fromClasspath("texts.properties").get("documentType." + type);
		}
		return name == null ? text("otherDocument", language) : name;
	}

	static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static String capitalised(String name, Locale reader) {
		return name.substring(0, 1).toUpperCase(reader) + name.substring(1);
	}

}
