package org.acolhida.literacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The seats, enrolments and waitlist tables. Every change of state is one guarded statement
 * ({@code ... WHERE status = 'ENROLLED'}, {@code ... WHERE taken < seats}) that reports whether it
 * happened, so that two transactions racing for the same row cannot both win: the loser's
 * statement waits for the winner's commit and then no longer matches. That is why this is plain
 * SQL rather than aggregates that are saved whole.
 */
@Repository
class SeatLedger {

	private static final String ENROLLMENT = """
			SELECT e.id, e.learner_ref, e.case_number, u.code, e.since, e.status, e.no_shows, e.ended
			FROM class_enrollment e JOIN service_unit u ON u.id = e.class_unit
			""";

	private static final String WAITLIST = """
			SELECT w.id, w.learner_ref, w.case_number, w.language, w.level, w.audience, w.municipality, w.district,
			       w.since, w.status, u.code AS offered_code, w.offered_at
			FROM class_waitlist w LEFT JOIN service_unit u ON u.id = w.offered_class
			""";

	private final NamedParameterJdbcTemplate jdbc;

	SeatLedger(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// --- seats ---

	/** The class's id if the unit has seats (is or was a literacy class). */
	Optional<Long> classId(String code) {
		return jdbc.query("SELECT s.class_unit FROM class_seats s JOIN service_unit u ON u.id = s.class_unit"
				+ " WHERE u.code = :code", Map.of("code", code), (rs, i) -> rs.getLong(1)).stream().findFirst();
	}

	boolean unitExists(String code) {
		return !jdbc.queryForList("SELECT id FROM service_unit WHERE code = :code", Map.of("code", code), Long.class)
			.isEmpty();
	}

	/**
	 * Takes a seat if one is free and the class is active. The guard in the statement is what keeps
	 * "taken &lt;= seats" under concurrency; the CHECK constraint is the backstop.
	 */
	boolean takeSeat(long classId) {
		return jdbc.update("""
				UPDATE class_seats SET taken = taken + 1
				WHERE class_unit = :id AND taken < seats
				  AND EXISTS (SELECT 1 FROM service_unit u WHERE u.id = :id AND u.active)
				""", Map.of("id", classId)) == 1;
	}

	void releaseSeat(long classId) {
		int released = jdbc.update("UPDATE class_seats SET taken = taken - 1 WHERE class_unit = :id AND taken > 0",
				Map.of("id", classId));
		if (released != 1) {
			throw new IllegalStateException("class " + classId + " has no seat taken to release");
		}
	}

	/** Locks the class's seat row until the transaction ends: offers for it are made one at a time. */
	void lockSeats(long classId) {
		jdbc.query("SELECT class_unit FROM class_seats WHERE class_unit = :id FOR UPDATE", Map.of("id", classId),
				rs -> {
				});
	}

	/** Locks every active class's seat row, in one order, so that two callers cannot deadlock. */
	void lockActiveClassSeats() {
		jdbc.query("""
				SELECT s.class_unit FROM class_seats s
				WHERE s.class_unit IN (SELECT u.id FROM service_unit u WHERE u.kind = 'LITERACY_CLASS' AND u.active)
				ORDER BY s.class_unit FOR UPDATE
				""", Map.of(), rs -> {
		});
	}

	// --- enrolments ---

	Optional<Enrollment> enrollment(long id, boolean forUpdate) {
		if (forUpdate) {
			// Lock the row by itself: PostgreSQL refuses FOR UPDATE on the outer side of a join.
			jdbc.query("SELECT id FROM class_enrollment WHERE id = :id FOR UPDATE", Map.of("id", id), rs -> {
			});
		}
		return jdbc.query(ENROLLMENT + " WHERE e.id = :id", Map.of("id", id), SeatLedger::enrollment)
			.stream()
			.findFirst();
	}

	Optional<Enrollment> seatHeld(String learnerRef, long classId) {
		return jdbc.query(ENROLLMENT + " WHERE e.learner_ref = :learner AND e.holds_seat_in = :class",
				Map.of("learner", learnerRef, "class", classId), SeatLedger::enrollment).stream().findFirst();
	}

	List<Enrollment> enrollmentsOfCase(String caseNumber) {
		return jdbc.query(ENROLLMENT + " WHERE e.case_number = :case ORDER BY e.id", Map.of("case", caseNumber),
				SeatLedger::enrollment);
	}

	long insertEnrollment(String learnerRef, String caseNumber, long classId, Instant since) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update("""
				INSERT INTO class_enrollment (learner_ref, case_number, class_unit, since, status, no_shows, holds_seat_in)
				VALUES (:learner, :case, :class, :since, 'ENROLLED', 0, :class)
				""", new MapSqlParameterSource().addValue("learner", learnerRef)
			.addValue("case", caseNumber)
			.addValue("class", classId)
			.addValue("since", time(since)), key, new String[] { "id" });
		return key.getKey().longValue();
	}

	void countNoShow(long id) {
		jdbc.update("UPDATE class_enrollment SET no_shows = no_shows + 1 WHERE id = :id AND status = 'ENROLLED'",
				Map.of("id", id));
	}

	/** Ends an enrolment that holds a seat; false if it had ended already. Returns the seat separately. */
	boolean end(long id, Enrollment.Status status, Instant at) {
		return jdbc.update("""
				UPDATE class_enrollment SET status = :status, holds_seat_in = NULL, ended = :at
				WHERE id = :id AND status = 'ENROLLED'
				""", new MapSqlParameterSource("id", id).addValue("status", status.name()).addValue("at", time(at))) == 1;
	}

	long classOfEnrollment(long id) {
		return jdbc.queryForObject("SELECT class_unit FROM class_enrollment WHERE id = :id", Map.of("id", id),
				Long.class);
	}

	// --- waitlist ---

	Optional<WaitlistEntry> waitlistEntry(long id) {
		return waitlist(" WHERE w.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
	}

	Optional<WaitlistEntry> openEntry(String learnerRef) {
		return waitlist(" WHERE w.open_learner = :learner", new MapSqlParameterSource("learner", learnerRef)).stream()
			.findFirst();
	}

	/** Learners waiting (not offered a seat), longest waiting first. */
	List<WaitlistEntry> waiting() {
		return waitlist(" WHERE w.status = 'WAITING'", new MapSqlParameterSource());
	}

	/** Learners waiting for what the class teaches, where it is, longest waiting first. */
	List<WaitlistEntry> waitingFor(ClassOption option) {
		return waitlist(" WHERE w.status = 'WAITING' AND w.language = :language AND w.level = :level"
				+ " AND w.audience = :audience AND LOWER(w.municipality) = LOWER(:municipality)",
				new MapSqlParameterSource("language", option.language()).addValue("level", option.level().name())
					.addValue("audience", option.audience().name())
					.addValue("municipality", option.municipality()));
	}

	long insertWaitlistEntry(String learnerRef, String caseNumber, LearnerNeed need, Instant since) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update("""
				INSERT INTO class_waitlist (learner_ref, case_number, language, level, audience, municipality, district,
				                            since, status, open_learner)
				VALUES (:learner, :case, :language, :level, :audience, :municipality, :district, :since, 'WAITING', :learner)
				""", new MapSqlParameterSource().addValue("learner", learnerRef)
			.addValue("case", caseNumber)
			.addValue("language", need.language())
			.addValue("level", need.level().name())
			.addValue("audience", need.audience().name())
			.addValue("municipality", need.municipality())
			.addValue("district", need.district())
			.addValue("since", time(since)), key, new String[] { "id" });
		long id = key.getKey().longValue();
		List<WeeklyInterval> availability = need.availability();
		MapSqlParameterSource[] rows = new MapSqlParameterSource[availability.size()];
		for (int i = 0; i < rows.length; i++) {
			WeeklyInterval slot = availability.get(i);
			rows[i] = new MapSqlParameterSource("entry", id).addValue("key", i)
				.addValue("day", slot.dayOfWeek())
				.addValue("opens", slot.opensMinute())
				.addValue("closes", slot.closesMinute());
		}
		jdbc.batchUpdate("""
				INSERT INTO class_waitlist_availability (class_waitlist, class_waitlist_key, day_of_week, opens_minute, closes_minute)
				VALUES (:entry, :key, :day, :opens, :closes)
				""", rows);
		return id;
	}

	/** Marks a waiting learner as offered a seat of the class; false if they were no longer waiting. */
	boolean offer(long entryId, String classCode, Instant at) {
		return jdbc.update("""
				UPDATE class_waitlist
				SET status = 'OFFERED', offered_at = :at,
				    offered_class = (SELECT s.class_unit FROM class_seats s JOIN service_unit u ON u.id = s.class_unit
				                     WHERE u.code = :class)
				WHERE id = :id AND status = 'WAITING'
				""", new MapSqlParameterSource("id", entryId).addValue("class", classCode).addValue("at", time(at))) == 1;
	}

	/** Offers not taken up before the instant go back to waiting, keeping their place in the queue. */
	int expireOffers(Instant before) {
		return jdbc.update("""
				UPDATE class_waitlist SET status = 'WAITING', offered_class = NULL, offered_at = NULL
				WHERE status = 'OFFERED' AND offered_at < :before
				""", new MapSqlParameterSource("before", time(before)));
	}

	boolean backToWaiting(long entryId) {
		return jdbc.update("""
				UPDATE class_waitlist SET status = 'WAITING', offered_class = NULL, offered_at = NULL
				WHERE id = :id AND status = 'OFFERED'
				""", Map.of("id", entryId)) == 1;
	}

	/** The learner's offer of a seat in this class, if any, goes back to waiting. */
	void offerLapsed(String learnerRef, long classId) {
		jdbc.update("""
				UPDATE class_waitlist SET status = 'WAITING', offered_class = NULL, offered_at = NULL
				WHERE open_learner = :learner AND status = 'OFFERED' AND offered_class = :class
				""", Map.of("learner", learnerRef, "class", classId));
	}

	/** Closes the learner's open waitlist entry, if any, as ENROLLED or CANCELLED. */
	void closeOpenEntry(String learnerRef, WaitlistEntry.Status status) {
		jdbc.update("""
				UPDATE class_waitlist SET status = :status, open_learner = NULL, offered_class = NULL, offered_at = NULL
				WHERE open_learner = :learner
				""", Map.of("learner", learnerRef, "status", status.name()));
	}

	boolean cancel(long entryId) {
		return jdbc.update("""
				UPDATE class_waitlist SET status = 'CANCELLED', open_learner = NULL, offered_class = NULL, offered_at = NULL
				WHERE id = :id AND status IN ('WAITING', 'OFFERED')
				""", Map.of("id", entryId)) == 1;
	}

	/** Open entries (waiting or offered) for the demand report, of one municipality or of all. */
	List<DemandReport.Waiting> openDemand(String municipality) {
		String filter = municipality == null ? "" : " AND LOWER(municipality) = LOWER(:municipality)";
		MapSqlParameterSource params = new MapSqlParameterSource("municipality", municipality);
		return jdbc.query("SELECT language, level, audience, municipality, district, since, status FROM class_waitlist"
				+ " WHERE status IN ('WAITING', 'OFFERED')" + filter, params,
				(rs, i) -> new DemandReport.Waiting(rs.getString("language"), Level.valueOf(rs.getString("level")),
						Audience.valueOf(rs.getString("audience")), rs.getString("municipality"),
						rs.getString("district"), instant(rs, "since"), "OFFERED".equals(rs.getString("status"))));
	}

	private List<WaitlistEntry> waitlist(String where, MapSqlParameterSource params) {
		Map<Long, List<WeeklyInterval>> availability = new HashMap<>();
		jdbc.query("SELECT a.class_waitlist, a.day_of_week, a.opens_minute, a.closes_minute"
				+ " FROM class_waitlist_availability a WHERE a.class_waitlist IN (SELECT w.id FROM class_waitlist w" + where
				+ ") ORDER BY a.class_waitlist, a.class_waitlist_key", params, rs -> {
					availability.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
						.add(new WeeklyInterval(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
				});
		return jdbc.query(WAITLIST + where + " ORDER BY w.since, w.id", params, (rs, i) -> {
			long id = rs.getLong("id");
			LearnerNeed need = new LearnerNeed(rs.getString("language"), Level.valueOf(rs.getString("level")),
					Audience.valueOf(rs.getString("audience")), rs.getString("municipality"), rs.getString("district"),
					availability.getOrDefault(id, List.of()));
			return new WaitlistEntry(id, rs.getString("learner_ref"), rs.getString("case_number"), need,
					instant(rs, "since"), WaitlistEntry.Status.valueOf(rs.getString("status")),
					rs.getString("offered_code"), instant(rs, "offered_at"));
		});
	}

	private static Enrollment enrollment(ResultSet rs, int row) throws SQLException {
		return new Enrollment(rs.getLong("id"), rs.getString("learner_ref"), rs.getString("case_number"),
				rs.getString("code"), instant(rs, "since"), Enrollment.Status.valueOf(rs.getString("status")),
				rs.getInt("no_shows"), instant(rs, "ended"));
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

}
