package org.acolhida.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Our translations of the Camunda webapps ({@code locales/pt.json}, {@code locales/it.json}) against the
 * English file that the Camunda webjar on the classpath ships. A Camunda upgrade that adds, renames or
 * drops a key fails here, with the keys named, instead of showing staff a raw key or an English word.
 */
class WebappLocalesTest {

	/** The apps whose interface we translate, each with the locale ids the webapp matches a browser with. */
	static final Map<String, List<String>> TRANSLATIONS = Map.of("tasklist", List.of("pt", "it"), "welcome",
			List.of("pt", "it"), "admin", List.of("pt", "it"), "cockpit", List.of("pt", "it"));

	private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

	/** AngularJS interpolations such as {@code {{ name }}}: filled in by the webapp, never translated. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

	/** moment.js substitutions in relative times ({@code %d days}, {@code in %s}). */
	private static final Pattern MOMENT_SUBSTITUTION = Pattern.compile("%[ds]");

	/** Markup in labels (links, line breaks), not the literal {@code <null>} of a variable value. */
	private static final Pattern MARKUP = Pattern.compile("</?(?:a|br|b|i|em|strong|code|span|p)\\b[^>]*>");

	/**
	 * Words that rightly read the same as in English: product names, the engine's value types (what a
	 * user types in a variable form), operators, and technical words that Portuguese or Italian borrow.
	 */
	private static final Set<String> BORROWED = Set.of("", "Camunda", "Admin", "Cockpit", "Tasklist", "Optimize",
			"Boolean", "Double", "Integer", "Long", "Short", "String", "<null>", "<", "<=", ">", ">=", "OK", "ID", "ID*",
			"Tenant", "Tenants", "Job", "Batch", "GLOBAL", "Dashboard", "Deployment", "Report", "Links", "Account",
			"Password", "Password*:", "null", "CSV", "JSON", "Payload", "Endpoint", "requestPayload", "Jobs", "Total",
			"s", "Camunda Cockpit", " OK", "Tenant: ID", "{{count}} jobs", "Query", "batch", "Topic", "Max", "Min",
			"File");

	private final ObjectMapper json = new ObjectMapper();

	static List<Arguments> translations() {
		List<Arguments> all = new ArrayList<>();
		TRANSLATIONS.forEach((app, locales) -> locales.forEach(locale -> all.add(Arguments.of(app, locale))));
		return all;
	}

	@ParameterizedTest(name = "{0}/{1}")
	@MethodSource("translations")
	void shouldHaveExactlyTheKeysOfTheShippedEnglishFile(String app, String locale) throws IOException {
		Map<String, JsonNode> english = leaves(shippedEnglish(app));
		Map<String, JsonNode> ours = leaves(ours(app, locale));

		List<String> missing = new ArrayList<>(english.keySet());
		missing.removeAll(ours.keySet());
		List<String> extra = new ArrayList<>(ours.keySet());
		extra.removeAll(english.keySet());
		assertThat(missing).as("keys of the shipped %s en.json missing in %s.json", app, locale).isEmpty();
		assertThat(extra).as("keys in %s/%s.json that the shipped en.json does not have", app, locale).isEmpty();
	}

	@ParameterizedTest(name = "{0}/{1}")
	@MethodSource("translations")
	void shouldKeepPlaceholdersAndMarkup(String app, String locale) throws IOException {
		Map<String, JsonNode> english = leaves(shippedEnglish(app));
		Map<String, JsonNode> ours = leaves(ours(app, locale));

		List<String> broken = new ArrayList<>();
		english.forEach((key, value) -> {
			JsonNode translated = ours.get(key);
			if (translated == null || !value.isTextual()) {
				return;
			}
			for (Pattern token : List.of(PLACEHOLDER, MOMENT_SUBSTITUTION, MARKUP)) {
				// the same tokens, in any order: a translation may need another word order
				List<String> expected = sorted(tokens(token, value.asText()));
				List<String> actual = sorted(tokens(token, translated.asText()));
				if (!expected.equals(actual)) {
					broken.add(key + ": expected " + expected + " but was " + actual);
				}
			}
		});
		assertThat(broken).as("placeholders or markup changed in %s/%s.json", app, locale).isEmpty();
	}

	@ParameterizedTest(name = "{0}/{1}")
	@MethodSource("translations")
	void shouldBeTranslated(String app, String locale) throws IOException {
		Map<String, JsonNode> english = leaves(shippedEnglish(app).path("labels"));
		Map<String, JsonNode> ours = leaves(ours(app, locale).path("labels"));

		List<String> same = english.keySet()
			.stream()
			.filter(key -> ours.containsKey(key) && english.get(key).asText().equals(ours.get(key).asText()))
			.filter(key -> !BORROWED.contains(english.get(key).asText()))
			.toList();
		assertThat(same).as("labels of %s/%s.json still in English", app, locale).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("apps")
	void shouldOfferOurLocalesWithEnglishAsFallback(String app) throws IOException {
		String config = text(single(APP_ROOT + app + "/scripts/config.js", "our config.js of " + app));
		assertThat(config).as("%s config.js is ours, not the shipped one", app).contains("Acolhida");

		Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^]]*)]").matcher(config);
		assertThat(available.find()).as("%s config.js declares availableLocales", app).isTrue();
		List<String> declared = tokens(Pattern.compile("'([^']+)'|\"([^\"]+)\""), available.group(1));
		List<String> expected = new ArrayList<>(TRANSLATIONS.get(app));
		expected.add("en");
		assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(config).containsPattern("fallbackLocale\\s*:\\s*'en'");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("apps")
	void shouldLeaveTheShippedEnglishFileAlone(String app) throws IOException {
		List<URL> english = Collections.list(getClass().getClassLoader().getResources(APP_ROOT + app + "/locales/en.json"));
		assertThat(english).hasSize(1);
		assertThat(english.get(0).toString()).contains("camunda-webapp-webjar");
	}

	static List<String> apps() {
		return List.copyOf(TRANSLATIONS.keySet());
	}

	private JsonNode shippedEnglish(String app) throws IOException {
		String path = APP_ROOT + app + "/locales/en.json";
		for (URL url : Collections.list(getClass().getClassLoader().getResources(path))) {
			if (url.toString().contains("camunda-webapp-webjar")) {
				return json.readTree(text(url));
			}
		}
		return fail("the Camunda webjar on the classpath has no %s", path);
	}

	private JsonNode ours(String app, String locale) throws IOException {
		return json.readTree(text(single(APP_ROOT + app + "/locales/" + locale + ".json", app + "/" + locale + ".json")));
	}

	private URL single(String path, String what) {
		URL url = getClass().getClassLoader().getResource(path);
		assertThat(url).as(what + " on the classpath").isNotNull();
		return url;
	}

	private static String text(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// the shipped files start with a byte order mark
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
	}

	/** Every value of the file by its path ("labels.CLAIM_TASK", "dateLocales.months[0]"). */
	private static Map<String, JsonNode> leaves(JsonNode node) {
		Map<String, JsonNode> leaves = new TreeMap<>();
		collect("", node, leaves);
		return leaves;
	}

	private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(path + "[" + i + "]", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path, node);
		}
	}

	private static List<String> tokens(Pattern pattern, String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			String token = matcher.groupCount() == 0 ? matcher.group() : firstGroup(matcher);
			tokens.add(token);
		}
		return tokens;
	}

	private static List<String> sorted(List<String> tokens) {
		return tokens.stream().sorted().toList();
	}

	private static String firstGroup(Matcher matcher) {
		for (int i = 1; i <= matcher.groupCount(); i++) {
			if (matcher.group(i) != null) {
				return matcher.group(i);
			}
		}
		return matcher.group();
	}

}
