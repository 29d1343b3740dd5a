package org.acolhida.housing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.Words;
import org.acolhida.protocols.ProvidesVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Looks for shelters that can take the household now ({@link ShelterSearch}), for the first search,
 * after a failed or declined referral, and on every re-check of the waitlist.
 * <p>
 * Reads {@code caseNumber}, {@code unitCode}, {@code district}, {@code adultsAre},
 * {@code wheelchairNeeded} and the case file. Writes {@code shelterCandidates} (JSON, ranked),
 * {@code shelterOptions} (JSON {label, value} for the form's select, best fit first; each label says
 * whom the shelter takes and its free beds), {@code candidateCount},
 * {@code anyShelterCouldTake} (false: waiting is pointless, e.g. a household larger than any
 * shelter), {@code householdSize} and {@code householdSummary} (no names; labels and summary in
 * the words of the case unit's language). Raises no BPMN error:
 * "no room" is {@code candidateCount = 0}; an unknown case number is a fault
 * ({@link org.acolhida.errors.NotFoundException}).
 */
@Component("findSheltersDelegate")
@ProvidesVariables({ Variables.SHELTER_CANDIDATES, Variables.SHELTER_OPTIONS, Variables.CANDIDATE_COUNT,
		Variables.ANY_SHELTER_COULD_TAKE, Variables.HOUSEHOLD_SIZE, Variables.HOUSEHOLD_SUMMARY })
class FindSheltersDelegate implements JavaDelegate {

	private final HouseholdProfiles profiles;

	private final ShelterSearch search;

	private final ComposedTexts texts;

	private final ObjectMapper json;

	FindSheltersDelegate(HouseholdProfiles profiles, ShelterSearch search, ComposedTexts texts, ObjectMapper json) {
		this.profiles = profiles;
		this.search = search;
		this.texts = texts;
		this.json = json;
	}

	@Override
	public void execute(DelegateExecution execution) throws Exception {
		HouseholdProfile household = profiles.of(execution);
		List<ShelterCandidate> candidates = search.candidates(household);
		Words words = texts.forUnit(execution, UNIT_CODE.from(execution).get());
		List<Map<String, Object>> options = new ArrayList<>();
		for (ShelterCandidate candidate : candidates) {
			Map<String, Object> option = new LinkedHashMap<>();
			option.put("label", label(candidate, words));
			option.put("value", candidate.code());
			options.add(option);
		}
		execution.setVariable(Variables.SHELTER_CANDIDATES, SpinValues.jsonValue(write(candidates)).create());
		execution.setVariable(Variables.SHELTER_OPTIONS, SpinValues.jsonValue(write(options)).create());
		execution.setVariable(Variables.CANDIDATE_COUNT, candidates.size());
		execution.setVariable(Variables.ANY_SHELTER_COULD_TAKE,
				!candidates.isEmpty() || search.anyShelterCouldTake(household));
		execution.setVariable(Variables.HOUSEHOLD_SIZE, household.size());
		execution.setVariable(Variables.HOUSEHOLD_SUMMARY, household.summary(words));
	}

	/**
	 * "Casa da Mulher · mulheres e seus filhos · 3 vagas livres · mesmo bairro · fala espanhol", in the
	 * case unit's words: whom the shelter takes, then why it is where it is in the list.
	 */
	static String label(ShelterCandidate candidate, Words words) {
		StringBuilder label = new StringBuilder(candidate.name());
		label.append(" · ").append(words.word("shelterTakes", candidate.takes()));
		label.append(" · ").append(words.text(candidate.freeBeds() == 1 ? "shelter.freeBed" : "shelter.freeBeds",
				candidate.freeBeds()));
		if (candidate.sameDistrict()) {
			label.append(" · ").append(words.text("shelter.sameDistrict"));
		}
		if (!candidate.sharedLanguages().isEmpty()) {
			label.append(" · ").append(words.text("shelter.speaks", languageNames(candidate.sharedLanguages(), words)));
		}
		if (candidate.wheelchairAccessible()) {
			label.append(" · ♿");
		}
		return label.toString();
	}

	/** "espanhol, francês" for {@code es, fr}: the languages' names in the reader's language, not ISO codes. */
	static String languageNames(Collection<String> codes, Words words) {
		Locale reader = Locale.forLanguageTag(words.language());
		return codes.stream().map(code -> {
			String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
			return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
		}).collect(Collectors.joining(", "));
	}

	private String write(Object value) throws JsonProcessingException {
		return json.writeValueAsString(value);
	}

}
