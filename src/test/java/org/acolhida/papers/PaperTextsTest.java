package org.acolhida.papers;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.acolhida.language.ProtocolTexts;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads on a paper is there in every language papers are written in, the texts
 * the staff read (refusals, "nothing to print", the fallback note) in Portuguese and Italian, no key is
 * left behind that English no longer has, and a language Java has no calendar words for brings its own.
 * The checklist table's papers and fees, written in English in the table itself, are in every language of
 * the people at the desk, rule by rule, with as many papers as the table lists.
 */
class PaperTextsTest {

	/** Names that stay as they are in every language: the documents' own names. */
	private static final Set<String> NAMES = Set.of("document.CPF", "document.CRNM", "document.PERMESSO_SOGGIORNO",
			"document.CODICE_FISCALE");

	private static final List<String> STAFF_LANGUAGES = List.of("pt-BR", "it");

	/**
	 * The people's languages whose papers carry the checklist's own words; pt-BR and it read them from the
	 * staff's bundles of their own country (processes/i18n/texts_*.properties).
	 */
	private static final List<String> CHECKLIST_LANGUAGES = List.of("es", "fr", "ht", "ur", "ar");

	private static final Pattern RULE_TEXT = Pattern.compile("checklist\\.(\\w+)\\.(papers|fee)");

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
				if (!ownWords && !english.containsKey(key) && !isChecklistRuleText(key)) {
					drift.add(language + ": " + key);
				}
			}
		}
		assertThat(drift).as("keys that name no text of papers.properties").isEmpty();
	}

	@Test
	void shouldWordEveryRuleOfTheChecklistTableInThePeoplesLanguages() throws Exception {
		Map<String, String[]> rules = checklistRules();
		assertThat(rules).as("rules of documentation-checklist.dmn").hasSizeGreaterThan(10);
		List<String> missing = new ArrayList<>();
		for (String language : CHECKLIST_LANGUAGES) {
			Map<String, String> bundle = bundle(language);
			for (Map.Entry<String, String[]> rule : rules.entrySet()) {
				String papers = bundle.get("checklist." + rule.getKey() + ".papers");
				String fee = bundle.get("checklist." + rule.getKey() + ".fee");
				if (papers == null || papers.isBlank() || fee == null || fee.isBlank()) {
					missing.add(language + ": " + rule.getKey());
					continue;
				}
				// a paper is one line of the person's list (CasePapers splits at ';'): none lost or merged
				assertThat(papers.split(";")).as("papers of %s in %s", rule.getKey(), language)
					.hasSameSizeAs(rule.getValue()[0].split(";"));
				assertThat(papers).as("papers of %s in %s", rule.getKey(), language).isNotEqualTo(rule.getValue()[0]);
				assertThat(fee).as("fee of %s in %s: no line ever splits it", rule.getKey(), language).doesNotContain(";");
			}
		}
		assertThat(missing).as("checklist rules without their papers and fee in processes/i18n/papers/").isEmpty();
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

	/** checklist.<rule>.papers or .fee of a rule the table has: the table's own words, translated. */
	private static boolean isChecklistRuleText(String key) {
		Matcher text = RULE_TEXT.matcher(key);
		try {
			return text.matches() && checklistRules().containsKey(text.group(1));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Each rule of the checklist table by its name (checklistRule): its English papers and fee. */
	private static Map<String, String[]> checklistRules() throws Exception {
		try (InputStream in = PaperTextsTest.class.getClassLoader().getResourceAsStream("documentation-checklist.dmn")) {
			if (in == null) {
				throw new IOException("documentation-checklist.dmn is not on the classpath");
			}
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			Element table = (Element) factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "decisionTable").item(0);
			List<String> outputs = new ArrayList<>();
			NodeList outputNodes = table.getElementsByTagNameNS("*", "output");
			for (int i = 0; i < outputNodes.getLength(); i++) {
				outputs.add(((Element) outputNodes.item(i)).getAttribute("name"));
			}
			Map<String, String[]> rules = new LinkedHashMap<>();
			NodeList ruleNodes = table.getElementsByTagNameNS("*", "rule");
			for (int i = 0; i < ruleNodes.getLength(); i++) {
				NodeList entries = ((Element) ruleNodes.item(i)).getElementsByTagNameNS("*", "outputEntry");
				Map<String, String> values = new LinkedHashMap<>();
				for (int j = 0; j < entries.getLength(); j++) {
					values.put(outputs.get(j), entries.item(j).getTextContent().trim().replaceAll("^\"|\"$", ""));
				}
				rules.put(values.get("checklistRule"), new String[] { values.get("papersToBring"), values.get("fee") });
			}
			return rules;
		}
	}

	private Map<String, String> bundle(String language) {
		return language.equals("en") ? english
				: ProtocolTexts.fromClasspath(ProtocolTexts.fileName("papers/papers", language));
	}

}
