package org.acolhida.housing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.language.WorkLanguage;
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
 * {@code shelterOptions} (JSON {label, value} for the form's select), {@code candidateCount},
 * {@code anyShelterCouldTake} (false: waiting is pointless, e.g. a household larger than any
 * shelter), {@code householdSize} and {@code householdSummary} (no names). Raises no BPMN error:
 * "no room" is {@code candidateCount = 0}; an unknown case number is a fault
 * ({@link org.acolhida.errors.NotFoundException}).
 */
@Component("findSheltersDelegate")
@ProvidesVariables({ Variables.SHELTER_CANDIDATES, Variables.SHELTER_OPTIONS, Variables.CANDIDATE_COUNT,
		Variables.ANY_SHELTER_COULD_TAKE, Variables.HOUSEHOLD_SIZE, Variables.HOUSEHOLD_SUMMARY })
class FindSheltersDelegate implements JavaDelegate {

	private final HouseholdProfiles profiles;

	private final ShelterSearch search;

	private final WorkLanguage language;

	private final ObjectMapper json;

	FindSheltersDelegate(HouseholdProfiles profiles, ShelterSearch search, WorkLanguage language, ObjectMapper json) {
		this.profiles = profiles;
		this.search = search;
		this.language = language;
		this.json = json;
	}

	@Override
	public void execute(DelegateExecution execution) throws Exception {
		HouseholdProfile household = profiles.of(execution);
		List<ShelterCandidate> candidates = search.candidates(household);
		String lang = language.ofUnit(UNIT_CODE.from(execution).get());
		List<Map<String, Object>> options = new ArrayList<>();
		for (ShelterCandidate candidate : candidates) {
			Map<String, Object> option = new LinkedHashMap<>();
			option.put("label", label(candidate, lang));
			option.put("value", candidate.code());
			options.add(option);
		}
		execution.setVariable(Variables.SHELTER_CANDIDATES, SpinValues.jsonValue(write(candidates)).create());
		execution.setVariable(Variables.SHELTER_OPTIONS, SpinValues.jsonValue(write(options)).create());
		execution.setVariable(Variables.CANDIDATE_COUNT, candidates.size());
		execution.setVariable(Variables.ANY_SHELTER_COULD_TAKE,
				!candidates.isEmpty() || search.anyShelterCouldTake(household));
		execution.setVariable(Variables.HOUSEHOLD_SIZE, household.size());
		execution.setVariable(Variables.HOUSEHOLD_SUMMARY, household.summary());
	}

	/** "Casa de Acolhida do Migrante · 12 free beds · same district · speaks fr, ht", in the unit's language. */
	static String label(ShelterCandidate candidate, String lang) {
		StringBuilder label = new StringBuilder(candidate.name());
		label.append(" · ").append(candidate.freeBeds()).append(switch (lang) {
			case WorkLanguage.PT_BR -> " vagas livres";
			case WorkLanguage.IT -> " posti liberi";
			default -> " free beds";
		});
		if (candidate.sameDistrict()) {
			label.append(switch (lang) {
				case WorkLanguage.PT_BR -> " · mesmo bairro";
				case WorkLanguage.IT -> " · stesso quartiere";
				default -> " · same district";
			});
		}
		if (!candidate.sharedLanguages().isEmpty()) {
			label.append(switch (lang) {
				case WorkLanguage.PT_BR -> " · fala ";
				case WorkLanguage.IT -> " · parla ";
				default -> " · speaks ";
			}).append(String.join(", ", candidate.sharedLanguages()));
		}
		if (candidate.wheelchairAccessible()) {
			label.append(" · ♿");
		}
		return label.toString();
	}

	private String write(Object value) throws JsonProcessingException {
		return json.writeValueAsString(value);
	}

}
