package org.acolhida.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.language.FormTexts;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.units.DocumentType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What must not show on a form screen in a language: the English of that form wherever its
 * translation says something else (labels, option labels, the sentences of its text blocks, read from
 * the {@code .form} file and its bundle), and raw codes (the option values of every form in
 * {@code processes/} whose label in this language is another word, the codes of the decision tables
 * such as {@code FEDERAL_POLICE}, and the document types such as {@code PERMESSO_SOGGIORNO}). Read from
 * the files, so the list follows the protocols.
 */
final class ScreenTexts {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A code as decision tables and enums write it: capitals with at least one underscore. */
	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

	/** What separates the sentences and phrases of a text block: markdown, placeholders, punctuation. */
	private static final Pattern PHRASE_BREAK = Pattern.compile("\\{\\{[^}]*}}|\\*\\*|#+|\\n|[·:.?!;()]");

	/**
	 * Findings that are product gaps known and reported, by "language form finding", each with why it
	 * is still there. A finding listed here is written to {@code known-gaps.md} beside the screenshots
	 * instead of failing the journey; every other finding fails it. Empty: the raw codes, English
	 * process names and the engine's English around refusals that the first journeys found are gone.
	 */
	static final Map<String, String> KNOWN_GAPS = Map.of();

	private static final Set<String> GAPS_SEEN = new TreeSet<>();

	/** The engine's English that can wrap a refusal on its way to Tasklist. */
	private static final List<String> REFUSAL_WRAPPERS = List.of("Cannot submit task form", "Cannot complete task",
			"Cannot instantiate process definition");

	private final String language;

	private final Set<String> codes;

	private final List<String> unexpected = new java.util.ArrayList<>();

	private ScreenTexts(String language, Set<String> codes) {
		this.language = language;
		this.codes = codes;
	}

	/** The raw codes of every protocol, for screens in {@code language} ("pt-BR", "it"). */
	static ScreenTexts in(String language) {
		Set<String> codes = new TreeSet<>();
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			for (Resource form : resolver.getResources("classpath*:*.form")) {
				JsonNode json = read(form);
				String formId = json.path("id").asText();
				Map<String, String> bundle = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(formId, language));
				FormTexts.strings(json).forEach((key, english) -> {
					int values = key.indexOf(".values.");
					if (values > 0) {
						String value = key.substring(values + ".values.".length());
						String label = bundle.getOrDefault(key, english);
						// a code the label itself says ("CPF") is a word of the language, not a raw code
						if (!Pattern.compile("\\b" + Pattern.quote(value) + "\\b").matcher(label).find()) {
							codes.add(value);
						}
					}
				});
			}
			for (Resource table : resolver.getResources("classpath*:*.dmn")) {
				try (InputStream in = table.getInputStream()) {
					Matcher code = CODE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					while (code.find()) {
						codes.add(code.group());
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Arrays.stream(DocumentType.values()).map(Enum::name).filter(name -> name.contains("_")).forEach(codes::add);
		return new ScreenTexts(language, codes);
	}

	/**
	 * The forbidden strings of the form {@code formId} found in {@code shown}, the text of its screen:
	 * English where the bundle has another text, and raw codes.
	 */
	List<String> foundIn(String formId, String shown) {
		Set<String> found = new LinkedHashSet<>();
		for (String english : english(formId)) {
			if (shown.contains(english)) {
				found.add("English \"" + english + "\"");
			}
		}
		for (String code : codes) {
			if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(code) + "(?![A-Za-z0-9_])").matcher(shown).find()) {
				found.add("code " + code);
			}
		}
		return List.copyOf(found);
	}

	/**
	 * Notes what the screen of {@code formId} shows that it should not: a known gap is written to
	 * {@code target/screenshots/journey/known-gaps.md}, anything else is kept for
	 * {@link #assertNothingUnexpected()}, so that one run of a journey tells every screen's findings.
	 */
	void check(String formId, String shown) {
		for (String finding : foundIn(formId, shown)) {
			String key = language + " " + formId + " " + finding;
			if (KNOWN_GAPS.containsKey(key)) {
				synchronized (GAPS_SEEN) {
					GAPS_SEEN.add("- " + key + ": " + KNOWN_GAPS.get(key));
				}
			}
			else {
				unexpected.add(formId + ": " + finding + " on a screen reading:\n" + shown);
			}
		}
		writeGaps();
	}

	/**
	 * Notes English around a refusal's translated message in the notice {@code shown}: the engine's words
	 * that wrap it.
	 */
	void checkRefusal(String shown) {
		for (String english : REFUSAL_WRAPPERS) {
			if (shown.contains(english)) {
				String key = language + " refusal English \"" + english + "\"";
				if (KNOWN_GAPS.containsKey(key)) {
					synchronized (GAPS_SEEN) {
						GAPS_SEEN.add("- " + key + ": " + KNOWN_GAPS.get(key));
					}
				}
				else {
					unexpected.add("refusal: English \"" + english + "\" in:\n" + shown);
				}
			}
		}
		writeGaps();
	}

	/** Fails if any screen checked showed English or a raw code that is not a known gap. */
	void assertNothingUnexpected() {
		org.assertj.core.api.Assertions.assertThat(unexpected)
			.as("English or raw codes on the journey's screens in %s", language)
			.isEmpty();
	}

	private static void writeGaps() {
		try {
			java.nio.file.Files.createDirectories(Desk.Shots.DIRECTORY);
			synchronized (GAPS_SEEN) {
				java.nio.file.Files.writeString(Desk.Shots.DIRECTORY.resolve("known-gaps.md"),
						"# Known gaps seen on the journey's screens\n\n" + String.join("\n", GAPS_SEEN) + "\n");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The English phrases of the form that its translation into this language says otherwise. */
	Set<String> english(String formId) {
		Set<String> phrases = new TreeSet<>();
		try (InputStream in = ScreenTexts.class.getClassLoader().getResourceAsStream(formId + ".form")) {
			if (in == null) {
				throw new IllegalArgumentException("no " + formId + ".form on the classpath");
			}
			JsonNode form = JSON.readTree(in);
			Map<String, String> bundle = ProtocolTexts.fromClasspath(ProtocolTexts.fileName(formId, language));
			FormTexts.strings(form).forEach((key, english) -> {
				String translated = bundle.getOrDefault(key, english);
				if (translated.equals(english)) {
					return;
				}
				for (String phrase : PHRASE_BREAK.split(english)) {
					String trimmed = phrase.trim();
					// one short word ("Date", "Notes") may be a word of the translation too
					if (trimmed.length() >= 4 && !translated.contains(trimmed)) {
						phrases.add(trimmed);
					}
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return phrases;
	}

	private static JsonNode read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return JSON.readTree(in);
		}
	}

}
