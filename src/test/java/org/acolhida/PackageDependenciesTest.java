package org.acolhida;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of the application depend on each other in one direction only: a cycle between
 * features means neither can be understood, tested or changed alone. {@code system} holds the
 * application's configuration and depends on no feature; the exceptions every feature throws live in
 * the leaf package {@code errors}, the signed-in user in {@code identity}, which uses nothing else but {@code errors}. Read from the sources, so
 * a new import that closes a cycle fails the build and names the packages on it.
 */
class PackageDependenciesTest {

	private static final Path SOURCES = Path.of("src/main/java/org/acolhida");

	/** Imports and fully qualified names of another package of the application. */
	private static final Pattern REFERENCE = Pattern.compile("org\\.acolhida\\.(\\w+)\\.[A-Z]");

	@Test
	void shouldHaveNoCycleBetweenPackages() throws IOException {
		Map<String, Set<String>> uses = dependencies();

		assertThat(cycles(uses)).as("package cycles (each listed once, in the order they use each other)").isEmpty();
	}

	@Test
	void shouldKeepSystemAndTheLeafPackagesFreeOfFeatures() throws IOException {
		Map<String, Set<String>> uses = dependencies();

		assertThat(uses.getOrDefault("system", Set.of())).as("what system uses").isSubsetOf("errors", "identity");
		assertThat(uses.getOrDefault("errors", Set.of())).as("what errors uses").isEmpty();
		assertThat(uses.getOrDefault("identity", Set.of())).as("what identity uses").isSubsetOf("errors");
	}

	private static Map<String, Set<String>> dependencies() throws IOException {
		Map<String, Set<String>> uses = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue; // the application class at the root
				}
				String own = relative.getName(0).toString();
				Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
				Matcher reference = REFERENCE.matcher(Files.readString(file));
				while (reference.find()) {
					if (!reference.group(1).equals(own)) {
						used.add(reference.group(1));
					}
				}
			}
		}
		assertThat(uses).as("packages read from " + SOURCES.toAbsolutePath()).containsKeys("system", "cases");
		return uses;
	}

	/** Every cycle found by a depth-first walk, as "a -> b -> a". */
	private static List<String> cycles(Map<String, Set<String>> uses) {
		Set<String> reported = new TreeSet<>();
		List<String> cycles = new ArrayList<>();
		for (String start : uses.keySet()) {
			walk(start, uses, new ArrayDeque<>(), cycles, reported);
		}
		return cycles;
	}

	private static void walk(String at, Map<String, Set<String>> uses, Deque<String> path, List<String> cycles,
			Set<String> reported) {
		if (path.contains(at)) {
			List<String> walked = new ArrayList<>();
			path.descendingIterator().forEachRemaining(walked::add);
			List<String> loop = walked.subList(walked.indexOf(at), walked.size());
			String key = String.join(",", new TreeSet<>(loop));
			if (reported.add(key)) {
				cycles.add(String.join(" -> ", loop) + " -> " + at);
			}
			return;
		}
		path.push(at);
		for (String next : uses.getOrDefault(at, Set.of())) {
			walk(next, uses, path, cycles, reported);
		}
		path.pop();
	}

}
