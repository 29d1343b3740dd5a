package org.acolhida.documentation;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.acolhida.cases.CaseSummary;
import org.acolhida.documentation.DocumentationProcess.Variables;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts documentation guidance for a case that exists, outside reception (a renewal years later, a
 * household that comes back for one paper), and schedules renewal reminders. Every instance has the
 * case number as business key. Also answers which documents a case's members were issued.
 */
@Service
public class DocumentationService {

	private final CaseLookup cases;

	private final RuntimeService runtime;

	private final IssuedDocumentRepository issued;

	private final UnitDirectory units;

	private final DocumentationSettings settings;

	DocumentationService(CaseLookup cases, RuntimeService runtime, IssuedDocumentRepository issued,
			UnitDirectory units, DocumentationSettings settings) {
		this.cases = cases;
		this.runtime = runtime;
		this.issued = issued;
		this.units = units;
		this.settings = settings;
	}

	/**
	 * Starts guidance for an existing case: the adviser of the owning unit chooses the documents.
	 * Refuses a blank or unknown case number ({@link InvalidInputException} on {@code caseNumber})
	 * before anything starts.
	 */
	@Transactional
	public ProcessInstance start(String caseNumber, String startedBy) {
		CaseSummary file = cases.existing(caseNumber);
		return runtime.createProcessInstanceByKey(DocumentationProcess.KEY)
			.businessKey(file.getCaseNumber())
			.setVariable(Variables.CASE_NUMBER, file.getCaseNumber())
			.setVariable(Variables.UNIT_CODE, file.getOwningUnit())
			.setVariable(Variables.INITIATOR, startedBy)
			.execute();
	}

	/** The documents issued to the members of a case, oldest first. */
	@Transactional(readOnly = true)
	public List<IssuedDocument> issuedDocuments(String caseNumber) {
		return issued.findByCaseNumberOrderByIssuedOnAscIdAsc(caseNumber);
	}

	/**
	 * Starts the renewal instance of an issued document that expires: it waits, on a timer, until the
	 * renewal is due ({@code acolhida.documentation.renewal-before} before expiry, at the start of that
	 * day where the case's unit is) and then opens a renewal task at whichever unit owns the case then,
	 * open or closed. Returns null for a document that does not expire.
	 */
	ProcessInstance scheduleRenewal(IssuedDocument document) {
		if (document.expiresOn() == null) {
			return null;
		}
		CaseSummary file = cases.existing(document.caseNumber());
		ZoneId zone = units.unit(file.getOwningUnit()).getZone();
		Date dueAt = Date.from(document.expiresOn().minus(settings.getRenewalBefore()).atStartOfDay(zone).toInstant());
		DocumentRequest request = new DocumentRequest(
				org.acolhida.units.DocumentType.valueOf(document.documentType()), document.memberNo());
		return runtime.createMessageCorrelation(DocumentationProcess.RENEWAL_MESSAGE)
			.processInstanceBusinessKey(document.caseNumber())
			.setVariable(Variables.CASE_NUMBER, document.caseNumber())
			.setVariable(Variables.RENEWAL, true)
			.setVariable(Variables.DOCUMENT_REQUESTS, request.key())
			.setVariable(Variables.HOUSEHOLD_SITUATION, Situation.RENEWAL.name())
			.setVariable(Variables.RENEWAL_DUE_AT, dueAt)
			.setVariable(Variables.RENEWAL_EXPIRES_ON, document.expiresOn().toString())
			.setVariable(Variables.RENEWAL_DOCUMENT_NUMBER, document.documentNumber())
			.correlateStartMessage();
	}

}
