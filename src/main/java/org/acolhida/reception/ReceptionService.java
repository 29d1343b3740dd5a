package org.acolhida.reception;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts receptions from Java (integrations, imports): opens the case file and starts the
 * {@code reception} process with the case number as business key, in one transaction. Tasklist
 * starts it from the start form instead; the open-case delegate then opens the case.
 */
@Service
public class ReceptionService {

	private final CaseFiles cases;

	private final RuntimeService runtime;

	ReceptionService(CaseFiles cases, RuntimeService runtime) {
		this.cases = cases;
		this.runtime = runtime;
	}

	/** Opens the case and starts its reception; bad input is refused before anything is written. */
	@Transactional
	public ProcessInstance start(NewCase request, String openedBy) {
		CaseFile file = cases.open(request, openedBy);
		VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables()
			.putValue(Variables.CASE_NUMBER, file.getCaseNumber())
			.putValue(Variables.UNIT_CODE, file.getOwningUnit())
			.putValue(Variables.INITIATOR, openedBy);
		return runtime.startProcessInstanceByKey(ReceptionProcess.KEY, file.getCaseNumber(), variables);
	}


}
