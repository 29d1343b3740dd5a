package org.acolhida.units;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-unit directory. Districts and languages are compared without regard to case, as
 * staff type them.
 */
interface ServiceUnitRepository extends ListCrudRepository<ServiceUnit, Long> {

	@Transactional(readOnly = true)
	Optional<ServiceUnit> findByCode(String code);

	@Transactional(readOnly = true)
	boolean existsByCode(String code);

	/** Units matching every filter given; a null filter matches all. */
	@Transactional(readOnly = true)
	@Query("""
			SELECT u.* FROM service_unit u
			WHERE (CAST(:kind AS VARCHAR) IS NULL OR u.kind = :kind)
			  AND (CAST(:municipality AS VARCHAR) IS NULL OR LOWER(u.municipality) = LOWER(:municipality))
			  AND (CAST(:active AS BOOLEAN) IS NULL OR u.active = :active)
			  AND (CAST(:district AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM unit_district d
			       WHERE d.service_unit = u.id AND LOWER(d.district) = LOWER(:district)))
			  AND (CAST(:language AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM unit_language l
			       WHERE l.service_unit = u.id AND l.language = LOWER(:language)))
			ORDER BY u.code
			""")
	List<ServiceUnit> search(@Param("kind") String kind, @Param("municipality") String municipality,
			@Param("district") String district, @Param("language") String language, @Param("active") Boolean active);

	@Transactional(readOnly = true)
	@Query("""
			SELECT u.* FROM service_unit u JOIN unit_district d ON d.service_unit = u.id
			WHERE u.kind = :kind AND u.active AND LOWER(u.municipality) = LOWER(:municipality)
			  AND LOWER(d.district) = LOWER(:district)
			ORDER BY u.code
			""")
	List<ServiceUnit> findServing(@Param("kind") String kind, @Param("municipality") String municipality,
			@Param("district") String district);

	@Transactional(readOnly = true)
	@Query("""
			SELECT u.* FROM service_unit u JOIN unit_language l ON l.service_unit = u.id
			WHERE u.kind = :kind AND u.active AND l.language = LOWER(:language)
			ORDER BY u.municipality, u.code
			""")
	List<ServiceUnit> findSpeaking(@Param("kind") String kind, @Param("language") String language);

	@Transactional(readOnly = true)
	@Query("""
			SELECT u.* FROM service_unit u JOIN unit_document_type t ON t.service_unit = u.id
			WHERE u.kind = 'DOCUMENT_OFFICE' AND u.active AND t.document_type = :documentType
			  AND LOWER(u.municipality) = LOWER(:municipality)
			ORDER BY u.code
			""")
	List<ServiceUnit> findOffices(@Param("documentType") String documentType,
			@Param("municipality") String municipality);

}
