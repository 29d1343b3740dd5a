package org.acolhida.literacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unmet demand: the learners still waiting for a class (waiting, or offered a seat they have not
 * taken yet), grouped by what they need and where they live, with how long they have waited. It
 * tells the municipality where to open classes. Names are grouped without regard to case, shown
 * as the longest-waiting learner's entry spells them.
 */
@Service
@Transactional(readOnly = true)
class DemandReport {

	private final SeatLedger ledger;

	DemandReport(SeatLedger ledger) {
		this.ledger = ledger;
	}

	/** The groups of one municipality ({@code null}: all), with waits measured up to {@code now}. */
	List<DemandGroup> unmetDemand(String municipality, Instant now) {
		return group(ledger.openDemand(municipality == null || municipality.isBlank() ? null : municipality.strip()),
				now);
	}

	static List<DemandGroup> group(List<Waiting> waiting, Instant now) {
		Map<List<String>, List<Waiting>> groups = new LinkedHashMap<>();
		waiting.stream().sorted(Comparator.comparing(Waiting::since)).forEach(learner -> groups
			.computeIfAbsent(List.of(learner.language(), learner.level().name(), learner.audience().name(),
					fold(learner.municipality()), fold(learner.district())), key -> new ArrayList<>())
			.add(learner));
		return groups.values().stream().map(members -> summary(members, now))
			.sorted(Comparator.comparing((DemandGroup g) -> fold(g.municipality()))
				.thenComparing(Comparator.comparingInt(DemandGroup::learners).reversed())
				.thenComparing(DemandGroup::language)
				.thenComparing(DemandGroup::level)
				.thenComparing(DemandGroup::audience)
				.thenComparing(g -> fold(g.district())))
			.toList();
	}

	private static DemandGroup summary(List<Waiting> members, Instant now) {
		Waiting oldest = members.get(0);
		long[] days = members.stream().mapToLong(learner -> daysWaited(learner.since(), now)).sorted().toArray();
		int n = days.length;
		double median = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
		int offered = (int) members.stream().filter(Waiting::offered).count();
		return new DemandGroup(oldest.language(), oldest.level(), oldest.audience(), oldest.municipality(),
				oldest.district(), n, offered, oldest.since(), median, days[n - 1]);
	}

	/** Whole days between joining the waitlist and now; never negative. */
	static long daysWaited(Instant since, Instant now) {
		return Math.max(0, Duration.between(since, now).toDays());
	}

	private static String fold(String name) {
		return name == null ? "" : name.toLowerCase(Locale.ROOT);
	}

	/** A learner still waiting, as the report counts them. */
	record Waiting(String language, Level level, Audience audience, String municipality, String district,
			Instant since, boolean offered) {
	}

	/**
	 * Learners waiting for the same class in the same place.
	 *
	 * @param district {@code null} for learners whose district is not known
	 * @param learners how many wait
	 * @param offered of those, how many were offered a seat they have not taken yet
	 * @param oldestWaitingSince when the longest-waiting of them joined the waitlist
	 * @param medianDaysWaited median of the whole days each has waited
	 * @param maxDaysWaited whole days the longest-waiting has waited
	 */
	record DemandGroup(String language, Level level, Audience audience, String municipality, String district,
			int learners, int offered, Instant oldestWaitingSince, double medianDaysWaited, long maxDaysWaited) {
	}

}
