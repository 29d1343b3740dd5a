package org.acolhida.units;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-unit directory as managers maintain it. Processes look units up through
 * {@link UnitDirectory}, which holds the directory in memory.
 */
interface ServiceUnitRepository extends ListCrudRepository<ServiceUnit, Long> {

	@Transactional(readOnly = true)
	Optional<ServiceUnit> findByCode(String code);

	@Transactional(readOnly = true)
	boolean existsByCode(String code);

	/**
	 * Units matching every filter given, by code; a null filter matches all. Each is read whole, with
	 * its shelter's or class's facts.
	 */
	@Transactional(readOnly = true)
	default List<ServiceUnit> search(String kind, String municipality, String district, String language,
			Boolean active) {
		// A query of our own maps only the unit's own columns: a shelter's beds and a class's seats
		// live in tables of their own, which only the repository's own reads join.
		return findAllById(searchIds(kind, municipality, district, language, active)).stream()
			.sorted(Comparator.comparing(ServiceUnit::getCode))
			.toList();
	}

	/** The ids of the units matching every filter given; a null filter matches all. */
	@Transactional(readOnly = true)
	@Query("""
			SELECT u.id FROM service_unit u
			WHERE (CAST(:kind AS VARCHAR) IS NULL OR u.kind = :kind)
			  AND (CAST(:municipality AS VARCHAR) IS NULL OR LOWER(u.municipality) = LOWER(:municipality))
			  AND (CAST(:active AS BOOLEAN) IS NULL OR u.active = :active)
			  AND (CAST(:district AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM unit_district d
			       WHERE d.service_unit = u.id AND LOWER(d.district) = LOWER(:district)))
			  AND (CAST(:language AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM unit_language l
			       WHERE l.service_unit = u.id AND l.language = LOWER(:language)))
			""")
	List<Long> searchIds(@Param("kind") String kind, @Param("municipality") String municipality,
			@Param("district") String district, @Param("language") String language, @Param("active") Boolean active);

}
