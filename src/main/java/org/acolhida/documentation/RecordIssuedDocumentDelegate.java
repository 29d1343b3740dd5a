package org.acolhida.documentation;

import java.time.Clock;
import org.acolhida.language.FormMessages;
import org.acolhida.language.FormValues;
import java.time.LocalDate;

import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.protocols.ProvidesVariables;
import org.acolhida.errors.FieldErrors;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.acolhida.variables.CaseVariables.CASE_NUMBER;
import static org.acolhida.variables.CaseVariables.UNIT_CODE;

/**
 * Writes an issued document to the case file and, if it expires, schedules its renewal reminder as
 * an instance of its own (see {@link DocumentationService#scheduleRenewal}), so that neither this
 * trail nor reception waits until then.
 * <p>
 * Reads {@code caseNumber}, {@code memberNo}, {@code documentType}, {@code documentNumber},
 * {@code expiryDate} (optional: CPF and codice fiscale do not expire), {@code officeCode} or
 * {@code officeName}, {@code unitCode}. Writes a row of {@code issued_document}; sets no variables.
 * Raises a form refusal (REST 400, see {@link FormMessages#refused}) for a missing document number, an
 * expiry date that is not after today, or a number already recorded for that member and document:
 * the outcome form stays open and nothing is written.
 */
@Component("recordIssuedDocumentDelegate")
class RecordIssuedDocumentDelegate implements JavaDelegate {

	private final IssuedDocumentRepository issued;

	private final DocumentationService documentation;

	private final UnitDirectory units;

	private final FormMessages messages;

	private final Clock clock;

	RecordIssuedDocumentDelegate(IssuedDocumentRepository issued, DocumentationService documentation,
			UnitDirectory units, FormMessages messages, Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.issued = issued;
		this.documentation = documentation;
		this.units = units;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.from(execution).get();
		int memberNo = DocumentationProcess.MEMBER_NO.from(execution).get();
		String type = DocumentationProcess.DOCUMENT_TYPE.from(execution).get();
		LocalDate today = LocalDate.ofInstant(clock.instant(),
				units.unit(UNIT_CODE.from(execution).get()).getZone());
		String number;
		LocalDate expiry;
		try {
			FieldErrors errors = new FieldErrors();
			number = FormValues.text(execution.getVariable(Variables.DOCUMENT_NUMBER));
			expiry = FormValues.date(execution.getVariable(Variables.EXPIRY_DATE), Variables.EXPIRY_DATE);
			if (number == null) {
				errors.reject(Variables.DOCUMENT_NUMBER, "is required when the document was issued");
			}
			else if (number.length() > 80) {
				errors.reject(Variables.DOCUMENT_NUMBER, "is longer than 80 characters");
			}
			else if (issued.findByCaseNumberOrderByIssuedOnAscIdAsc(caseNumber).stream()
				.anyMatch(d -> d.memberNo() == memberNo && d.documentType().equals(type)
						&& d.documentNumber().equalsIgnoreCase(number))) {
				errors.reject(Variables.DOCUMENT_NUMBER, "is already recorded for this member");
			}
			if (expiry != null && !expiry.isAfter(today)) {
				errors.reject(Variables.EXPIRY_DATE, "must be after today");
			}
			errors.throwIfAny();
		}
		catch (InvalidInputException e) {
			throw messages.refused(e, UNIT_CODE.from(execution).getOrNull());
		}
		String office = FormValues.text(execution.getVariable(Variables.OFFICE_CODE));
		if (office == null) {
			office = FormValues.text(execution.getVariable(Variables.OFFICE_NAME));
		}
		IssuedDocument document = issued.save(new IssuedDocument(null, caseNumber, memberNo, type, number, today,
				expiry, office, clock.instant(), execution.getProcessInstanceId()));
		documentation.scheduleRenewal(document);
	}

}
