package org.acolhida.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.acolhida.errors.FieldErrors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases for auditors. The case file gives number, person, unit and dates; the engine's history
 * gives the workers (read as the signed-in auditor, so the engine's authorizations decide what a
 * worker search can see). A read-only report over the case tables, hence plain SQL rather than the
 * case file aggregate, which only loads one case at a time.
 */
@Service
class CaseSearch {

	/** Enough for a person to scan; a narrower search finds the rest. */
	static final int LIMIT = 100;

	private final NamedParameterJdbcTemplate jdbc;

	private final HistoryService history;

	CaseSearch(NamedParameterJdbcTemplate jdbc, HistoryService history) {
		this.jdbc = jdbc;
		this.history = history;
	}

	/**
	 * What the auditor asks for; every criterion is optional, given ones must all hold.
	 * @param caseNumber the case number or its beginning
	 * @param person part of the name of anyone in the household
	 * @param unit the unit that owns the case now or owned it before a transfer
	 * @param from cases open on or after this day ...
	 * @param to ... and on or before this day (days in the server's time zone)
	 * @param worker a user who worked a task of the case or started one of its processes
	 */
	record Criteria(String caseNumber, String person, String unit, LocalDate from, LocalDate to, String worker) {

		boolean isEmpty() {
			return blank(caseNumber) && blank(person) && blank(unit) && from == null && to == null && blank(worker);
		}

	}

	@Transactional(readOnly = true)
	List<CaseSummary> find(Criteria criteria) {
		FieldErrors errors = new FieldErrors();
		if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
			errors.reject("to", "is before 'from'");
		}
		if (criteria.isEmpty()) {
			errors.reject("caseNumber", "give at least one of case number, person, unit, dates or worker");
		}
		errors.throwIfAny();
		StringBuilder sql = new StringBuilder("""
				SELECT c.case_number, c.owning_unit, c.status, c.opened_at, c.closed_at,
				       (SELECT m.given_name || ' ' || m.family_name FROM case_member m
				         WHERE m.case_file = c.id AND m.member_no = 1) AS person,
				       (SELECT COUNT(*) FROM case_member m WHERE m.case_file = c.id) AS members
				  FROM case_file c WHERE 1 = 1
				""");
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		if (!blank(criteria.caseNumber())) {
			sql.append(" AND UPPER(c.case_number) LIKE :caseNumber");
			parameters.addValue("caseNumber", likeEscaped(criteria.caseNumber().trim().toUpperCase(Locale.ROOT)) + "%");
		}
		if (!blank(criteria.person())) {
			sql.append("""
					 AND EXISTS (SELECT 1 FROM case_member m WHERE m.case_file = c.id
					   AND LOWER(m.given_name || ' ' || m.family_name) LIKE :person)""");
			parameters.addValue("person", "%" + likeEscaped(criteria.person().trim().toLowerCase(Locale.ROOT)) + "%");
		}
		if (!blank(criteria.unit())) {
			sql.append("""
					 AND (c.owning_unit = :unit OR EXISTS (SELECT 1 FROM case_transfer t WHERE t.case_file = c.id
					   AND (t.from_unit = :unit OR t.to_unit = :unit)))""");
			parameters.addValue("unit", criteria.unit().trim().toUpperCase(Locale.ROOT));
		}
		ZoneId zone = ZoneId.systemDefault();
		if (criteria.to() != null) {
			sql.append(" AND c.opened_at < :toExclusive");
			parameters.addValue("toExclusive", criteria.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		if (criteria.from() != null) {
			sql.append(" AND (c.closed_at IS NULL OR c.closed_at >= :from)");
			parameters.addValue("from", criteria.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (!blank(criteria.worker())) {
			Set<String> worked = casesWorkedBy(criteria.worker().trim());
			if (worked.isEmpty()) {
				return List.of();
			}
			sql.append(" AND c.case_number IN (:worked)");
			parameters.addValue("worked", worked);
		}
		sql.append(" ORDER BY c.opened_at DESC, c.case_number DESC LIMIT " + LIMIT);
		return jdbc.query(sql.toString(), parameters,
				(rs, row) -> new CaseSummary(rs.getString("case_number"), rs.getString("person"), rs.getInt("members"),
						rs.getString("owning_unit"), rs.getString("status"), instant(rs.getObject("opened_at", OffsetDateTime.class)),
						instant(rs.getObject("closed_at", OffsetDateTime.class))));
	}

	/** Business keys (case numbers) of the process instances in which the user worked or which they started. */
	private Set<String> casesWorkedBy(String worker) {
		Set<String> instanceIds = new LinkedHashSet<>();
		for (HistoricTaskInstance task : Pages.all(history.createHistoricTaskInstanceQuery().taskAssignee(worker))) {
			instanceIds.add(task.getProcessInstanceId());
		}
		// a task completed without being claimed first has no assignee: the operation log knows who
		Pages.all(history.createUserOperationLogQuery().userId(worker)).stream()
			.filter(entry -> entry.getProcessInstanceId() != null)
			.forEach(entry -> instanceIds.add(entry.getProcessInstanceId()));
		Set<String> caseNumbers = new LinkedHashSet<>();
		Pages.all(history.createHistoricProcessInstanceQuery().startedBy(worker)).stream()
			.map(HistoricProcessInstance::getBusinessKey)
			.forEach(caseNumbers::add);
		List<String> ids = new ArrayList<>(instanceIds);
		// the engine's IN lists are bounded; ask in slices
		for (int i = 0; i < ids.size(); i += 500) {
			Set<String> slice = new LinkedHashSet<>(ids.subList(i, Math.min(ids.size(), i + 500)));
			Pages.all(history.createHistoricProcessInstanceQuery().processInstanceIds(slice)).stream()
				.map(HistoricProcessInstance::getBusinessKey)
				.forEach(caseNumbers::add);
		}
		caseNumbers.remove(null);
		return caseNumbers;
	}

	private static String likeEscaped(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
