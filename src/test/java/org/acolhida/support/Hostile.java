package org.acolhida.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Malformed and hostile values for property-based tests of what the application accepts: wrong types,
 * huge and odd strings, expressions, SQL, codes and times that do not exist, nesting.
 */
public final class Hostile {

	private Hostile() {
	}

	/** A value as a failing sample shows it: long ones cut at 80 characters, with their length. */
	public static String shown(Object value) {
		String shown = String.valueOf(value);
		return shown.length() > 80 ? shown.substring(0, 80) + "...(" + shown.length() + " chars)" : shown;
	}

	/** Any JSON value a careless or hostile client may send in place of a field's value. */
	public static Arbitrary<Object> value() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, texts()),
				Tuple.of(2, Arbitraries.of(EXPRESSIONS).map(Object.class::cast)),
				Tuple.of(2, Arbitraries.of(SQL).map(Object.class::cast)),
				Tuple.of(2, Arbitraries.of(CODES_AND_TIMES).map(Object.class::cast)),
				Tuple.of(2, numbers()),
				Tuple.of(1, Arbitraries.of(true, false).map(Object.class::cast)),
				Tuple.of(1, Arbitraries.just(null)),
				Tuple.of(2, Arbitraries.lazy(Hostile::nested)));
	}

	/** Strings: unicode of every plane, control characters (NUL too), and strings far over any limit. */
	public static Arbitrary<Object> texts() {
		Arbitrary<String> unicode = Arbitraries.strings()
			.withCharRange('\u0000', '\u001f')
			.withCharRange(' ', '~')
			.withCharRange('\u00a0', '\u024f')
			.withCharRange('\u0590', '\u06ff')
			.withCharRange('\u200b', '\u202e')
			.withCharRange('\u4e00', '\u4fff')
			.withChars('\ufeff', '\uffff')
			.ofMaxLength(60);
		Arbitrary<String> emoji = Arbitraries.of("👩🏽‍⚕️", "🏳️‍🌈", "𝕬𝖈𝖔𝖑𝖍𝖎𝖉𝖆", "\uD83D\uDE00".repeat(50));
		Arbitrary<String> huge = Arbitraries.integers().between(301, 300_000).map(n -> "x".repeat(n));
		return Arbitraries.oneOf(unicode, emoji, huge, Arbitraries.of("", " ", "\t\n", "null", "undefined", "a\u0000b", "\u0000", "x".repeat(4001)))
			.map(Object.class::cast);
	}

	static Arbitrary<Object> numbers() {
		return Arbitraries.oneOf(Arbitraries.integers().map(Object.class::cast),
				Arbitraries.longs().map(Object.class::cast),
				Arbitraries.of(-1, 0, Integer.MAX_VALUE, Long.MIN_VALUE, 1e308, -0.0, 3.5, 1e-300).map(Object.class::cast));
	}

	static Arbitrary<Object> nested() {
		Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.of(EXPRESSIONS), Arbitraries.of(CODES_AND_TIMES),
				Arbitraries.integers()).map(Object.class::cast);
		Arbitrary<Object> list = leaf.list().ofMaxSize(4).map(Object.class::cast);
		Arbitrary<Object> map = Arbitraries.maps(Arbitraries.of("value", "type", "day", "opens", "x", "$ref", "@class"), leaf)
			.ofMaxSize(3)
			.map(Object.class::cast);
		Arbitrary<Object> deep = Arbitraries.integers().between(2, 300).map(Hostile::deep);
		return Arbitraries.oneOf(list, map, deep);
	}

	/** A list in a map in a list... as deep as asked. */
	static Object deep(int depth) {
		Object value = "${depth}";
		for (int i = 0; i < depth; i++) {
			value = i % 2 == 0 ? new ArrayList<>(List.of(value)) : new LinkedHashMap<>(Map.of("v", value));
		}
		return value;
	}

	/** Bodies that are not a JSON object of the expected shape at all. */
	public static Arbitrary<String> brokenBodies() {
		Arbitrary<String> fixed = Arbitraries.of("", "{", "}", "{\"code\":}", "{\"code\" \"X\"}", "[]", "[{}]", "42", "\"unit\"",
				"null", "true", "{\"code\":\"A\",}", "{'code':'A'}", "{\"code\":\"\\uD800\"}", "{\"openingHours\":{}}",
				"{\"shelter\":[]}", "{\"districts\":\"Centro\"}", "{\"name\":{\"$gt\":\"\"}}", "<unit><code>X</code></unit>",
				"{\"code\":\"A\"}{\"code\":\"B\"}", "\u0000", "{\"version\":1e999}", "{\"shelter\":{\"beds\":1e999}}",
				"{\"shelter\":{\"beds\":99999999999999999999}}", "{\"active\":\"yes\"}");
		Arbitrary<String> deep = Arbitraries.integers().between(500, 20_000)
			.map(n -> "{\"districts\":" + "[".repeat(n) + "]".repeat(n) + "}");
		Arbitrary<String> unclosed = Arbitraries.integers().between(1, 5_000).map(n -> "{\"a\":".repeat(n));
		Arbitrary<String> garbage = Arbitraries.strings().all().ofMaxLength(200);
		return Arbitraries.oneOf(fixed, deep, unclosed, garbage);
	}

	static final List<String> EXPRESSIONS = List.of("${7*7}", "#{7*7}", "${execution.setVariable('x', 1)}",
			"${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}", "#{T(java.lang.System).exit(0)}",
			"$ {1}", "${", "#{", "}", "${currentUser()}", "#{systemProperties['user.home']}", "%{1+1}", "{{7*7}}");

	static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE service_unit; --", "\" OR 1=1 --", "%",
			"_", "\\", "SOR-CRAS-NORTE' --", "1; SELECT pg_sleep(5)", "' UNION SELECT password FROM act_id_user --");

	static final List<String> CODES_AND_TIMES = List.of("SOR-CRAS-NORTE", "NOWHERE", "sor-cras-norte", "CASTLE",
			"Mars/Olympus_Mons", "UTC+99:00", "GMT+25", "America/Sao_Paulo\u0000", "../../etc/passwd", "Europe/Rome ",
			"25:00", "24:00", "23:60", "-01:00", "7:00", "07:00:00", "12:00 PM", "00:00", "FUNDAY", "monday", "MONDAY",
			"2026-02-30", "0000-00-00", "9999-12-31", "2026-13-01", "ZZ", "BR", "IT", "xx-YY", "pt", "SHELTER",
			"WOMEN_ONLY", "A3", "CPF", "PASSPORT", "-", "A");

}
