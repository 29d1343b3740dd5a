package org.acolhida.reception;

import java.util.List;

import org.acolhida.cases.CaseFiles;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;

/**
 * The follow-up found needs still open: the case stays open and listening starts again with a
 * clean triage. Reads {@code caseNumber}; removes {@code priority} and the referral flags, so the
 * next listening tasks are due as at the desk and the triage decides afresh. Raises nothing.
 */
@Component("reopenListeningDelegate")
class ReopenListeningDelegate implements JavaDelegate {

	private static final List<String> TRIAGE_OUTPUTS = List.of(Variables.PRIORITY, Variables.REFER_DOCUMENTATION,
			Variables.REFER_HOUSING, Variables.REFER_LITERACY, Variables.REFER_CREAS, Variables.REFER_LEGAL_AID,
			Variables.REFER_HEALTH, Variables.IMMEDIATE_HOUSING, Variables.REFER_CAD_UNICO_INCLUSION,
			Variables.REFER_CAD_UNICO_UPDATE, Variables.REFER_BPC, Variables.FOLLOW_UP_DECISION);

	private final CaseFiles cases;

	ReopenListeningDelegate(CaseFiles cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		cases.reopen(CASE_NUMBER.from(execution).get());
		execution.removeVariables(TRIAGE_OUTPUTS);
	}

}
