package org.acolhida.reception;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.acolhida.language.FormChoices;
import org.acolhida.language.WorkLanguage;
import org.springframework.stereotype.Component;

/**
 * The countries a person may be a national of, by name in the reader's language ("Venezuela", "Haiti",
 * "Costa do Marfim", "Costa d'Avorio"), for the reception forms' nationality
 * ({@code "properties": {"options": "nationalities"}}); what is stored is the ISO 3166 code ({@code VE}),
 * so that the duplicate check and the statistics compare one value however a worker would have spelled
 * it. Every ISO 3166 country, named by the JDK's locale data.
 * <p>
 * {@link #name} shows a stored nationality as a name wherever a worker reads it. A nationality recorded
 * before it was chosen from this list (typed, or sent so through {@code /engine-rest}) is not a code and
 * is shown as it was written.
 */
@Component
public class Nationalities implements FormChoices {

	static final String NAME = "nationalities";

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/** Per reader's language: the same 250-odd names for every form opened. */
	private final Map<String, List<Option>> byLanguage = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Option> options(Reader reader) {
		return byLanguage.computeIfAbsent(reader.language(), Nationalities::named);
	}

	/** The nationality as a reader of {@code language} reads it: the country's name for a code, else as stored. */
	public static String name(String nationality, String language) {
		if (nationality == null || !COUNTRIES.contains(nationality)) {
			return nationality;
		}
		String name = new Locale.Builder().setRegion(nationality).build().getDisplayCountry(WorkLanguage.locale(language));
		return name.isEmpty() ? nationality : name;
	}

	private static List<Option> named(String language) {
		Collator order = Collator.getInstance(WorkLanguage.locale(language));
		return Arrays.stream(Locale.getISOCountries())
			.map(code -> new Option(code, name(code, language)))
			.sorted(Comparator.comparing(Option::label, order))
			.toList();
	}

}
