package org.acolhida.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import java.time.Clock;
import org.acolhida.housing.WaitlistEntry.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households waiting for a bed, per municipality: immediate ones (sleeping rough tonight) first,
 * then the longest waiting. A case waits at most once at a time; a confirmed placement
 * ({@link ShelterCapacity#confirm}) takes it off the list.
 */
@Service
@Transactional
public class HousingWaitlist {

	private static final String ENTRY = """
			SELECT id, case_number, household_size, summary, municipality, district, immediate, since, status, ended_at
			FROM waitlist_entry
			""";

	private final JdbcClient db;

	private final Clock clock;

	HousingWaitlist(JdbcClient db, Clock clock) {
		this.clock = clock;
		this.db = db;
	}

	/**
	 * Puts the household on the waitlist of its municipality from now. A case that waits already
	 * keeps its place (its "since"); it only becomes immediate if it was not.
	 */
	public WaitlistEntry add(HouseholdProfile household, boolean immediate) {
		Optional<WaitlistEntry> waiting = entryOf(household.caseNumber());
		if (waiting.isPresent()) {
			if (immediate && !waiting.get().immediate()) {
				db.sql("UPDATE waitlist_entry SET immediate = TRUE WHERE id = :id").param("id", waiting.get().id())
					.update();
			}
			return entryOf(household.caseNumber()).orElseThrow();
		}
		db.sql("""
				INSERT INTO waitlist_entry (case_number, household_size, summary, municipality, district, immediate,
				                            since, status, waiting_case)
				VALUES (:caseNumber, :size, :summary, :municipality, :district, :immediate, :since, 'WAITING', :caseNumber)
				""")
			.param("caseNumber", household.caseNumber())
			.param("size", household.size())
			.param("summary", household.summary())
			.param("municipality", household.municipality().strip())
			.param("district", household.district() == null || household.district().isBlank() ? null
					: household.district().strip())
			.param("immediate", immediate)
			.param("since", ShelterCapacity.time(clock.instant()))
			.update();
		return entryOf(household.caseNumber()).orElseThrow();
	}

	/**
	 * Takes a case off the waitlist, as PLACED or WITHDRAWN.
	 *
	 * @return true if it was waiting
	 */
	public boolean remove(String caseNumber, Status outcome) {
		if (outcome == Status.WAITING) {
			throw new IllegalArgumentException("a case leaves the waitlist as PLACED or WITHDRAWN");
		}
		return db.sql("""
				UPDATE waitlist_entry SET status = :status, waiting_case = NULL, ended_at = :now
				WHERE waiting_case = :caseNumber
				""")
			.param("status", outcome.name())
			.param("now", ShelterCapacity.time(clock.instant()))
			.param("caseNumber", caseNumber)
			.update() == 1;
	}

	/** The case's place on the waitlist, while it waits. */
	@Transactional(readOnly = true)
	public Optional<WaitlistEntry> entryOf(String caseNumber) {
		return db.sql(ENTRY + " WHERE waiting_case = :caseNumber").param("caseNumber", caseNumber)
			.query(HousingWaitlist::entry).optional();
	}

	/** Who waits (in one municipality, or everywhere when null), immediate first, then the longest waiting. */
	@Transactional(readOnly = true)
	public List<WaitlistEntry> list(String municipality) {
		return db.sql(ENTRY + """
				 WHERE status = 'WAITING'
				   AND (CAST(:municipality AS VARCHAR(100)) IS NULL OR LOWER(municipality) = LOWER(:municipality))
				 ORDER BY CASE WHEN immediate THEN 0 ELSE 1 END, since, id
				""")
			.param("municipality", municipality)
			.query(HousingWaitlist::entry)
			.list();
	}

	private static WaitlistEntry entry(ResultSet rs, int row) throws SQLException {
		Instant since = ShelterCapacity.instant(rs, "since");
		return new WaitlistEntry(rs.getLong("id"), rs.getString("case_number"), rs.getInt("household_size"),
				rs.getString("summary"), rs.getString("municipality"), rs.getString("district"),
				rs.getBoolean("immediate"), since, Status.valueOf(rs.getString("status")),
				ShelterCapacity.instant(rs, "ended_at"));
	}

}
