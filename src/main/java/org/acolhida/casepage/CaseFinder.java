package org.acolhida.casepage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.acolhida.identity.CurrentUser;
import org.acolhida.language.ComposedTexts;
import org.acolhida.language.Words;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the cases a worker may read (the rule of {@code cases.CaseReaders}: the units they are a member
 * of; managers and the administrator, every unit), for the case list in Tasklist. The unit is a
 * condition of the query itself, so that a name typed at one unit never matches, counts or reveals a
 * person of another: another unit's case is simply not found.
 * <p>
 * Without a query, the unit's most recently opened cases (today's first); with one, cases whose number
 * contains it or one of whose household members' name does, ignoring case. Registrations that were found
 * to be an existing case ({@code merged_into}) are not listed: the case they went on as is.
 */
@Component
class CaseFinder {

	/** Enough for a desk's day; a search narrows further. */
	static final int MOST = 25;

	private final JdbcClient db;

	private final CurrentUser currentUser;

	private final UnitDirectory units;

	private final CasePages pages;

	private final ComposedTexts composed;

	private final Clock clock;

	CaseFinder(JdbcClient db, CurrentUser currentUser, UnitDirectory units, CasePages pages, ComposedTexts composed,
			Clock clock) {
		this.db = db;
		this.currentUser = currentUser;
		this.units = units;
		this.pages = pages;
		this.composed = composed;
		this.clock = clock;
	}

	/** The cases for {@code query} (null or blank: the recent ones), in {@code language}. */
	@Transactional(readOnly = true)
	List<CaseList.Row> find(String query, String language) {
		boolean network = currentUser.isNetwork();
		List<String> own = currentUser.groups().stream().filter(units::isActive).toList();
		if (!network && own.isEmpty()) {
			return List.of();
		}
		String typed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		StringBuilder sql = new StringBuilder("""
				SELECT c.case_number, c.owning_unit, c.status, c.opened_at, m.given_name, m.family_name
				FROM case_file c JOIN case_member m ON m.case_file = c.id AND m.member_no = 1
				WHERE c.merged_into IS NULL
				""");
		if (!network) {
			sql.append(" AND c.owning_unit IN (:units)");
		}
		if (!typed.isEmpty()) {
			sql.append("""
					 AND (LOWER(c.case_number) LIKE :pattern ESCAPE '!'
					      OR EXISTS (SELECT 1 FROM case_member x WHERE x.case_file = c.id
					                 AND LOWER(x.given_name || ' ' || x.family_name) LIKE :pattern ESCAPE '!'))
					""");
		}
		sql.append(" ORDER BY c.opened_at DESC, c.id DESC LIMIT " + MOST);
		JdbcClient.StatementSpec statement = db.sql(sql.toString());
		if (!network) {
			statement = statement.param("units", own);
		}
		if (!typed.isEmpty()) {
			statement = statement.param("pattern", "%" + typed.replaceAll("([!%_])", "!$1") + "%");
		}
		Words words = composed.in(language);
		List<Found> found = statement.query((rs, row) -> new Found(rs.getString("case_number"),
				rs.getString("owning_unit"), rs.getString("status"), rs.getTimestamp("opened_at"),
				(rs.getString("given_name") + " " + rs.getString("family_name")).strip()))
			.list();
		List<CaseList.Row> rows = new ArrayList<>();
		for (Found f : found) {
			ServiceUnit unit = units.unit(f.unitCode());
			ZoneId zone = unit.getZone();
			LocalDate opened = LocalDate.ofInstant(f.openedAt().toInstant(), zone);
			CasePage.Triage triage = pages.triageOf(f.caseNumber(), language);
			List<String> next = triage.nextStops().isEmpty() ? triage.referralsStarted()
					: triage.nextStops().stream().map(CasePage.NextStop::unit).toList();
			rows.add(new CaseList.Row(f.caseNumber(), f.person(), unit.getName(), words.date(opened),
					opened.equals(LocalDate.now(clock.withZone(zone))), CasePages.status(f.status(), language),
					triage.decided() ? triage.priority() : "", next));
		}
		return rows;
	}

	private record Found(String caseNumber, String unitCode, String status, Timestamp openedAt, String person) {
	}

}
