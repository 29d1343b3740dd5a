package org.acolhida.cases;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/** Case files as whole aggregates; the reads and writes of a process step are in {@link CaseFileStatements}. */
interface CaseFileRepository extends ListCrudRepository<CaseFile, Long> {

	@Transactional(readOnly = true)
	Optional<CaseFile> findByCaseNumber(String caseNumber);

	@Transactional(readOnly = true)
	@Query("SELECT nextval('case_number_seq')")
	long nextCaseSequence();

}
