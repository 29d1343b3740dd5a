package org.acolhida.documentation;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A document issued to a member of a household, as the adviser recorded it after the appointment:
 * part of the case file (by case number and member number), kept by this feature.
 *
 * @param expiresOn null for documents that do not expire (CPF, codice fiscale)
 * @param issuingOffice the office's unit code, or its name when the adviser found it by hand
 */
@Table("issued_document")
public record IssuedDocument(@Id Long id, String caseNumber, int memberNo, String documentType,
		String documentNumber, LocalDate issuedOn, LocalDate expiresOn, String issuingOffice, Instant recordedAt,
		String processInstanceId) {

}
