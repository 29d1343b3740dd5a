package org.acolhida.documentation;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.Relation;
import org.acolhida.documentation.DocumentationProcess.Elements;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.language.ProtocolTexts;
import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.DocumentType;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document choice refuses over {@code /engine-rest} what its form no longer offers: a document of
 * another country than the unit's, and one the member is too young for (a work card for a child of 10).
 * The refusal is a 400 in the adviser's language that names the document and the member in words, the
 * task stays open, and no trail starts; the same choice without the refused document goes through.
 */
@PostgresIntegrationTest
class DocumentChoiceRefusalIT {

	@Autowired
	CaseFiles cases;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldRefuseAnotherCountrysDocumentAndAWorkCardForAChildInTheAdvisersLanguage() {
		String family = "Escolha " + UUID.randomUUID().toString().substring(0, 6);
		LocalDate today = LocalDate.now();
		String caseNumber = cases.open(new NewCase("SOR-CRAS-NORTE", new NewPerson(null, "Nadège", family,
				today.minusYears(34).minusDays(20), "HT", List.of("ht"), List.of()), "Éden", false), "ana")
			.getCaseNumber();
		cases.registerHousehold(caseNumber, List.of(new NewPerson(Relation.CHILD, "Jean", family,
				today.minusYears(10).minusDays(20), "HT", List.of("ht"), List.of())));
		String instanceId = startGuidance("bruno", caseNumber);
		String choice = choiceOf(instanceId);

		ResponseEntity<Map> otherCountry = choose("bruno", choice, "PERMESSO_SOGGIORNO:1", "CPF:1");
		assertThat(otherCountry.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(message(otherCountry)).contains(
				refusal("pt_BR", "error.other_country", word("pt-BR", DocumentType.PERMESSO_SOGGIORNO)));

		ResponseEntity<Map> childWorkCard = choose("bruno", choice, "CPF:2", "CTPS_DIGITAL:2");
		assertThat(childWorkCard.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(message(childWorkCard)).contains(refusal("pt_BR", "error.too_young",
				word("pt-BR", DocumentType.CTPS_DIGITAL), "Jean " + family, "10"));
		for (ResponseEntity<Map> refused : List.of(otherCountry, childWorkCard)) {
			assertThat(message(refused)).doesNotContain("PERMESSO_SOGGIORNO", "CTPS_DIGITAL", ":1", ":2");
		}

		// Nothing half-written: the choice is still open, no request was kept, no trail started.
		assertThat(runtime.getActiveActivityIds(instanceId)).containsExactly(Elements.CHOOSE_DOCUMENTS);
		assertThat(runtime.getVariable(instanceId, Variables.DOCUMENT_REQUESTS)).isNull();
		assertThat(tasks.createTaskQuery().taskId(choice).count()).isOne();

		// The adult's work card and the child's CPF are what the form offers: accepted.
		ResponseEntity<Map> fitting = choose("bruno", choice, "CTPS_DIGITAL:1", "CPF:2");
		assertThat(fitting.getStatusCode()).as("%s", fitting.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(runtime.getActiveActivityIds(instanceId)).contains(Elements.ORIENTATION);
		runtime.deleteProcessInstance(instanceId, "test done");
	}

	@Test
	void shouldRefuseABrazilianDocumentAtCremonaInItalian() {
		String family = "Scelta " + UUID.randomUUID().toString().substring(0, 6);
		String caseNumber = cases.open(new NewCase("CRE-CARITAS-IMMIGRAZIONE", new NewPerson(null, "Amina", family,
				LocalDate.now().minusYears(29), "NG", List.of("en"), List.of()), null, false), "giulia")
			.getCaseNumber();
		String instanceId = startGuidance("marco", caseNumber);
		String choice = choiceOf(instanceId);

		ResponseEntity<Map> refused = choose("marco", choice, "CPF:1");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(message(refused))
			.contains(refusal("it", "error.other_country", word("it", DocumentType.CPF)))
			.doesNotContain("CPF:1");
		assertThat(runtime.getActiveActivityIds(instanceId)).containsExactly(Elements.CHOOSE_DOCUMENTS);
		runtime.deleteProcessInstance(instanceId, "test done");
	}

	private String startGuidance(String adviser, String caseNumber) {
		ResponseEntity<Map> started = rest.withBasicAuth(adviser, "demo").postForEntity(
				"/engine-rest/process-definition/key/" + DocumentationProcess.KEY + "/submit-form",
				Map.of("variables", Map.of(Variables.CASE_NUMBER, Map.of("value", caseNumber))), Map.class);
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		return (String) started.getBody().get("id");
	}

	private String choiceOf(String instanceId) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(instanceId)
			.taskDefinitionKey(Elements.CHOOSE_DOCUMENTS)
			.singleResult();
		assertThat(task).as("the document choice").isNotNull();
		return task.getId();
	}

	/** The choice as Tasklist submits a checklist: a Json list. */
	private ResponseEntity<Map> choose(String adviser, String taskId, String... requests) {
		String list = "[" + String.join(",", List.of(requests).stream().map(r -> "\"" + r + "\"").toList()) + "]";
		return rest.withBasicAuth(adviser, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", Map.of(Variables.CHOSEN_DOCUMENTS, Map.of("value", list, "type", "Json"),
						Variables.HOUSEHOLD_SITUATION, Map.of("value", "REFUGEE"))),
				Map.class);
	}

	private static String message(ResponseEntity<Map> answer) {
		return String.valueOf(answer.getBody().get("message"));
	}

	private static String word(String language, DocumentType type) {
		return ProtocolTexts.fromClasspath(ProtocolTexts.fileName("texts", language)).get("documentType." + type);
	}

	private static String refusal(String language, String key, Object... args) {
		ResourceBundle bundle = ResourceBundle.getBundle("i18n/form-errors", Locale.forLanguageTag(language.replace('_', '-')));
		return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language.replace('_', '-')))
			.format(args);
	}

}
