package org.acolhida.housing;

import java.util.HashMap;
import java.util.Map;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.housing.HousingReferralProcess.Variables;
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

	/** Refers the case's household to housing; {@code immediate} when it sleeps rough tonight. */
	public ProcessInstance refer(String caseNumber, boolean immediate) {
		CaseFile file = cases.find(caseNumber);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.CASE_NUMBER, caseNumber);
		variables.put(Variables.UNIT_CODE, file.getOwningUnit());
		variables.put(Variables.PERSON_NAME, file.getReferencePerson().fullName());
		variables.put(Variables.DISTRICT, file.getDistrict());
		variables.put(Variables.PRIORITY, immediate ? "IMMEDIATE" : "HIGH");
		variables.put(Variables.IMMEDIATE_HOUSING, immediate);
		variables.put(Variables.SLEEPING_ROUGH_TONIGHT, immediate);
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
