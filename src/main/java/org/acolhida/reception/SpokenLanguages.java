package org.acolhida.reception;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.acolhida.language.FormChoices;
import org.acolhida.language.WorkLanguage;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The languages a person may speak, by name in the reader's language ("Crioulo haitiano", "Creolo
 * haitiano"), for the reception forms' tag lists ({@code "properties": {"options": "spokenLanguages"}});
 * the values stored stay ISO 639 codes ({@code ht}). Every two-letter ISO 639 language, named by the
 * JDK's locale data, except where the bundle {@code i18n/spoken-languages} names it better for a
 * language: the JDK calls Haitian Creole "haitiano" in Portuguese, which is not what a desk says.
 */
@Component
class SpokenLanguages implements FormChoices {

	static final String NAME = "spokenLanguages";

	private final ResourceBundleMessageSource names = WorkLanguage.messages("i18n/spoken-languages");

	/** Per reader's language: the same 180-odd names for every form opened. */
	private final Map<String, List<Option>> byLanguage = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Option> options(Reader reader) {
		return byLanguage.computeIfAbsent(reader.language(), SpokenLanguages.this::named);
	}

	/** The name of the language with this ISO 639 code, as a reader of {@code language} reads it. */
	String name(String code, String language) {
		Locale reader = WorkLanguage.locale(language);
		String name;
		try {
			name = names.getMessage(code, null, reader);
		}
		catch (NoSuchMessageException e) {
			name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
		}
		return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
	}

	private List<Option> named(String language) {
		Collator order = Collator.getInstance(WorkLanguage.locale(language));
		return Arrays.stream(Locale.getISOLanguages())
			.map(code -> new Option(code, name(code, language)))
			.sorted(Comparator.comparing(Option::label, order))
			.toList();
	}

}
