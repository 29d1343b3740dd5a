package org.acolhida.reception;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acolhida.cases.CaseFiles;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * Looks for cases that may be this household: same document number, or same name, birth date and
 * nationality. Reads {@code caseNumber}; writes {@code duplicateFound} and, when found,
 * {@code duplicateCandidates} (JSON list of case numbers, the options of the resolve form).
 */
@Component("checkDuplicatesDelegate")
class CheckDuplicatesDelegate implements JavaDelegate {

	private final CaseFiles cases;

	private final ObjectMapper json;

	CheckDuplicatesDelegate(CaseFiles cases, ObjectMapper json) {
		this.cases = cases;
		this.json = json;
	}

	@Override
	public void execute(DelegateExecution execution) throws JsonProcessingException {
		List<String> candidates = cases.possibleDuplicates(CASE_NUMBER.from(execution).get());
		ReceptionProcess.DUPLICATE_FOUND.on(execution).set(!candidates.isEmpty());
		if (!candidates.isEmpty()) {
			execution.setVariable(Variables.DUPLICATE_CANDIDATES,
					SpinValues.jsonValue(json.writeValueAsString(candidates)).create());
		}
	}

}
