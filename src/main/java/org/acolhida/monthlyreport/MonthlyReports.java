package org.acolhida.monthlyreport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly reports in our tables ({@code monthly_report}, {@code monthly_report_item}): planned,
 * drafted, confirmed. A confirmed report is never written again: {@link #confirm} only moves a draft.
 */
@Repository
class MonthlyReports {

	private final JdbcClient db;

	MonthlyReports(JdbcClient db) {
		this.db = db;
	}

	/** One report as stored. */
	record Report(long id, String unitCode, YearMonth month, String report, Status status, String confirmedBy,
			Instant confirmedAt, List<Item> items) {
	}

	/**
	 * One item as stored.
	 *
	 * @param value what the workflow counted at the draft; null for an item left to fill
	 * @param correctedValue what the coordinator confirmed, where it differs from the count or was filled
	 */
	record Item(String code, String block, String name, boolean counted, Long value, Long correctedValue,
			List<String> caseNumbers) {

		/** The figure the unit confirmed (or, before that, the draft's). */
		Long confirmedValue() {
			return correctedValue != null ? correctedValue : value;
		}

	}

	enum Status {
		PLANNED, DRAFT, CONFIRMED
	}

	/** Records that the unit's month is on its way; a second one for the same unit and month is refused by the key. */
	@Transactional
	long plan(String unitCode, YearMonth month, String report, String processInstanceId) {
		db.sql("""
				INSERT INTO monthly_report (unit_code, report_month, report, status, process_instance_id)
				VALUES (:unit, :month, :report, 'PLANNED', :pid)""")
			.param("unit", unitCode)
			.param("month", month.toString())
			.param("report", report)
			.param("pid", processInstanceId)
			.update();
		return db.sql("SELECT id FROM monthly_report WHERE unit_code = :unit AND report_month = :month")
			.param("unit", unitCode)
			.param("month", month.toString())
			.query(Long.class)
			.single();
	}

	/** Whether the unit's month has a report already, in any state. */
	@Transactional(readOnly = true)
	boolean exists(String unitCode, YearMonth month) {
		return db.sql("SELECT COUNT(*) FROM monthly_report WHERE unit_code = :unit AND report_month = :month")
			.param("unit", unitCode)
			.param("month", month.toString())
			.query(Long.class)
			.single() > 0;
	}

	/** Stores the draft's figures, replacing an earlier draft's (a re-run after an incident). */
	@Transactional
	void saveDraft(long id, List<Figure> figures, Instant at) {
		requireStatus(id, Status.PLANNED, Status.DRAFT);
		db.sql("DELETE FROM monthly_report_item WHERE monthly_report = :id").param("id", id).update();
		int position = 0;
		for (Figure figure : figures) {
			db.sql("""
					INSERT INTO monthly_report_item (monthly_report, position, code, block, name, counted, item_value,
					  case_numbers)
					VALUES (:id, :position, :code, :block, :name, :counted, :value, :cases)""")
				.param("id", id)
				.param("position", position++)
				.param("code", figure.code())
				.param("block", figure.block())
				.param("name", figure.name())
				.param("counted", figure.counted())
				.param("value", figure.counted() ? figure.value() : null)
				.param("cases", figure.caseNumbers().isEmpty() ? null : String.join(",", figure.caseNumbers()))
				.update();
		}
		db.sql("UPDATE monthly_report SET status = 'DRAFT', drafted_at = :at WHERE id = :id")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	/**
	 * Locks the month: the confirmed values of the items given (by code; others keep the draft's), who
	 * and when. Only a draft can be confirmed, once.
	 */
	@Transactional
	void confirm(long id, Map<String, Long> values, String confirmedBy, Instant at) {
		Report report = find(id).orElseThrow(() -> new IllegalStateException("Monthly report " + id + " is gone"));
		for (Item item : report.items()) {
			Long value = values.get(item.code());
			if (value != null && !value.equals(item.value())) {
				db.sql("UPDATE monthly_report_item SET corrected_value = :value WHERE monthly_report = :id AND code = :code")
					.param("value", value)
					.param("id", id)
					.param("code", item.code())
					.update();
			}
		}
		int locked = db.sql("""
				UPDATE monthly_report SET status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at
				WHERE id = :id AND status = 'DRAFT'""")
			.param("by", confirmedBy)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("id", id)
			.update();
		if (locked != 1) {
			throw new IllegalStateException("Monthly report " + id + " is not a draft: a confirmed month is locked");
		}
	}

	@Transactional(readOnly = true)
	Optional<Report> find(long id) {
		return db.sql("SELECT * FROM monthly_report WHERE id = :id").param("id", id).query(this::report).optional();
	}

	@Transactional(readOnly = true)
	Optional<Report> find(String unitCode, YearMonth month) {
		return db.sql("SELECT * FROM monthly_report WHERE unit_code = :unit AND report_month = :month")
			.param("unit", unitCode)
			.param("month", month.toString())
			.query(this::report)
			.optional();
	}

	private void requireStatus(long id, Status... allowed) {
		Status status = db.sql("SELECT status FROM monthly_report WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(Status::valueOf)
			.orElseThrow(() -> new IllegalStateException("Monthly report " + id + " is gone"));
		if (!Arrays.asList(allowed).contains(status)) {
			throw new IllegalStateException("Monthly report " + id + " is " + status + ": a confirmed month is locked");
		}
	}

	private Report report(ResultSet row, int rowNum) throws SQLException {
		long id = row.getLong("id");
		OffsetDateTime confirmedAt = row.getObject("confirmed_at", OffsetDateTime.class);
		return new Report(id, row.getString("unit_code"), YearMonth.parse(row.getString("report_month")),
				row.getString("report"), Status.valueOf(row.getString("status")), row.getString("confirmed_by"),
				confirmedAt == null ? null : confirmedAt.toInstant(), items(id));
	}

	private List<Item> items(long id) {
		return db.sql("SELECT * FROM monthly_report_item WHERE monthly_report = :id ORDER BY position")
			.param("id", id)
			.query((row, n) -> {
				String cases = row.getString("case_numbers");
				return new Item(row.getString("code"), row.getString("block"), row.getString("name"),
						row.getBoolean("counted"), nullableLong(row, "item_value"), nullableLong(row, "corrected_value"),
						cases == null || cases.isBlank() ? List.of() : List.of(cases.split(",")));
			})
			.list();
	}

	private static Long nullableLong(ResultSet row, String column) throws SQLException {
		long value = row.getLong(column);
		return row.wasNull() ? null : value;
	}

}
