package org.acolhida.housing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.acolhida.cases.CaseSummary;
import org.acolhida.cases.CaseFiles;
import org.acolhida.housing.HousingReferralProcess.Variables;
import org.acolhida.variables.CaseVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Starts a housing referral outside reception (reception calls the process itself) and reports
 * a departure: the only ways into the two housing processes from Java, always with the case
 * number as business key.
 */
@Service
public class HousingReferralService {

	private final RuntimeService runtime;

	private final CaseFiles cases;

	HousingReferralService(RuntimeService runtime, CaseFiles cases) {
		this.runtime = runtime;
		this.cases = cases;
	}

	/** Refers the case's household to housing; {@code immediate} when it sleeps rough tonight (else HIGH). */
	public ProcessInstance refer(String caseNumber, boolean immediate) {
		return refer(caseNumber, immediate ? HousingReferralSettings.IMMEDIATE : HousingReferralSettings.HIGH,
				immediate);
	}

	/**
	 * Refers the case's household to housing with the triage's priority ({@code IMMEDIATE}, {@code HIGH} or
	 * {@code NORMAL}), which the housing tasks' due dates follow, as reception's call activity hands it over.
	 *
	 * @throws IllegalArgumentException for another priority: a fault of the caller
	 */
	public ProcessInstance refer(String caseNumber, String priority, boolean sleepingRoughTonight) {
		if (!List.of(HousingReferralSettings.IMMEDIATE, HousingReferralSettings.HIGH, HousingReferralSettings.NORMAL)
			.contains(priority)) {
			throw new IllegalArgumentException("priority must be IMMEDIATE, HIGH or NORMAL, not " + priority);
		}
		CaseSummary file = cases.summary(caseNumber);
		Map<String, Object> variables = new HashMap<>();
		CaseVariables.CASE_NUMBER.put(variables, caseNumber);
		CaseVariables.UNIT_CODE.put(variables, file.getOwningUnit());
		CaseVariables.PERSON_NAME.put(variables, file.getReferencePerson().fullName());
		variables.put(Variables.DISTRICT, file.getDistrict());
		HousingReferralProcess.PRIORITY.put(variables, priority);
		HousingReferralProcess.IMMEDIATE_HOUSING.put(variables, sleepingRoughTonight);
		HousingReferralProcess.SLEEPING_ROUGH_TONIGHT.put(variables, sleepingRoughTonight);
		return runtime.startProcessInstanceByKey(HousingReferralProcess.KEY, caseNumber, variables);
	}

	/**
	 * The household left its shelter: correlates {@code housing-exit} to the case's stay, which
	 * frees the beds.
	 *
	 * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException when the case has no stay
	 */
	public void departed(String caseNumber, String reason) {
		runtime.createMessageCorrelation(HousingReferralProcess.MESSAGE_EXIT)
			.processInstanceBusinessKey(caseNumber)
			.setVariable(Variables.DEPARTURE_REASON, reason)
			.correlate();
	}

}
