package org.acolhida.reception;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The triage table of {@code processes/reception-triage.dmn}, rule by rule, on the standalone DMN engine. */
class ReceptionTriageDecisionTest {

	static DmnEngine dmn;

	static DmnDecision triage;

	@BeforeAll
	static void parse() throws IOException {
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("processes/reception-triage.dmn"))) {
			triage = dmn.parseDecision(ReceptionProcess.TRIAGE_DECISION, in);
		}
	}

	static Map<String, Object> answers(String... yes) {
		Map<String, Object> answers = new HashMap<>();
		for (String flag : List.of("needsDocumentation", "needsHousing", "needsLiteracy", "needsLegalAid", "needsHealth",
				"sleepingRoughTonight", "childrenInHousehold", "protectionConcern", "consentToShare")) {
			answers.put(flag, List.of(yes).contains(flag));
		}
		// as recordListeningDelegate leaves them: always there, not asked at an Italian desk
		answers.put("lacksBpc", List.of(yes).contains("lacksBpc"));
		answers.put("cadUnicoStatus", null);
		return answers;
	}

	static Map<String, Object> decide(String... yes) {
		DmnDecisionResult result = dmn.evaluateDecision(triage, answers(yes));
		assertThat(result).hasSize(1);
		return result.getSingleResult().getEntryMap();
	}

	@Test
	void shouldSendAProtectionConcernToTheCreasImmediately() {
		Map<String, Object> result = decide("protectionConcern", "needsDocumentation");

		assertThat(result).containsEntry("priority", "IMMEDIATE").containsEntry("referCreas", true)
			.containsEntry("referDocumentation", true).containsEntry("immediateHousing", false);
	}

	@Test
	void shouldHouseAtOnceAProtectionCaseSleepingRough() {
		assertThat(decide("protectionConcern", "sleepingRoughTonight")).containsEntry("priority", "IMMEDIATE")
			.containsEntry("referCreas", true).containsEntry("referHousing", true).containsEntry("immediateHousing", true);
	}

	@Test
	void shouldMakeSleepingRoughAnImmediateHousingIntervention() {
		Map<String, Object> result = decide("sleepingRoughTonight");

		assertThat(result).containsEntry("priority", "IMMEDIATE").containsEntry("referHousing", true)
			.containsEntry("immediateHousing", true).containsEntry("referCreas", false);
	}

	@Test
	void shouldGiveAFamilyWithChildrenNeedingHousingHighPriority() {
		assertThat(decide("needsHousing", "childrenInHousehold")).containsEntry("priority", "HIGH")
			.containsEntry("referHousing", true).containsEntry("immediateHousing", false);
		assertThat(decide("needsHousing")).containsEntry("priority", "NORMAL").containsEntry("referHousing", true);
	}

	@Test
	void shouldGiveHealthNeedsHighPriorityAndReferOnlyWithConsent() {
		assertThat(decide("needsHealth")).containsEntry("priority", "HIGH").containsEntry("referHealth", false);
		assertThat(decide("needsHealth", "consentToShare")).containsEntry("referHealth", true);
	}

	@Test
	void shouldOpenTheReferralsNeededInNormalTimeOtherwise() {
		Map<String, Object> result = decide("needsDocumentation", "needsLiteracy", "needsLegalAid", "consentToShare");

		assertThat(result).containsEntry("priority", "NORMAL").containsEntry("referDocumentation", true)
			.containsEntry("referLiteracy", true).containsEntry("referLegalAid", true).containsEntry("referHousing", false)
			.containsEntry("referHealth", false).containsEntry("referCreas", false);
		assertThat(decide("needsLegalAid")).containsEntry("referLegalAid", false);
		assertThat(decide()).containsEntry("priority", "NORMAL").containsEntry("referDocumentation", false);
	}

	@Test
	void shouldReferToTheCrasForTheCadastroUnicoAndTheBpcWhateverThePriority() {
		for (String[] situation : List.of(new String[] { "protectionConcern" }, new String[] { "sleepingRoughTonight" },
				new String[] { "needsHousing", "childrenInHousehold" }, new String[] { "needsHealth" }, new String[0])) {
			Map<String, Object> notRegistered = answers(situation);
			notRegistered.put("cadUnicoStatus", "NOT_REGISTERED");
			Map<String, Object> outdated = answers(situation);
			outdated.put("cadUnicoStatus", "OUTDATED");
			outdated.put("lacksBpc", true);
			Map<String, Object> upToDate = answers(situation);
			upToDate.put("cadUnicoStatus", "UP_TO_DATE");

			assertThat(dmn.evaluateDecision(triage, notRegistered).getSingleResult().getEntryMap())
				.as("not registered, %s", List.of(situation))
				.containsEntry("referCadUnicoInclusion", true).containsEntry("referCadUnicoUpdate", false)
				.containsEntry("referBpc", false);
			assertThat(dmn.evaluateDecision(triage, outdated).getSingleResult().getEntryMap())
				.as("out of date, without BPC, %s", List.of(situation))
				.containsEntry("referCadUnicoInclusion", false).containsEntry("referCadUnicoUpdate", true)
				.containsEntry("referBpc", true);
			assertThat(dmn.evaluateDecision(triage, upToDate).getSingleResult().getEntryMap())
				.as("up to date, %s", List.of(situation))
				.containsEntry("referCadUnicoInclusion", false).containsEntry("referCadUnicoUpdate", false)
				.containsEntry("referBpc", false);
		}
		// not asked (an Italian desk): no such referral
		assertThat(decide()).containsEntry("referCadUnicoInclusion", false).containsEntry("referCadUnicoUpdate", false)
			.containsEntry("referBpc", false);
	}

}
