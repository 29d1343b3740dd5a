package org.acolhida.rma;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.acolhida.units.ServiceUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts behind the RMA items: each item is ONE aggregate query over our tables ({@code case_file},
 * {@code case_transfer}, {@code case_listening}, {@code class_enrollment}) and, for what only the engine
 * knows, its history ({@code ACT_HI_TASKINST}, {@code ACT_HI_VARINST}, {@code ACT_HI_PROCINST}, whose
 * business key is the case number). Each query groups by case, so one statement gives both the figure
 * and the cases behind it; no case is loaded.
 * <p>
 * A month is the calendar month in the unit's own time zone: {@code [first instant, first instant of the
 * next month)}. Our tables store instants ({@code TIMESTAMP WITH TIME ZONE}); the engine's history
 * stores the JVM's local time ({@code TIMESTAMP}), as the engine wrote it, so it is compared with
 * {@link Timestamp}s, which JDBC converts the same way.
 */
@Component
@Transactional(readOnly = true)
class RmaQueries {

	/**
	 * The individual attendances the RMA counts (CRAS C.1, CREAS M.1): a completed qualified listening,
	 * follow-up interview, or documentation orientation ("segretariato").
	 */
	static final List<String> ATTENDANCES = List.of("task_qualified_listening", "task_follow_up_interview",
			"task_orientation");

	/**
	 * Each case's latest listening at the unit before the month ends: what the unit knew of the family
	 * that month. Parameters: unit, end, end.
	 */
	private static final String LATEST_LISTENING = """
			SELECT l.* FROM case_listening l
			WHERE l.unit_code = ? AND l.listened_at < ?
			  AND NOT EXISTS (SELECT 1 FROM case_listening n WHERE n.case_file = l.case_file AND n.unit_code = l.unit_code
			      AND n.listened_at < ? AND (n.listened_at > l.listened_at OR (n.listened_at = l.listened_at AND n.id > l.id)))
			""";

	/**
	 * The listening that first put a family into the unit's PAIF, if it fell in the month: PAIF said yes,
	 * and no earlier listening of the unit said so. Parameters: unit, start, end.
	 */
	private static final String PAIF_INSERTIONS = """
			SELECT l.* FROM case_listening l
			WHERE l.unit_code = ? AND l.paif = TRUE AND l.listened_at >= ? AND l.listened_at < ?
			  AND NOT EXISTS (SELECT 1 FROM case_listening e WHERE e.case_file = l.case_file AND e.unit_code = l.unit_code
			      AND e.paif = TRUE AND (e.listened_at < l.listened_at OR (e.listened_at = l.listened_at AND e.id < l.id)))
			""";

	/**
	 * When the case came to its current unit: its last transfer there, else its opening. Over
	 * {@code case_file cf}.
	 */
	private static final String ARRIVAL = """
			COALESCE((SELECT MAX(t.transferred_at) FROM case_transfer t WHERE t.case_file = cf.id
			    AND t.to_unit = cf.owning_unit), cf.opened_at)""";

	private final JdbcTemplate jdbc;

	RmaQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** CRAS A.1: families whose latest listening at the unit has them in the PAIF, case not closed before the month. */
	Counted familiesInPaif(ServiceUnit unit, YearMonth month) {
		Window w = Window.of(unit, month);
		return cases("""
				SELECT cf.case_number, COUNT(*) FROM (%s) l JOIN case_file cf ON cf.id = l.case_file
				WHERE l.paif = TRUE AND cf.merged_into IS NULL AND (cf.closed_at IS NULL OR cf.closed_at >= ?)
				GROUP BY cf.case_number ORDER BY cf.case_number
				""".formatted(LATEST_LISTENING), unit.getCode(), w.end(), w.end(), w.start());
	}

	/** CRAS A.2: families first put into the unit's PAIF by a listening of the month. */
	Counted newFamiliesInPaif(ServiceUnit unit, YearMonth month) {
		return paifInsertions(unit, month, "TRUE");
	}

	/**
	 * CRAS B.x: of the families new in the PAIF this month, those for which {@code condition} (over the
	 * inserting listening {@code l}) holds, e.g. {@code l.bolsa_familia = TRUE}.
	 */
	Counted newFamiliesInPaif(ServiceUnit unit, YearMonth month, String condition, Object... parameters) {
		return paifInsertions(unit, month, condition, parameters);
	}

	private Counted paifInsertions(ServiceUnit unit, YearMonth month, String condition, Object... parameters) {
		Window w = Window.of(unit, month);
		List<Object> all = new ArrayList<>(List.of(unit.getCode(), w.start(), w.end()));
		all.addAll(List.of(parameters));
		return cases("""
				SELECT cf.case_number, COUNT(*) FROM (%s) l JOIN case_file cf ON cf.id = l.case_file
				WHERE %s GROUP BY cf.case_number ORDER BY cf.case_number
				""".formatted(PAIF_INSERTIONS, condition), all.toArray());
	}

	/** CRAS B.1: extreme poverty, income per person at most the line. */
	Counted newFamiliesInPaifAtMost(ServiceUnit unit, YearMonth month, BigDecimal incomeLine) {
		return paifInsertions(unit, month, "l.income_per_person <= ?", incomeLine);
	}

	/**
	 * CRAS C.1, CREAS M.1: the attendances completed in the month for the unit's cases, counted one by
	 * one (the figure is attendances, not families).
	 */
	Counted attendances(ServiceUnit unit, YearMonth month) {
		Window w = Window.of(unit, month);
		String keys = String.join(", ", ATTENDANCES.stream().map(k -> "'" + k + "'").toList());
		return cases("""
				SELECT p.BUSINESS_KEY_, COUNT(*) FROM ACT_HI_TASKINST t
				JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_
				JOIN case_file cf ON cf.case_number = p.BUSINESS_KEY_
				WHERE cf.owning_unit = ? AND t.TASK_DEF_KEY_ IN (%s) AND t.DELETE_REASON_ = 'completed'
				  AND t.END_TIME_ >= ? AND t.END_TIME_ < ?
				GROUP BY p.BUSINESS_KEY_ ORDER BY p.BUSINESS_KEY_
				""".formatted(keys), unit.getCode(), w.engineStart(), w.engineEnd());
	}

	/**
	 * CRAS C.2–C.5, CREAS M.3: the unit's cases with a generic referral of one of these kinds made in the
	 * month (each multi-instance of the reception's generic referral holds its kind in
	 * {@code referralKind}, which the history keeps with the time it was made).
	 */
	Counted referred(ServiceUnit unit, YearMonth month, List<String> kinds) {
		Window w = Window.of(unit, month);
		String marks = String.join(", ", kinds.stream().map(k -> "?").toList());
		List<Object> parameters = new ArrayList<>(List.of(unit.getCode()));
		parameters.addAll(kinds);
		parameters.add(w.engineStart());
		parameters.add(w.engineEnd());
		return cases("""
				SELECT p.BUSINESS_KEY_, COUNT(DISTINCT p.BUSINESS_KEY_) FROM ACT_HI_VARINST v
				JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_
				JOIN case_file cf ON cf.case_number = p.BUSINESS_KEY_
				WHERE cf.owning_unit = ? AND p.PROC_DEF_KEY_ = 'reception' AND v.NAME_ = 'referralKind'
				  AND v.TEXT_ IN (%s) AND v.CREATE_TIME_ >= ? AND v.CREATE_TIME_ < ?
				GROUP BY p.BUSINESS_KEY_ ORDER BY p.BUSINESS_KEY_
				""".formatted(marks), parameters.toArray());
	}

	/**
	 * CRAS D.6: people of the unit's cases who held a seat in a literacy or vocational class during the
	 * month; a person counts once however many classes.
	 */
	Counted inClasses(ServiceUnit unit, YearMonth month) {
		Window w = Window.of(unit, month);
		return cases("""
				SELECT e.case_number, COUNT(DISTINCT e.learner_ref) FROM class_enrollment e
				JOIN case_file cf ON cf.case_number = e.case_number
				WHERE cf.owning_unit = ? AND e.since < ? AND (e.ended IS NULL OR e.ended >= ?)
				GROUP BY e.case_number ORDER BY e.case_number
				""", unit.getCode(), w.end(), w.start());
	}

	/**
	 * CREAS A.1: cases the unit follows in the month (a case at a CREAS is a PAEFI case): arrived
	 * before the month ended, not closed before it began.
	 */
	Counted casesFollowed(ServiceUnit unit, YearMonth month) {
		Window w = Window.of(unit, month);
		return cases("""
				SELECT cf.case_number, COUNT(*) FROM case_file cf
				WHERE cf.owning_unit = ? AND cf.merged_into IS NULL AND %s < ? AND (cf.closed_at IS NULL OR cf.closed_at >= ?)
				GROUP BY cf.case_number ORDER BY cf.case_number
				""".formatted(ARRIVAL), unit.getCode(), w.end(), w.start());
	}

	/**
	 * CREAS A.2 and its profile: cases that came to the unit in the month, opened there or transferred
	 * to it, for which {@code condition} holds over their latest listening {@code l} before the month
	 * ended, at any unit ({@code TRUE} for all).
	 */
	Counted newCases(ServiceUnit unit, YearMonth month, String condition) {
		Window w = Window.of(unit, month);
		return cases("""
				SELECT cf.case_number, COUNT(*) FROM case_file cf
				LEFT JOIN case_listening l ON l.case_file = cf.id AND l.listened_at < ?
				  AND NOT EXISTS (SELECT 1 FROM case_listening n WHERE n.case_file = cf.id AND n.listened_at < ?
				      AND (n.listened_at > l.listened_at OR (n.listened_at = l.listened_at AND n.id > l.id)))
				WHERE cf.owning_unit = ? AND cf.merged_into IS NULL AND %s >= ? AND %s < ? AND (%s)
				GROUP BY cf.case_number ORDER BY cf.case_number
				""".formatted(ARRIVAL, ARRIVAL, condition), w.end(), w.end(), unit.getCode(), w.start(), w.end());
	}

	private Counted cases(String sql, Object... parameters) {
		List<String> cases = new ArrayList<>();
		long[] total = { 0 };
		jdbc.query(sql, row -> {
			cases.add(row.getString(1));
			total[0] += row.getLong(2);
		}, parameters);
		return new Counted(total[0], cases);
	}

	/** A calendar month at the unit, for our tables (instants) and the engine's (local timestamps). */
	private record Window(OffsetDateTime start, OffsetDateTime end) {

		static Window of(ServiceUnit unit, YearMonth month) {
			Instant start = month.atDay(1).atStartOfDay(unit.getZone()).toInstant();
			Instant end = month.plusMonths(1).atDay(1).atStartOfDay(unit.getZone()).toInstant();
			return new Window(start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC));
		}

		Timestamp engineStart() {
			return Timestamp.from(start.toInstant());
		}

		Timestamp engineEnd() {
			return Timestamp.from(end.toInstant());
		}

	}

}
