package org.acolhida.reception;

import org.acolhida.language.FormValues;
import java.util.List;

import org.acolhida.cases.CaseFile;
import org.acolhida.cases.CaseFiles;
import org.acolhida.cases.NewCase;
import org.acolhida.cases.NewPerson;
import org.acolhida.cases.NewPerson.NewDocument;
import org.acolhida.language.WorkLanguage;
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
 * Opens the household's case file from the start form, unless the instance was started by
 * {@link ReceptionService} for a case that exists.
 * <p>
 * Reads {@code unitCode} (blank: the unit of {@code initiator}), {@code givenName},
 * {@code familyName}, {@code birthDate}, {@code nationality}, {@code languages}, {@code district},
 * {@code interpreterNeeded}, {@code documentType}, {@code documentNumber}. Writes
 * {@code caseNumber}, {@code unitCode}, {@code personName}, sets the business key to the case number
 * and removes the personal start-form fields, which the case file now holds. Raises
 * {@link InvalidFormException} (REST 400, a message in Tasklist) on bad
 * input: missing fields, an unknown unit, a birth date in the future; the start then rolls back.
 */
@Component("openCaseDelegate")
class OpenCaseDelegate implements JavaDelegate {

	private static final List<String> START_FORM_FIELDS = List.of(Variables.GIVEN_NAME, Variables.FAMILY_NAME,
			Variables.BIRTH_DATE, Variables.NATIONALITY, Variables.LANGUAGES, Variables.DOCUMENT_TYPE,
			Variables.DOCUMENT_NUMBER);

	private final CaseFiles cases;

	private final WorkLanguage language;

	private final FormMessages messages;

	OpenCaseDelegate(CaseFiles cases, WorkLanguage language, FormMessages messages) {
		this.cases = cases;
		this.language = language;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseFile file;
		String existing = FormValues.text(execution.getVariable(Variables.CASE_NUMBER));
		if (existing != null) {
			file = cases.find(existing);
		}
		else {
			file = open(execution);
		}
		execution.setProcessBusinessKey(file.getCaseNumber());
		CASE_NUMBER.on(execution).set(file.getCaseNumber());
		UNIT_CODE.on(execution).set(file.getOwningUnit());
		PERSON_NAME.on(execution).set(file.getReferencePerson().fullName());
		execution.setVariable(Variables.INTERPRETER_NEEDED, file.isInterpreterNeeded());
		if (file.getDistrict() != null) {
			execution.setVariable(Variables.DISTRICT, file.getDistrict());
		}
		execution.removeVariables(START_FORM_FIELDS);
	}

	private CaseFile open(DelegateExecution execution) {
		String initiator = FormValues.text(execution.getVariable(Variables.INITIATOR));
		String unit = FormValues.text(execution.getVariable(Variables.UNIT_CODE));
		if (unit == null && initiator != null) {
			unit = language.unitOf(initiator).orElse(null);
		}
		try {
			NewPerson person = new NewPerson(null, FormValues.text(execution.getVariable(Variables.GIVEN_NAME)),
					FormValues.text(execution.getVariable(Variables.FAMILY_NAME)),
					FormValues.date(execution.getVariable(Variables.BIRTH_DATE), Variables.BIRTH_DATE),
					FormValues.text(execution.getVariable(Variables.NATIONALITY)),
					FormValues.codes(execution.getVariable(Variables.LANGUAGES)),
					List.of(new NewDocument(FormValues.text(execution.getVariable(Variables.DOCUMENT_TYPE)),
							FormValues.text(execution.getVariable(Variables.DOCUMENT_NUMBER)))));
			return cases.open(new NewCase(unit, person, FormValues.text(execution.getVariable(Variables.DISTRICT)),
					FormValues.flag(execution.getVariable(Variables.INTERPRETER_NEEDED))), initiator);
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, unit);
		}
	}

}
