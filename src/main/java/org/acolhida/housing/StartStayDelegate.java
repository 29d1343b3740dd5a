package org.acolhida.housing;

import java.util.HashMap;
import java.util.Map;

import org.acolhida.housing.HousingReferralProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The household is placed: starts {@code housing-stay} with the case number as business key, which
 * waits for the departure (a task, or the message {@code housing-exit}), so that the referral, and
 * the reception that called it, can end now.
 * <p>
 * Reads {@code caseNumber}, {@code unitCode}, {@code personName}, {@code chosenShelter},
 * {@code shelterName}, {@code placementId}, {@code placedSince}, {@code placedSinceText}; passes them on. Writes nothing here.
 */
@Component("startStayDelegate")
class StartStayDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		Map<String, Object> variables = new HashMap<>();
		for (String name : new String[] { Variables.CASE_NUMBER, Variables.UNIT_CODE, Variables.PERSON_NAME,
				Variables.CHOSEN_SHELTER, Variables.SHELTER_NAME, Variables.PLACEMENT_ID, Variables.PLACED_SINCE,
				Variables.PLACED_SINCE_TEXT }) {
			variables.put(name, execution.getVariable(name));
		}
		execution.getProcessEngineServices()
			.getRuntimeService()
			.createProcessInstanceByKey(HousingReferralProcess.STAY_KEY)
			.businessKey(execution.getProcessBusinessKey())
			.setVariables(variables)
			.execute();
	}

}
