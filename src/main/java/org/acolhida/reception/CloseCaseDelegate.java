package org.acolhida.reception;

import org.acolhida.cases.CaseFiles;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/** Closes the case file after the follow-up interview. Reads {@code caseNumber}; raises nothing. */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

	private final CaseFiles cases;

	CloseCaseDelegate(CaseFiles cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		cases.close(CASE_NUMBER.from(execution).get());
	}

}
