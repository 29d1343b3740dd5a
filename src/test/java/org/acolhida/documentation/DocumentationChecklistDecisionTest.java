package org.acolhida.documentation;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checklist table ({@code processes/documentation-checklist.dmn}) rule by rule, for Brazil and
 * Italy, on the DMN engine alone (no application). Every rule of the table must be hit by one case
 * here, so that a rule a manager adds comes with its case.
 */
class DocumentationChecklistDecisionTest {

	static final Path TABLE = Path.of("processes", "documentation-checklist.dmn");

	static DmnEngine engine;

	static DmnDecision decision;

	static final List<String> matched = new ArrayList<>();

	static final Set<String> hit = new TreeSet<>();

	@BeforeAll
	static void loadTable() throws Exception {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
			@Override
			public void notify(DmnDecisionTableEvaluationEvent event) {
				matched.clear();
				event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
				hit.addAll(matched);
			}
		}));
		engine = configuration.buildEngine();
		try (InputStream in = Files.newInputStream(TABLE)) {
			decision = engine.parseDecision(DocumentationProcess.CHECKLIST_DECISION, in);
		}
	}

	static DmnDecisionResultEntries evaluate(String country, String documentType, String situation) {
		return engine.evaluateDecision(decision, Variables.createVariables()
			.putValue("country", country)
			.putValue("documentType", documentType)
			.putValue("situation", situation))
			.getSingleResult();
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({
			// Brazil
			"BR, CPF, ASYLUM_SEEKER, rule_br_cpf, RECEITA_FEDERAL, true",
			"BR, CPF, WORKER, rule_br_cpf, RECEITA_FEDERAL, true",
			"BR, CRNM, REFUGEE, rule_br_crnm_refugee, FEDERAL_POLICE, true",
			"BR, CRNM, HUMANITARIAN_VISA, rule_br_crnm_humanitarian, FEDERAL_POLICE, true",
			"BR, CRNM, FAMILY_REUNION, rule_br_crnm_family, FEDERAL_POLICE, false",
			"BR, CRNM, MINOR, rule_br_crnm_minor, FEDERAL_POLICE, true",
			"BR, CRNM, RENEWAL, rule_br_crnm_renewal, FEDERAL_POLICE, false",
			"BR, CRNM, WORKER, rule_br_crnm_other, FEDERAL_POLICE, false",
			"BR, REFUGEE_PROTOCOL, ASYLUM_SEEKER, rule_br_refugee_protocol, FEDERAL_POLICE, true",
			"BR, CTPS_DIGITAL, REFUGEE, rule_br_ctps, LABOUR_SERVICE, true",
			// Italy
			"IT, PERMESSO_SOGGIORNO, ASYLUM_SEEKER, rule_it_permesso_asylum, QUESTURA, true",
			"IT, PERMESSO_SOGGIORNO, REFUGEE, rule_it_permesso_refugee, QUESTURA, false",
			"IT, PERMESSO_SOGGIORNO, HUMANITARIAN_VISA, rule_it_permesso_special, QUESTURA, false",
			"IT, PERMESSO_SOGGIORNO, FAMILY_REUNION, rule_it_permesso_family, POST_OFFICE_THEN_QUESTURA, false",
			"IT, PERMESSO_SOGGIORNO, MINOR, rule_it_permesso_minor, QUESTURA, true",
			"IT, PERMESSO_SOGGIORNO, RENEWAL, rule_it_permesso_renewal, POST_OFFICE_THEN_QUESTURA, false",
			"IT, PERMESSO_SOGGIORNO, WORKER, rule_it_permesso_other, POST_OFFICE_THEN_QUESTURA, false",
			"IT, CODICE_FISCALE, ASYLUM_SEEKER, rule_it_codice_asylum, QUESTURA, true",
			"IT, CODICE_FISCALE, OTHER, rule_it_codice, AGENZIA_ENTRATE, true",
			"IT, RESIDENCE_REGISTRATION, ASYLUM_SEEKER, rule_it_residence_asylum, ANAGRAFE, true",
			"IT, RESIDENCE_REGISTRATION, FAMILY_REUNION, rule_it_residence, ANAGRAFE, true",
			// a document of the other country's offices: nothing specific, ask the office
			"IT, CPF, OTHER, rule_any_other, ASK_THE_OFFICE, false",
			"BR, PERMESSO_SOGGIORNO, RENEWAL, rule_any_other, ASK_THE_OFFICE, false" })
	void shouldApplyTheRuleForCountryDocumentAndSituation(String country, String documentType, String situation,
			String rule, String officeKind, boolean feeWaived) {
		DmnDecisionResultEntries result = evaluate(country, documentType, situation);

		assertThat(matched).containsExactly(rule);
		assertThat(result.<String>getEntry("officeKind")).isEqualTo(officeKind);
		assertThat(result.<Boolean>getEntry("feeWaived")).isEqualTo(feeWaived);
		assertThat(result.<String>getEntry("papersToBring")).isNotBlank();
		assertThat(result.<String>getEntry("fee")).isNotBlank();
		// the rule names itself: its papers and fee in other languages are checklist.<rule>.papers and .fee
		assertThat("rule_" + result.<String>getEntry("checklistRule")).isEqualTo(rule);
	}

	@Test
	void shouldNameThePapersThatMakeTheDifference() {
		assertThat(evaluate("BR", "CRNM", "REFUGEE").<String>getEntry("papersToBring")).contains("CONARE");
		assertThat(evaluate("BR", "CRNM", "MINOR").<String>getEntry("papersToBring")).contains("guardian");
		assertThat(evaluate("IT", "PERMESSO_SOGGIORNO", "RENEWAL").<String>getEntry("papersToBring"))
			.contains("60 days before expiry");
		assertThat(evaluate("IT", "PERMESSO_SOGGIORNO", "ASYLUM_SEEKER").<String>getEntry("papersToBring"))
			.contains("C3");
		assertThat(evaluate("IT", "PERMESSO_SOGGIORNO", "FAMILY_REUNION").<String>getEntry("fee"))
			.contains("EUR 16");
	}

	@AfterAll
	static void everyRuleHasACase() throws Exception {
		Set<String> rules = new TreeSet<>();
		Dmn.readModelFromFile(TABLE.toFile()).getModelElementsByType(Rule.class).forEach(r -> rules.add(r.getId()));
		assertThat(hit).as("rules without a case in this test").containsExactlyInAnyOrderElementsOf(rules);
	}

}
