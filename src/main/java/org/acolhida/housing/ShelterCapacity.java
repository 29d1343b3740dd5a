package org.acolhida.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import java.time.Clock;
import org.acolhida.housing.HoldAttempt.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live shelter capacity: holds on beds, their confirmation into placements, release, expiry,
 * declines and departures. The rule "held + occupied &le; total" is the database's
 * ({@code ck_shelter_capacity_not_oversold}); every change of the counts is one guarded statement,
 * so that of two referrals racing for the last bed exactly one gets it and the other gets
 * {@link Outcome#NO_ROOM}, never an error.
 *
 * <p>Plain SQL rather than aggregates on purpose: loading a count, changing it in Java and saving
 * it back would lose exactly the race this class exists for.
 *
 * <p>Every method is one transaction (joining the engine's when called from a delegate) and safe
 * to repeat: a hold's state changes only from HELD, so a retried confirm, release, expiry or exit
 * changes no count twice.
 */
@Service
@Transactional
public class ShelterCapacity {

	private static final String HOLD = """
			SELECT h.id, h.case_number, u.code AS shelter_code, h.beds, h.held_by, h.held_at, h.expires_at,
			       h.status, h.ended_at, h.end_reason, h.service_unit
			FROM bed_hold h JOIN service_unit u ON u.id = h.service_unit
			""";

	private static final String PLACEMENT = """
			SELECT p.id, p.bed_hold, p.case_number, u.code AS shelter_code, p.beds, p.since, p.ended_at,
			       p.end_reason, p.service_unit
			FROM placement p JOIN service_unit u ON u.id = p.service_unit
			""";

	private final JdbcClient db;

	private final Duration defaultHold;

	private final Clock clock;

	ShelterCapacity(JdbcClient db, HousingProperties properties, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.defaultHold = properties.hold();
	}

	/** How long a hold lasts unless the caller says otherwise ({@code acolhida.housing.hold}). */
	public Duration defaultHoldDuration() {
		return defaultHold;
	}

	/**
	 * Holds beds for a case, or nothing when the shelter has no room or cannot be referred to; use
	 * {@link #attemptHold} to learn why.
	 */
	public Optional<BedHold> hold(String caseNumber, String shelterCode, int beds, String heldBy, Duration duration) {
		return attemptHold(caseNumber, shelterCode, beds, heldBy, duration).held();
	}

	/**
	 * Holds {@code beds} beds at a shelter for a case until now + {@code duration} (the default
	 * when null). A case that already holds beds there gets that same hold back (a retried
	 * referral never holds twice). No room, an inactive shelter, a unit that is not a shelter and
	 * an unknown code are outcomes, not exceptions.
	 *
	 * @throws IllegalArgumentException for a blank case number or holder, or beds &lt; 1: a fault in
	 * the caller
	 */
	public HoldAttempt attemptHold(String caseNumber, String shelterCode, int beds, String heldBy,
			Duration duration) {
		require(caseNumber, "case number");
		require(heldBy, "who holds the beds");
		if (beds < 1) {
			throw new IllegalArgumentException("case " + caseNumber + ": a hold is for at least one bed, not " + beds);
		}
		Duration lasting = duration == null ? defaultHold : duration;
		if (lasting.isNegative() || lasting.isZero()) {
			throw new IllegalArgumentException("case " + caseNumber + ": a hold must last a while, not " + lasting);
		}
		if (shelterCode == null || shelterCode.isBlank()) {
			return HoldAttempt.refused(Outcome.UNKNOWN_SHELTER, "No shelter chosen");
		}
		Optional<UnitRow> found = db.sql("""
				SELECT u.id, u.kind, u.active, c.service_unit AS counted
				FROM service_unit u LEFT JOIN shelter_capacity c ON c.service_unit = u.id
				WHERE u.code = :code
				""")
			.param("code", shelterCode)
			.query((rs, row) -> new UnitRow(rs.getLong("id"), rs.getString("kind"), rs.getBoolean("active"),
					rs.getObject("counted") != null))
			.optional();
		if (found.isEmpty()) {
			return HoldAttempt.refused(Outcome.UNKNOWN_SHELTER, "No unit with code '" + shelterCode + "'");
		}
		UnitRow unit = found.get();
		if (!"SHELTER".equals(unit.kind())) {
			return HoldAttempt.refused(Outcome.NOT_A_SHELTER, shelterCode + " is a " + unit.kind() + ", not a shelter");
		}
		if (!unit.active()) {
			return HoldAttempt.refused(Outcome.SHELTER_INACTIVE, "The shelter " + shelterCode + " is not active");
		}
		if (!unit.counted()) {
			// A shelter written to the database by other means than the units API: start counting it.
			db.sql("""
					INSERT INTO shelter_capacity (service_unit, total, held, occupied)
					SELECT f.service_unit, f.beds, 0, 0 FROM shelter_facts f WHERE f.service_unit = :unit
					""").param("unit", unit.id()).update();
		}
		Optional<BedHold> live = db.sql(HOLD + " WHERE h.service_unit = :unit AND h.held_case = :caseNumber")
			.param("unit", unit.id())
			.param("caseNumber", caseNumber)
			.query(ShelterCapacity::hold)
			.optional();
		if (live.isPresent()) {
			return HoldAttempt.held(live.get());
		}
		// The guard: one statement that adds the beds only if they fit. Concurrent holds on the same
		// shelter queue on its row; each re-reads the counts the previous one left.
		int added = db.sql("""
				UPDATE shelter_capacity SET held = held + :beds
				WHERE service_unit = :unit AND held + occupied + :beds <= total
				""")
			.param("beds", beds)
			.param("unit", unit.id())
			.update();
		if (added == 0) {
			return HoldAttempt.refused(Outcome.NO_ROOM, "The shelter " + shelterCode + " has fewer than " + beds
					+ " free beds");
		}
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		db.sql("""
				INSERT INTO bed_hold (service_unit, case_number, beds, held_by, held_at, expires_at, status, held_case)
				VALUES (:unit, :caseNumber, :beds, :heldBy, :heldAt, :expiresAt, 'HELD', :caseNumber)
				""")
			.param("unit", unit.id())
			.param("caseNumber", caseNumber)
			.param("beds", beds)
			.param("heldBy", heldBy)
			.param("heldAt", time(now))
			.param("expiresAt", time(now.plus(lasting)))
			.update(key, "id");
		return HoldAttempt.held(requireHold(generatedId(key)));
	}

	/**
	 * The shelter accepted: the held beds become occupied and the household is placed there from
	 * now. Confirming again returns the same placement and occupies nothing more. A hold that was
	 * released or has expired cannot be confirmed: empty, refer again. A hold that is still HELD
	 * past its expiry time (not yet swept by {@link #expireHolds}) is confirmed, since its beds
	 * were never given to anyone else.
	 *
	 * @throws IllegalArgumentException for an unknown hold id
	 */
	public Optional<Placement> confirm(long holdId) {
		BedHold hold = requireHold(holdId);
		Instant now = clock.instant();
		if (end(hold, HoldStatus.CONFIRMED, "accepted by the shelter", now)) {
			long unit = unitOf(holdId);
			moveCount("held = held - :beds, occupied = occupied + :beds", unit, hold.beds());
			db.sql("""
					INSERT INTO placement (bed_hold, service_unit, case_number, beds, since)
					VALUES (:hold, :unit, :caseNumber, :beds, :since)
					""")
				.param("hold", holdId)
				.param("unit", unit)
				.param("caseNumber", hold.caseNumber())
				.param("beds", hold.beds())
				.param("since", time(now))
				.update();
			// Placed: the household no longer waits for a bed anywhere.
			db.sql("""
					UPDATE waitlist_entry SET status = 'PLACED', waiting_case = NULL, ended_at = :now
					WHERE waiting_case = :caseNumber
					""").param("now", time(now)).param("caseNumber", hold.caseNumber()).update();
		}
		return db.sql(PLACEMENT + " WHERE p.bed_hold = :hold").param("hold", holdId).query(ShelterCapacity::placement)
			.optional();
	}

	/**
	 * Gives held beds back (the worker withdrew the referral, the process was cancelled).
	 *
	 * @return true if this call released the hold; false if it was no longer HELD
	 * @throws IllegalArgumentException for an unknown hold id
	 */
	public boolean release(long holdId, String reason) {
		BedHold hold = requireHold(holdId);
		if (end(hold, HoldStatus.RELEASED, reason == null ? "released" : reason, clock.instant())) {
			moveCount("held = held - :beds", unitOf(holdId), hold.beds());
			return true;
		}
		return false;
	}

	/**
	 * Releases every hold whose time ran out by {@code now} and returns them (status EXPIRED), so
	 * that the caller can tell the coordinators. Holds expired by a concurrent call are not
	 * returned twice.
	 */
	public List<BedHold> expireHolds(Instant now) {
		List<BedHold> due = db.sql(HOLD + " WHERE h.status = 'HELD' AND h.expires_at <= :now ORDER BY h.expires_at, h.id")
			.param("now", time(now))
			.query(ShelterCapacity::hold)
			.list();
		List<BedHold> expired = new ArrayList<>();
		for (BedHold hold : due) {
			if (end(hold, HoldStatus.EXPIRED, "no answer before " + hold.expiresAt(), now)) {
				moveCount("held = held - :beds", unitOf(hold.id()), hold.beds());
				expired.add(requireHold(hold.id()));
			}
		}
		return expired;
	}

	/**
	 * Expires one hold whose time has run out by now (the referral's own timer, set to
	 * {@link BedHold#expiresAt()}); a hold that is not HELD or not yet due is left alone.
	 *
	 * @return true if this call expired the hold and gave its beds back
	 * @throws IllegalArgumentException for an unknown hold id
	 */
	public boolean expire(long holdId) {
		BedHold hold = requireHold(holdId);
		Instant now = clock.instant();
		if (hold.expiresAt().isAfter(now)) {
			return false;
		}
		if (end(hold, HoldStatus.EXPIRED, "no answer before " + hold.expiresAt(), now)) {
			moveCount("held = held - :beds", unitOf(holdId), hold.beds());
			return true;
		}
		return false;
	}

	/**
	 * The shelter declined the referral: the hold is released (if still HELD) and the shelter is
	 * not offered this case again. Declining again records nothing more.
	 *
	 * @return true if this call recorded the decline
	 * @throws IllegalArgumentException for an unknown hold id, or a blank reason or decliner
	 * @throws IllegalStateException if the shelter had already accepted the hold (the household is
	 * placed; {@link #exit} ends that)
	 */
	public boolean decline(long holdId, String reason, String by) {
		require(reason, "reason for declining");
		require(by, "who declined");
		BedHold hold = requireHold(holdId);
		if (hold.status() == HoldStatus.CONFIRMED) {
			throw new IllegalStateException("hold " + holdId + " of case " + hold.caseNumber() + " was accepted by "
					+ hold.shelterCode() + " already; end the placement instead");
		}
		Instant now = clock.instant();
		if (end(hold, HoldStatus.RELEASED, "declined: " + reason, now)) {
			moveCount("held = held - :beds", unitOf(holdId), hold.beds());
		}
		boolean recorded = db.sql("SELECT COUNT(*) FROM shelter_decline WHERE bed_hold = :hold").param("hold", holdId)
			.query(Integer.class).single() > 0;
		if (recorded) {
			return false;
		}
		db.sql("""
				INSERT INTO shelter_decline (bed_hold, service_unit, case_number, reason, declined_at, declined_by)
				VALUES (:hold, :unit, :caseNumber, :reason, :at, :by)
				""")
			.param("hold", holdId)
			.param("unit", unitOf(holdId))
			.param("caseNumber", hold.caseNumber())
			.param("reason", truncate(reason))
			.param("at", time(now))
			.param("by", by)
			.update();
		return true;
	}

	/** The household left its shelter: {@link #exit(String, String)} with reason "left the shelter". */
	public List<Placement> exit(String caseNumber) {
		return exit(caseNumber, "left the shelter");
	}

	/**
	 * The household left: its current placements end now and their beds are free again.
	 *
	 * @return the placements this call ended (empty when there was none, e.g. on a retry)
	 */
	public List<Placement> exit(String caseNumber, String reason) {
		require(caseNumber, "case number");
		String why = truncate(reason == null || reason.isBlank() ? "left the shelter" : reason);
		Instant now = clock.instant();
		List<Placement> current = db.sql(PLACEMENT + " WHERE p.case_number = :caseNumber AND p.ended_at IS NULL")
			.param("caseNumber", caseNumber)
			.query(ShelterCapacity::placement)
			.list();
		List<Placement> ended = new ArrayList<>();
		for (Placement placement : current) {
			int changed = db.sql("""
					UPDATE placement SET ended_at = :now, end_reason = :reason WHERE id = :id AND ended_at IS NULL
					""")
				.param("now", time(now))
				.param("reason", why)
				.param("id", placement.id())
				.update();
			if (changed == 1) {
				long unit = db.sql("SELECT service_unit FROM placement WHERE id = :id").param("id", placement.id())
					.query(Long.class).single();
				moveCount("occupied = occupied - :beds", unit, placement.beds());
				ended.add(new Placement(placement.id(), placement.holdId(), caseNumber, placement.shelterCode(),
						placement.beds(), placement.since(), now, why));
			}
		}
		return ended;
	}

	/** A hold by id, whatever its status. */
	@Transactional(readOnly = true)
	public Optional<BedHold> findHold(long holdId) {
		return db.sql(HOLD + " WHERE h.id = :id").param("id", holdId).query(ShelterCapacity::hold).optional();
	}

	/** Where the case's household sleeps now, if placed. */
	@Transactional(readOnly = true)
	public Optional<Placement> currentPlacement(String caseNumber) {
		return db.sql(PLACEMENT + " WHERE p.case_number = :caseNumber AND p.ended_at IS NULL ORDER BY p.since DESC, p.id DESC")
			.param("caseNumber", caseNumber)
			.query(ShelterCapacity::placement)
			.stream()
			.findFirst();
	}

	/** Every shelter's beds (of one municipality when given, any case), active or not. */
	@Transactional(readOnly = true)
	public List<ShelterOccupancy> occupancy(String municipality) {
		return db.sql("""
				SELECT u.code, u.name, u.municipality, u.active, COALESCE(c.total, f.beds) AS total,
				       COALESCE(c.held, 0) AS held, COALESCE(c.occupied, 0) AS occupied
				FROM service_unit u
				JOIN shelter_facts f ON f.service_unit = u.id
				LEFT JOIN shelter_capacity c ON c.service_unit = u.id
				WHERE u.kind = 'SHELTER'
				  AND (CAST(:municipality AS VARCHAR(100)) IS NULL OR LOWER(u.municipality) = LOWER(:municipality))
				ORDER BY u.municipality, u.code
				""")
			.param("municipality", municipality)
			.query((rs, row) -> {
				int total = rs.getInt("total");
				int held = rs.getInt("held");
				int occupied = rs.getInt("occupied");
				return new ShelterOccupancy(rs.getString("code"), rs.getString("name"), rs.getString("municipality"),
						rs.getBoolean("active"), total, held, occupied, total - held - occupied);
			})
			.list();
	}

	/** Moves a HELD hold to its end state; false if it was not HELD any more (someone else ended it). */
	private boolean end(BedHold hold, HoldStatus status, String reason, Instant now) {
		return db.sql("""
				UPDATE bed_hold SET status = :status, held_case = NULL, ended_at = :now, end_reason = :reason
				WHERE id = :id AND status = 'HELD'
				""")
			.param("status", status.name())
			.param("now", time(now))
			.param("reason", truncate(reason))
			.param("id", hold.id())
			.update() == 1;
	}

	/** Applies a change to a shelter's counts; the database's checks refuse a negative or oversold count. */
	private void moveCount(String assignments, long unit, int beds) {
		int changed = db.sql("UPDATE shelter_capacity SET " + assignments + " WHERE service_unit = :unit")
			.param("beds", beds)
			.param("unit", unit)
			.update();
		if (changed != 1) {
			throw new IllegalStateException("no capacity row for shelter unit " + unit);
		}
	}

	private long unitOf(long holdId) {
		return db.sql("SELECT service_unit FROM bed_hold WHERE id = :id").param("id", holdId).query(Long.class).single();
	}

	private BedHold requireHold(long holdId) {
		return findHold(holdId).orElseThrow(() -> new IllegalArgumentException("No bed hold with id " + holdId));
	}

	private static long generatedId(KeyHolder key) {
		// PostgreSQL may hand back every column, H2 only the key: look for it by name either way.
		Object id = key.getKeys() == null ? null
				: key.getKeys().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id"))
					.map(e -> e.getValue()).findFirst().orElse(null);
		if (id == null) {
			id = key.getKey();
		}
		return ((Number) id).longValue();
	}

	private static void require(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("the " + what + " is required");
		}
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 300 ? text : text.substring(0, 300);
	}

	static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	private static BedHold hold(ResultSet rs, int row) throws SQLException {
		return new BedHold(rs.getLong("id"), rs.getString("case_number"), rs.getString("shelter_code"),
				rs.getInt("beds"), rs.getString("held_by"), instant(rs, "held_at"), instant(rs, "expires_at"),
				HoldStatus.valueOf(rs.getString("status")), instant(rs, "ended_at"), rs.getString("end_reason"));
	}

	private static Placement placement(ResultSet rs, int row) throws SQLException {
		return new Placement(rs.getLong("id"), rs.getLong("bed_hold"), rs.getString("case_number"),
				rs.getString("shelter_code"), rs.getInt("beds"), instant(rs, "since"), instant(rs, "ended_at"),
				rs.getString("end_reason"));
	}

	private record UnitRow(long id, String kind, boolean active, boolean counted) {
	}

}
