package org.acolhida.reception;

import org.acolhida.language.FormValues;
import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.language.FormMessages;
import org.acolhida.language.InvalidFormException;
import org.acolhida.reception.ReceptionProcess.Variables;
import org.acolhida.errors.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.PERSON_NAME;
import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * The worker found the household's existing case: the new registration is closed as merged into
 * it, and the reception goes on with the existing case. Reads {@code caseNumber},
 * {@code linkedCaseNumber}; writes {@code caseNumber}, {@code unitCode}, {@code personName} and the
 * business key. A case number that does not exist raises
 * {@link InvalidFormException}: the resolve task stays open.
 */
@Component("linkCaseDelegate")
class LinkCaseDelegate implements JavaDelegate {

	private final CaseFiles cases;

	private final FormMessages messages;

	LinkCaseDelegate(CaseFiles cases, FormMessages messages) {
		this.cases = cases;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String linked = FormValues.text(execution.getVariable(Variables.LINKED_CASE_NUMBER));
		CaseFile existing;
		try {
			if (linked == null) {
				throw new InvalidInputException(Variables.LINKED_CASE_NUMBER, "is required to link the case");
			}
			existing = cases.linkTo(CASE_NUMBER.from(execution).get(), linked);
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, UNIT_CODE.from(execution).getOrNull());
		}
		execution.setProcessBusinessKey(existing.getCaseNumber());
		CASE_NUMBER.on(execution).set(existing.getCaseNumber());
		UNIT_CODE.on(execution).set(existing.getOwningUnit());
		PERSON_NAME.on(execution).set(existing.getReferencePerson().fullName());
	}

}
