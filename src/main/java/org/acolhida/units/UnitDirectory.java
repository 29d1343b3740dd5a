package org.acolhida.units;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.acolhida.units.OpeningHours.Opening;
import org.acolhida.units.OpeningHours.OpeningAt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The look-ups that processes make in the directory of service units: who is responsible for a
 * district, when a unit is open, who speaks a language, which office issues a document. Only
 * active units are found. "Not found" is an empty result for the caller to turn into a business
 * outcome; an unknown unit code is a fault ({@link UnknownUnitException}).
 * <p>
 * Answers from the whole directory held in memory ({@link DirectorySnapshot}): every reception,
 * referral and reminder looks units up, and the directory changes seldom. A change saved here is
 * seen at once; one saved by another node within {@link #CHECK_EVERY}, and at once by a look-up
 * that would otherwise find nothing.
 */
@Service
public class UnitDirectory {

	/** How often the directory asks the database whether any unit changed. */
	static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final Object refreshing = new Object();

	private volatile DirectorySnapshot snapshot;

	private volatile long checkedAt;

	/** Set when this node saved a unit: the next look-up reads the directory again. */
	private volatile boolean changed;

	UnitDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The unit with that code, active or not. */
	public ServiceUnit unit(String code) {
		return find(snapshot -> snapshot.unit(code)).orElseThrow(() -> new UnknownUnitException(code));
	}

	/** Whether a unit with that code exists and is active. */
	public boolean isActive(String code) {
		return find(snapshot -> snapshot.unit(code)).map(ServiceUnit::isActive).orElse(false);
	}

	/**
	 * The active unit of a kind that serves a district of a municipality, e.g. the CRAS of a
	 * family's territory or the CREAS that takes protection cases there. When several do, the
	 * first by code, so that the answer is the same at every desk.
	 */
	public Optional<ServiceUnit> responsibleUnit(UnitKind kind, String municipality, String district) {
		return find(snapshot -> snapshot.serving(kind, municipality, district).stream().findFirst());
	}

	/** Whether the unit is open at that instant, in its own time zone, honouring its exceptions. */
	public boolean isOpen(String code, Instant at) {
		return unit(code).hours().isOpenAt(at);
	}

	/** The unit's opening under way at that instant, or its next one. */
	public Optional<Opening> nextOpening(String code, Instant after) {
		return unit(code).hours().nextOpening(after);
	}

	/**
	 * The unit's hours seen from an instant: whether it is open then and until when, and its next
	 * opening after that, honouring its exceptions and rotas. Callers asking about "now" pass the
	 * engine clock's instant.
	 */
	public OpeningAt openingAt(String code, Instant at) {
		return unit(code).hours().at(at);
	}

	/** Active units of a kind where staff speak a language (ISO 639 code), by municipality. */
	public List<ServiceUnit> unitsSpeaking(UnitKind kind, String language) {
		List<ServiceUnit> units = current().speaking(kind, language);
		return units.isEmpty() ? refresh(true).speaking(kind, language) : units;
	}

	/** The active office that handles a document type for people living in a municipality. */
	public Optional<ServiceUnit> officeFor(DocumentType documentType, String municipality) {
		return find(snapshot -> snapshot.offices(documentType, municipality).stream().findFirst());
	}

	/** A change saved on this node is seen by the next look-up, once it is committed. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void unitSaved(UnitSaved saved) {
		changed = true;
	}

	/** Looks in the snapshot; on a miss, makes sure the snapshot is current and looks again. */
	private <T> Optional<T> find(Function<DirectorySnapshot, Optional<T>> lookup) {
		Optional<T> found = lookup.apply(current());
		return found.isPresent() ? found : lookup.apply(refresh(true));
	}

	private DirectorySnapshot current() {
		DirectorySnapshot current = snapshot;
		if (current == null || changed || System.nanoTime() - checkedAt > CHECK_EVERY.toNanos()) {
			return refresh(false);
		}
		return current;
	}

	private DirectorySnapshot refresh(boolean now) {
		synchronized (refreshing) {
			DirectorySnapshot current = snapshot;
			if (!now && !changed && current != null && System.nanoTime() - checkedAt <= CHECK_EVERY.toNanos()) {
				return current;
			}
			changed = false;
			String stamp = DirectorySnapshot.stamp(jdbc);
			if (current == null || !current.stamp.equals(stamp)) {
				current = DirectorySnapshot.load(jdbc);
				snapshot = current;
			}
			checkedAt = System.nanoTime();
			return current;
		}
	}

}
