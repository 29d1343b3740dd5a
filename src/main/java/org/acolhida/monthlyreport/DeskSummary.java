package org.acolhida.monthlyreport;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly activity summary of an Italian integrated desk ({@code desk-summary}), for the
 * municipality and Caritas, in Italian: cases taken in charge, people served by sex and age group,
 * services given (documents and residence permits and their outcomes, housing, literacy, legal
 * referrals), and people served by nationality (a breakdown whose lines vary by month, so no field of
 * the review form: {@code E.<nationality>}).
 * <p>
 * Every figure is one SQL aggregate on our tables, or on the engine's history where only the workflow
 * knows it (which documentation trails ended refused, which referrals went to legal aid), for the
 * cases the unit owns; the month runs from the 1st to the 1st in the unit's time zone. The case file
 * does not record a person's sex, so the two figures by sex are left for the coordinator to fill.
 * "Served in the month" means a member of a case of the unit that was open at some time in the month.
 */
@Component
class DeskSummary implements MonthlyCount {

	static final String REPORT = "desk-summary";

	/** The engine's name of the process whose trails end refused, and the ids it ends or refers at. */
	private static final String DOCUMENTATION = "documentation-guidance";

	private static final String END_REFUSED = "end_refused";

	private static final String REFER_LEGAL_AID = "task_refer_legal_aid";

	/** Cases of the unit (not merged into another) open at some time in the month. */
	private static final String ACTIVE = """
			f.owning_unit = :unit AND f.merged_into IS NULL AND f.opened_at < :to
			AND (f.closed_at IS NULL OR f.closed_at >= :from)""";

	private final JdbcClient db;

	DeskSummary(JdbcClient db) {
		this.db = db;
	}

	@Override
	public String report() {
		return REPORT;
	}

	@Override
	public boolean reportsFor(ServiceUnit unit) {
		return unit.getKind() == UnitKind.INTEGRATED_DESK && "IT".equals(unit.getCountry());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Figure> count(ServiceUnit unit, YearMonth month) {
		Params at = new Params(unit, month);
		List<Figure> figures = new ArrayList<>();
		figures.add(figure(at, "A.1", "A", "Nuove prese in carico nel mese", """
				SELECT f.case_number, 1 FROM case_file f
				WHERE f.owning_unit = :unit AND f.merged_into IS NULL AND f.opened_at >= :from AND f.opened_at < :to"""));
		figures.add(figure(at, "A.2", "A", "Casi ricevuti da altri servizi (trasferimenti)", """
				SELECT f.case_number, COUNT(*) FROM case_transfer t JOIN case_file f ON f.id = t.case_file
				WHERE t.to_unit = :unit AND t.transferred_at >= :from AND t.transferred_at < :to
				GROUP BY f.case_number"""));
		figures.add(figure(at, "A.3", "A", "Nuclei seguiti nel mese", "SELECT f.case_number, 1 FROM case_file f WHERE " + ACTIVE));
		figures.add(figure(at, "B.1", "B", "Persone seguite nel mese (componenti dei nuclei)", """
				SELECT f.case_number, COUNT(*) FROM case_file f JOIN case_member m ON m.case_file = f.id
				WHERE %s GROUP BY f.case_number""".formatted(ACTIVE)));
		figures.add(Figure.toFill("B.2", "B", "di cui donne"));
		figures.add(Figure.toFill("B.3", "B", "di cui uomini"));
		figures.add(ageGroup(at, "C.1", "Minori (0–17 anni)", null, 18));
		figures.add(ageGroup(at, "C.2", "18–29 anni", 18, 30));
		figures.add(ageGroup(at, "C.3", "30–49 anni", 30, 50));
		figures.add(ageGroup(at, "C.4", "50–64 anni", 50, 65));
		figures.add(ageGroup(at, "C.5", "65 anni e oltre", 65, null));
		figures.add(figure(at, "D.1", "D", "Orientamento ai documenti e al permesso di soggiorno: percorsi avviati", """
				SELECT p.BUSINESS_KEY_, COUNT(*) FROM ACT_HI_PROCINST p JOIN case_file f ON f.case_number = p.BUSINESS_KEY_
				WHERE p.PROC_DEF_KEY_ = '%s' AND f.owning_unit = :unit
				  AND p.START_TIME_ >= :fromTs AND p.START_TIME_ < :toTs
				GROUP BY p.BUSINESS_KEY_""".formatted(DOCUMENTATION)));
		figures.add(figure(at, "D.2", "D", "Documenti e permessi di soggiorno rilasciati", """
				SELECT d.case_number, COUNT(*) FROM issued_document d JOIN case_file f ON f.case_number = d.case_number
				WHERE f.owning_unit = :unit AND d.issued_on >= :firstDay AND d.issued_on <= :lastDay
				GROUP BY d.case_number"""));
		figures.add(figure(at, "D.3", "D", "Documenti e permessi rifiutati (inviati al servizio legale)", """
				SELECT p.BUSINESS_KEY_, COUNT(*) FROM ACT_HI_ACTINST a
				JOIN ACT_HI_PROCINST p ON p.ID_ = a.PROC_INST_ID_ JOIN case_file f ON f.case_number = p.BUSINESS_KEY_
				WHERE a.PROC_DEF_KEY_ = '%s' AND a.ACT_ID_ = '%s' AND f.owning_unit = :unit
				  AND a.END_TIME_ >= :fromTs AND a.END_TIME_ < :toTs
				GROUP BY p.BUSINESS_KEY_""".formatted(DOCUMENTATION, END_REFUSED)));
		figures.add(figure(at, "D.4", "D", "Inserimenti in accoglienza abitativa", """
				SELECT p.case_number, COUNT(*) FROM placement p JOIN case_file f ON f.case_number = p.case_number
				WHERE f.owning_unit = :unit AND p.since >= :from AND p.since < :to
				GROUP BY p.case_number"""));
		figures.add(figure(at, "D.5", "D", "Iscrizioni ai corsi di alfabetizzazione", """
				SELECT e.case_number, COUNT(*) FROM class_enrollment e JOIN case_file f ON f.case_number = e.case_number
				WHERE f.owning_unit = :unit AND e.since >= :from AND e.since < :to
				GROUP BY e.case_number"""));
		// Legal referrals come from two steps: reception's generic referral of kind LEGAL_AID (its element
		// variable), and documentation's referral after a refusal.
		figures.add(figure(at, "D.6", "D", "Invii al servizio legale", """
				SELECT k.case_number, COUNT(*) FROM (
				  SELECT p.BUSINESS_KEY_ AS case_number FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_
				  WHERE v.NAME_ = 'referralKind' AND v.TEXT_ = 'LEGAL_AID'
				    AND v.CREATE_TIME_ >= :fromTs AND v.CREATE_TIME_ < :toTs
				  UNION ALL
				  SELECT p.BUSINESS_KEY_ FROM ACT_HI_ACTINST a JOIN ACT_HI_PROCINST p ON p.ID_ = a.PROC_INST_ID_
				  WHERE a.PROC_DEF_KEY_ = '%s' AND a.ACT_ID_ = '%s'
				    AND a.START_TIME_ >= :fromTs AND a.START_TIME_ < :toTs
				) k JOIN case_file f ON f.case_number = k.case_number
				WHERE f.owning_unit = :unit
				GROUP BY k.case_number""".formatted(DOCUMENTATION, REFER_LEGAL_AID)));
		figures.addAll(nationalities(at));
		return figures;
	}

	private Figure ageGroup(Params at, String code, String name, Integer fromAge, Integer toAge) {
		// Ages at the month's last day, compared as birth dates so that one query runs on H2 and PostgreSQL.
		String where = (fromAge == null ? "" : " AND m.birth_date <= :oldestBorn")
				+ (toAge == null ? "" : " AND m.birth_date > :youngestBorn");
		Params params = at.withAges(fromAge, toAge);
		return figure(params, code, "C", name, """
				SELECT f.case_number, COUNT(*) FROM case_file f JOIN case_member m ON m.case_file = f.id
				WHERE %s%s GROUP BY f.case_number""".formatted(ACTIVE, where));
	}

	private List<Figure> nationalities(Params at) {
		var statement = db.sql("""
				SELECT m.nationality, COUNT(*) AS people FROM case_file f JOIN case_member m ON m.case_file = f.id
				WHERE %s GROUP BY m.nationality ORDER BY COUNT(*) DESC, m.nationality""".formatted(ACTIVE));
		return at.bind(statement)
			.query((row, n) -> new Figure("E." + row.getString(1), "E", "Nazionalità: " + row.getString(1),
					row.getLong(2), true, List.of()))
			.list();
	}

	/** An item counted by a query that returns each case behind it and how many it adds. */
	private Figure figure(Params at, String code, String block, String name, String sql) {
		Map<String, Long> byCase = new LinkedHashMap<>();
		at.bind(db.sql(sql))
			.query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
			.list()
			.forEach(entry -> byCase.merge(entry.getKey(), entry.getValue(), Long::sum));
		long value = byCase.values().stream().mapToLong(Long::longValue).sum();
		return new Figure(code, block, name, value, true, byCase.keySet().stream().sorted().toList());
	}

	/** The month's bounds in the unit's time zone, as each kind of column needs them. */
	private record Params(String unit, OffsetDateTime from, OffsetDateTime to, LocalDate firstDay, LocalDate lastDay,
			LocalDate oldestBorn, LocalDate youngestBorn) {

		Params(ServiceUnit unit, YearMonth month) {
			this(unit.getCode(), start(month, unit.getZone()), start(month.plusMonths(1), unit.getZone()),
					month.atDay(1), month.atEndOfMonth(), null, null);
		}

		private static OffsetDateTime start(YearMonth month, ZoneId zone) {
			return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
		}

		/** A person of {@code fromAge} or more was born on or before oldestBorn; younger than toAge after youngestBorn. */
		Params withAges(Integer fromAge, Integer toAge) {
			return new Params(unit, from, to, firstDay, lastDay,
					fromAge == null ? null : lastDay.minusYears(fromAge),
					toAge == null ? null : lastDay.minusYears(toAge));
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			JdbcClient.StatementSpec bound = statement.param("unit", unit)
				.param("from", from)
				.param("to", to)
				.param("fromTs", Timestamp.from(from.toInstant()))
				.param("toTs", Timestamp.from(to.toInstant()))
				.param("firstDay", firstDay)
				.param("lastDay", lastDay);
			if (oldestBorn != null) {
				bound = bound.param("oldestBorn", oldestBorn);
			}
			if (youngestBorn != null) {
				bound = bound.param("youngestBorn", youngestBorn);
			}
			return bound;
		}

	}

}
