package org.acolhida.protocols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.FormTexts;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.language.WorkLanguage;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a worker reads in a protocol exists in every language workers read: each form of
 * {@code processes/} and each diagram's task names have a bundle in Portuguese (Brazil) and Italian,
 * every key of a bundle names a text of its form (a component or an option value) or a task of its
 * process, and no string is left in English. The strings still missing are listed in
 * {@code target/untranslated-protocol-texts.txt} and in the failure, one line each, for translators.
 */
class ProtocolTranslationsTest {

	static final Path PROCESSES = Path.of("processes");

	static final Path BUNDLES = PROCESSES.resolve("i18n");

	static final List<String> LANGUAGES = List.of(WorkLanguage.PT_BR, WorkLanguage.IT);

	static final Path REPORT = Path.of("target", "untranslated-protocol-texts.txt");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldHaveEveryFormOnceInEnglishWithoutCopiesPerLanguage() throws IOException {
		List<String> copies = files(PROCESSES, ".form").stream()
			.map(path -> path.getFileName().toString())
			.filter(name -> name.chars().filter(c -> c == '.').count() > 1)
			.toList();
		assertThat(copies).as("copies of forms in another language").isEmpty();
		for (Path form : files(PROCESSES, ".form")) {
			String name = form.getFileName().toString();
			assertThat(json.readTree(form.toFile()).path("id").asText()).as(name).isEqualTo(name.replace(".form", ""));
		}
	}

	@Test
	void shouldHaveABundleInEveryLanguageForEveryFormAndDiagram() throws IOException {
		List<String> missing = new ArrayList<>();
		for (String name : protocolNames()) {
			for (String language : LANGUAGES) {
				if (!Files.exists(BUNDLES.resolve(ProtocolTexts.fileName(name, language)))) {
					missing.add(ProtocolTexts.fileName(name, language));
				}
			}
		}
		assertThat(missing).as("bundles missing in processes/i18n").isEmpty();
	}

	@Test
	void shouldHaveNoBundleKeyThatNamesNothing() throws IOException {
		List<String> drift = new ArrayList<>();
		Set<String> names = protocolNames();
		for (Path bundle : files(BUNDLES, ".properties")) {
			String file = bundle.getFileName().toString();
			String name = file.replaceFirst("_(pt_BR|it)\\.properties$", "");
			if (name.equals(ComposedTexts.BUNDLE) || file.equals(ComposedTexts.BUNDLE + ".properties")) {
				// the texts delegates compose name no form: ComposedTextsTest checks them
				continue;
			}
			if (file.equals(name) || !names.contains(name)) {
				drift.add(file + ": names no form or diagram of processes/ (or no language pt_BR, it)");
				continue;
			}
			Set<String> unknown = new TreeSet<>(ProtocolTexts.parse(Files.readAllBytes(bundle)).keySet());
			unknown.removeAll(texts(name).keySet());
			unknown.forEach(key -> drift.add(file + ": " + key));
		}
		assertThat(drift).as("bundle keys that name no component, option or task").isEmpty();
	}

	@Test
	void shouldLeaveNoStringUntranslated() throws IOException {
		List<String> untranslated = new ArrayList<>();
		for (String name : protocolNames()) {
			Map<String, String> english = texts(name);
			for (String language : LANGUAGES) {
				Path file = BUNDLES.resolve(ProtocolTexts.fileName(name, language));
				Map<String, String> bundle = Files.exists(file) ? ProtocolTexts.parse(Files.readAllBytes(file)) : Map.of();
				english.forEach((key, text) -> {
					if (!bundle.containsKey(key) || bundle.get(key).isBlank()) {
						untranslated.add(language + "\t" + name + "\t" + key + "\t" + text.replace("\n", "\\n"));
					}
				});
			}
		}
		Files.createDirectories(REPORT.getParent());
		List<String> report = new ArrayList<>();
		report.add("# Strings of processes/ without a translation: language, form or diagram, key, English text");
		report.addAll(untranslated);
		Files.write(REPORT, report);
		untranslated.forEach(line -> System.out.println("untranslated: " + line));
		assertThat(untranslated).as("untranslated strings (also in " + REPORT + ")").isEmpty();
	}

	/** Every form id and process key of {@code processes/}. */
	Set<String> protocolNames() throws IOException {
		Set<String> names = new TreeSet<>();
		for (Path form : files(PROCESSES, ".form")) {
			names.add(json.readTree(form.toFile()).path("id").asText());
		}
		for (Path diagram : files(PROCESSES, ".bpmn")) {
			Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(Process.class).stream()
				.filter(Process::isExecutable)
				.forEach(process -> names.add(process.getId()));
		}
		return names;
	}

	/** The English texts of a form, or of a process (its name and its user tasks' names), by bundle key. */
	Map<String, String> texts(String name) throws IOException {
		Path form = PROCESSES.resolve(name + ".form");
		if (Files.exists(form)) {
			JsonNode json = this.json.readTree(form.toFile());
			return FormTexts.strings(json);
		}
		for (Path diagram : files(PROCESSES, ".bpmn")) {
			BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
			if (model.getModelElementById(name) instanceof Process process) {
				Map<String, String> texts = new java.util.LinkedHashMap<>();
				texts.put(ProtocolCheck.PROCESS_NAME, process.getName());
				for (UserTask task : model.getModelElementsByType(UserTask.class)) {
					texts.put(task.getId(), task.getName());
				}
				return texts;
			}
		}
		throw new IllegalArgumentException("no form or process " + name + " in processes/");
	}

	static List<Path> files(Path folder, String suffix) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

}
