package org.acolhida.operations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict parser of Prometheus's text exposition format (version 0.0.4): every line is a HELP, a
 * TYPE, a comment or a sample of a family whose TYPE came before it; names, label syntax, escapes
 * and values are checked, and a line that does not fit fails the parse with its number. What the
 * operators' Prometheus reads is judged as it reads it, not by searching the text.
 */
final class PrometheusText {

	private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");

	private static final List<String> SUFFIXES = List.of("", "_total", "_created", "_count", "_sum", "_bucket");

	record Sample(String name, Map<String, String> labels, double value) {
	}

	/** Families by name, with their type and samples. */
	record Family(String name, String type, List<Sample> samples) {
	}

	private final Map<String, Family> families;

	private PrometheusText(Map<String, Family> families) {
		this.families = families;
	}

	Map<String, Family> families() {
		return Collections.unmodifiableMap(families);
	}

	/** Every sample of that name (e.g. {@code acolhida_rest_errors_total}), whatever its family. */
	List<Sample> samples(String sampleName) {
		return families.values().stream().flatMap(f -> f.samples().stream()).filter(s -> s.name().equals(sampleName)).toList();
	}

	/** Whether a family or a sample has this name. */
	boolean names(String name) {
		return families.containsKey(name) || !samples(name).isEmpty();
	}

	/** The sum of the samples of that name whose labels include all of these. */
	double sum(String sampleName, Map<String, String> labels) {
		return samples(sampleName).stream()
			.filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	static PrometheusText parse(String text) {
		Map<String, Family> families = new LinkedHashMap<>();
		String[] lines = text.split("\n", -1);
		if (!text.endsWith("\n")) {
			throw new IllegalArgumentException("The exposition does not end with a line feed");
		}
		for (int i = 0; i < lines.length - 1; i++) {
			String line = lines[i];
			int number = i + 1;
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("#")) {
				String[] parts = line.split(" ", 4);
				if (parts.length >= 3 && parts[1].equals("TYPE")) {
					String name = name(parts[2], number);
					if (parts.length != 4 || !TYPES.contains(parts[3])) {
						throw fail(number, "unknown type", line);
					}
					if (families.containsKey(name)) {
						throw fail(number, "second TYPE for " + name, line);
					}
					families.put(name, new Family(name, parts[3], new ArrayList<>()));
				}
				else if (parts.length >= 3 && parts[1].equals("HELP")) {
					name(parts[2], number);
				}
				continue;
			}
			Sample sample = sample(line, number);
			Family family = familyOf(families, sample.name());
			if (family == null) {
				throw fail(number, "sample without a TYPE before it", line);
			}
			family.samples().add(sample);
		}
		return new PrometheusText(families);
	}

	private static Family familyOf(Map<String, Family> families, String sampleName) {
		for (String suffix : SUFFIXES) {
			if (sampleName.endsWith(suffix)) {
				Family family = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
				if (family != null) {
					return family;
				}
			}
		}
		return null;
	}

	private static Sample sample(String line, int number) {
		int at = 0;
		while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') {
			at++;
		}
		String name = name(line.substring(0, at), number);
		Map<String, String> labels = new LinkedHashMap<>();
		if (at < line.length() && line.charAt(at) == '{') {
			at++;
			while (line.charAt(at) != '}') {
				int eq = line.indexOf('=', at);
				if (eq < 0) {
					throw fail(number, "label without value", line);
				}
				String label = line.substring(at, eq);
				if (!LABEL_NAME.matcher(label).matches()) {
					throw fail(number, "bad label name '" + label + "'", line);
				}
				if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
					throw fail(number, "label value not quoted", line);
				}
				StringBuilder value = new StringBuilder();
				int j = eq + 2;
				for (;; j++) {
					if (j >= line.length()) {
						throw fail(number, "unterminated label value", line);
					}
					char c = line.charAt(j);
					if (c == '"') {
						break;
					}
					if (c == '\\') {
						char next = line.charAt(++j);
						switch (next) {
							case '\\' -> value.append('\\');
							case '"' -> value.append('"');
							case 'n' -> value.append('\n');
							default -> throw fail(number, "bad escape \\" + next, line);
						}
					}
					else {
						value.append(c);
					}
				}
				if (labels.put(label, value.toString()) != null) {
					throw fail(number, "label " + label + " twice", line);
				}
				at = j + 1;
				if (line.charAt(at) == ',') {
					at++;
				}
				else if (line.charAt(at) != '}') {
					throw fail(number, "expected , or }", line);
				}
			}
			at++;
		}
		if (at >= line.length() || line.charAt(at) != ' ') {
			throw fail(number, "no value", line);
		}
		String[] rest = line.substring(at + 1).split(" ");
		if (rest.length < 1 || rest.length > 2) {
			throw fail(number, "expected a value and at most a timestamp", line);
		}
		if (rest.length == 2 && !rest[1].matches("-?\\d+")) {
			throw fail(number, "bad timestamp", line);
		}
		return new Sample(name, labels, value(rest[0], number, line));
	}

	private static double value(String text, int number, String line) {
		switch (text) {
			case "+Inf":
				return Double.POSITIVE_INFINITY;
			case "-Inf":
				return Double.NEGATIVE_INFINITY;
			case "NaN":
				return Double.NaN;
			default:
				if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
					throw fail(number, "bad value '" + text + "'", line);
				}
				return Double.parseDouble(text);
		}
	}

	private static String name(String name, int number) {
		if (!METRIC_NAME.matcher(name).matches()) {
			throw fail(number, "bad metric name '" + name + "'", name);
		}
		return name;
	}

	private static IllegalArgumentException fail(int number, String what, String line) {
		return new IllegalArgumentException("Line " + number + ": " + what + ": " + line);
	}

}
