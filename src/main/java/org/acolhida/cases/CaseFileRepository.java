package org.acolhida.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Case files, looked up by case number and by what identifies a person. */
interface CaseFileRepository extends ListCrudRepository<CaseFile, Long> {

	@Transactional(readOnly = true)
	Optional<CaseFile> findByCaseNumber(String caseNumber);

	/**
	 * The unit owning a case, read alone: every signed-in process start asks it (see CaseStartGuard), and
	 * the whole aggregate would cost four statements.
	 */
	@Transactional(readOnly = true)
	@Query("SELECT owning_unit FROM case_file WHERE case_number = :caseNumber")
	Optional<String> findOwningUnit(String caseNumber);

	/** Cases other than {@code caseNumber} in which someone holds a document with one of these numbers. */
	@Transactional(readOnly = true)
	@Query("""
			SELECT DISTINCT c.case_number FROM case_file c JOIN member_document d ON d.case_file = c.id
			WHERE d.number_key IN (:numberKeys) AND c.case_number <> :caseNumber AND c.merged_into IS NULL
			ORDER BY c.case_number
			""")
	List<String> findCasesWithDocuments(@Param("numberKeys") Collection<String> numberKeys,
			@Param("caseNumber") String caseNumber);

	/** Cases other than {@code caseNumber} with a person of that name, birth date and nationality. */
	@Transactional(readOnly = true)
	@Query("""
			SELECT DISTINCT c.case_number FROM case_file c JOIN case_member m ON m.case_file = c.id
			WHERE LOWER(m.given_name) = LOWER(:givenName) AND LOWER(m.family_name) = LOWER(:familyName)
			  AND m.birth_date = :birthDate AND LOWER(m.nationality) = LOWER(:nationality)
			  AND c.case_number <> :caseNumber AND c.merged_into IS NULL
			ORDER BY c.case_number
			""")
	List<String> findCasesWithPerson(@Param("givenName") String givenName, @Param("familyName") String familyName,
			@Param("birthDate") LocalDate birthDate, @Param("nationality") String nationality,
			@Param("caseNumber") String caseNumber);

	@Transactional(readOnly = true)
	@Query("SELECT nextval('case_number_seq')")
	long nextCaseSequence();

}
