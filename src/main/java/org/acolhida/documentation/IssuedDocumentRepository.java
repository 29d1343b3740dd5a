package org.acolhida.documentation;

import java.util.List;

import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

/** The documents issued to the members of households, by case. */
interface IssuedDocumentRepository extends CrudRepository<IssuedDocument, Long> {

	@Transactional(readOnly = true)
	List<IssuedDocument> findByCaseNumberOrderByIssuedOnAscIdAsc(String caseNumber);

}
