package org.acolhida.housing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.acolhida.housing.HoldAttempt.Outcome;
import org.acolhida.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shelter capacity on PostgreSQL: races for beds, the database's own guard, expiry, declines,
 * departures, the waitlist, the managers' endpoints and the units API's check on fewer beds. Each
 * test makes its own shelters in a municipality of its own, so that tests do not see each other's.
 */
@PostgresIntegrationTest
class ShelterCapacityIT {

	@Autowired
	ShelterCapacity capacity;

	@Autowired
	ShelterSearch search;

	@Autowired
	HousingWaitlist waitlist;

	@Autowired
	JdbcClient db;

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldGiveTheLastBedToExactlyOneOfTwoRacingReferrals() throws Exception {
		String town = town();
		String shelter = shelter(town, 1, "ANYONE", true);
		int rounds = 40;
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < rounds; round++) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HoldAttempt>> racing = new ArrayList<>();
				for (int worker = 0; worker < 2; worker++) {
					String caseNumber = town + "-R" + round + "-" + worker;
					racing.add(pool.submit(() -> {
						start.await();
						return capacity.attemptHold(caseNumber, shelter, 1, "worker", null);
					}));
				}
				start.countDown();
				List<HoldAttempt> attempts = new ArrayList<>();
				for (Future<HoldAttempt> attempt : racing) {
					attempts.add(attempt.get(10, TimeUnit.SECONDS));
				}
				assertThat(attempts).extracting(HoldAttempt::outcome).as("round " + round)
					.containsExactlyInAnyOrder(Outcome.HELD, Outcome.NO_ROOM);
				BedHold winner = attempts.stream().filter(a -> a.outcome() == Outcome.HELD).findFirst().orElseThrow()
					.hold();
				assertThat(counts(shelter)).containsExactly(1, 1, 0);
				assertThat(capacity.release(winner.id(), "next round")).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(counts(shelter)).containsExactly(1, 0, 0);
	}

	/**
	 * Eight workers refer 400 cases of one or two persons to three small shelters (9 beds in all),
	 * starting together; each held case is then confirmed (and the household leaves again) or
	 * released, except each worker's last case, which stays held or placed. At the end the counts are exactly what the holds and placements say,
	 * and never above the total.
	 */
	@Test
	void shouldNeverOversellUnderConcurrentReferrals() throws Exception {
		String town = town();
		Map<String, Integer> beds = new LinkedHashMap<>();
		beds.put(shelter(town, 4, "ANYONE", true), 4);
		beds.put(shelter(town, 3, "ANYONE", true), 3);
		beds.put(shelter(town, 2, "ANYONE", true), 2);
		List<String> shelters = List.copyOf(beds.keySet());
		int threads = 8;
		int casesPerThread = 50;
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger held = new AtomicInteger();
		AtomicInteger noRoom = new AtomicInteger();
		Map<String, Integer> stillHeld = new ConcurrentHashMap<>();
		Map<String, Integer> stillPlaced = new ConcurrentHashMap<>();
		AtomicInteger confirmed = new AtomicInteger();
		AtomicInteger released = new AtomicInteger();
		AtomicInteger exited = new AtomicInteger();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger oversold = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		long began;
		try {
			for (int t = 0; t < threads; t++) {
				int thread = t;
				pool.submit(() -> {
					Random random = new Random(thread);
					try {
						start.await();
						for (int c = 0; c < casesPerThread; c++) {
							String caseNumber = town + "-T" + thread + "-" + c;
							int size = 1 + random.nextInt(2);
							// Try the shelters from a random one on, like workers choosing different candidates.
							int first = random.nextInt(shelters.size());
							BedHold hold = null;
							for (int i = 0; i < shelters.size() && hold == null; i++) {
								attempts.incrementAndGet();
								HoldAttempt attempt = capacity.attemptHold(caseNumber,
										shelters.get((first + i) % shelters.size()), size, "worker" + thread, null);
								if (attempt.outcome() == Outcome.HELD) {
									held.incrementAndGet();
									hold = attempt.hold();
								}
								else {
									assertThat(attempt.outcome()).isEqualTo(Outcome.NO_ROOM);
									noRoom.incrementAndGet();
								}
							}
							if (hold == null) {
								continue;
							}
							// Most referrals end (placed and gone again, or withdrawn) and free their beds for the
							// others; each worker's last case stays held or placed, for the final counts.
							boolean last = c == casesPerThread - 1;
							boolean confirm = random.nextBoolean();
							if (confirm) {
								assertThat(capacity.confirm(hold.id())).isPresent();
								confirmed.incrementAndGet();
								if (last) {
									stillPlaced.merge(hold.shelterCode(), hold.beds(), Integer::sum);
								}
								else {
									assertThat(capacity.exit(caseNumber)).hasSize(1);
									exited.incrementAndGet();
								}
							}
							else if (last) {
								stillHeld.merge(hold.shelterCode(), hold.beds(), Integer::sum);
							}
							else {
								assertThat(capacity.release(hold.id(), "withdrawn")).isTrue();
								released.incrementAndGet();
							}
						}
					}
					catch (Throwable e) {
						failures.add(e);
					}
					finally {
						done.countDown();
					}
				});
			}
			// Meanwhile, someone keeps looking: no committed state may ever be oversold.
			pool.submit(() -> {
				while (done.getCount() > 0) {
					oversold.addAndGet(db.sql("SELECT COUNT(*) FROM shelter_capacity WHERE held + occupied > total")
						.query(Integer.class).single());
				}
			});
			began = System.nanoTime();
			start.countDown();
			assertThat(done.await(60, TimeUnit.SECONDS)).as("workers finished").isTrue();
		}
		finally {
			pool.shutdownNow();
		}
		long millis = (System.nanoTime() - began) / 1_000_000;
		assertThat(failures).isEmpty();
		assertThat(oversold.get()).isZero();
		Map<String, List<Integer>> finalCounts = new LinkedHashMap<>();
		for (String shelter : shelters) {
			List<Integer> counts = counts(shelter);
			finalCounts.put(shelter, counts);
			int total = counts.get(0);
			int heldBeds = counts.get(1);
			int occupiedBeds = counts.get(2);
			assertThat(total).isEqualTo(beds.get(shelter));
			assertThat(heldBeds + occupiedBeds).isLessThanOrEqualTo(total);
			assertThat(heldBeds).as("held at " + shelter + " = live holds recorded by the workers")
				.isEqualTo(stillHeld.getOrDefault(shelter, 0))
				.isEqualTo(sum("SELECT COALESCE(SUM(h.beds), 0) FROM bed_hold h JOIN service_unit u ON u.id = h.service_unit"
						+ " WHERE u.code = :code AND h.status = 'HELD'", shelter));
			assertThat(occupiedBeds).as("occupied at " + shelter + " = current placements")
				.isEqualTo(stillPlaced.getOrDefault(shelter, 0))
				.isEqualTo(sum("SELECT COALESCE(SUM(p.beds), 0) FROM placement p JOIN service_unit u ON u.id = p.service_unit"
						+ " WHERE u.code = :code AND p.ended_at IS NULL", shelter));
		}
		int placements = 0;
		for (String shelter : shelters) {
			placements += sum("SELECT COUNT(*) FROM placement p JOIN service_unit u ON u.id = p.service_unit"
					+ " WHERE u.code = :code", shelter);
		}
		assertThat(placements).isEqualTo(confirmed.get());
		// The race was real: some referrals found no room, many found some.
		assertThat(noRoom.get()).isPositive();
		assertThat(held.get()).isGreaterThan(threads);
		System.out.printf("housing concurrency: %d threads x %d cases, %d hold attempts, %d held, %d no room, "
				+ "%d confirmed, %d released, %d exited, final [total, held, occupied] %s, %d ms%n", threads,
				casesPerThread, attempts.get(), held.get(), noRoom.get(), confirmed.get(), released.get(),
				exited.get(), finalCounts, millis);
	}

	@Test
	void shouldRejectADirectOverOccupyingUpdate() {
		String shelter = shelter(town(), 2, "ANYONE", true);
		assertThatThrownBy(() -> db.sql("""
				UPDATE shelter_capacity SET occupied = total + 1
				WHERE service_unit = (SELECT id FROM service_unit WHERE code = :code)
				""").param("code", shelter).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("ck_shelter_capacity_not_oversold");
		assertThat(capacity.hold("X-1", shelter, 2, "carla", null)).isPresent();
		assertThatThrownBy(() -> db.sql("""
				UPDATE shelter_capacity SET held = held + 1
				WHERE service_unit = (SELECT id FROM service_unit WHERE code = :code)
				""").param("code", shelter).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(counts(shelter)).containsExactly(2, 2, 0);
	}

	@Test
	void shouldExplainWhyNothingWasHeld() {
		String town = town();
		String shelter = shelter(town, 2, "ANYONE", true);
		assertThat(capacity.attemptHold("C-1", shelter, 3, "carla", null).outcome()).isEqualTo(Outcome.NO_ROOM);
		assertThat(capacity.attemptHold("C-1", "NO-SUCH-UNIT", 1, "carla", null).outcome())
			.isEqualTo(Outcome.UNKNOWN_SHELTER);
		assertThat(capacity.attemptHold("C-1", "SOR-CRAS-NORTE", 1, "carla", null).outcome())
			.isEqualTo(Outcome.NOT_A_SHELTER);
		assertThat(as("helena").exchange("/api/units/" + shelter, HttpMethod.DELETE, null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		HoldAttempt inactive = capacity.attemptHold("C-1", shelter, 1, "carla", null);
		assertThat(inactive.outcome()).isEqualTo(Outcome.SHELTER_INACTIVE);
		assertThat(inactive.held()).isEmpty();
		assertThat(capacity.hold("C-1", shelter, 1, "carla", null)).isEmpty();
		assertThat(counts(shelter)).containsExactly(2, 0, 0);
	}

	@Test
	void shouldReleaseExpiredHoldsOnce() {
		String shelter = shelter(town(), 3, "ANYONE", true);
		BedHold soon = capacity.hold("E-1", shelter, 2, "carla", Duration.ofMinutes(1)).orElseThrow();
		BedHold later = capacity.hold("E-2", shelter, 1, "carla", Duration.ofHours(1)).orElseThrow();
		assertThat(later.expiresAt()).isEqualTo(later.heldAt().plus(Duration.ofHours(1)));
		assertThat(capacity.expireHolds(Instant.now().plusSeconds(120))).extracting(BedHold::id, BedHold::status)
			.contains(org.assertj.core.groups.Tuple.tuple(soon.id(), HoldStatus.EXPIRED))
			.extracting(t -> t.toArray()[0])
			.doesNotContain(later.id());
		assertThat(counts(shelter)).containsExactly(3, 1, 0);
		assertThat(capacity.expireHolds(Instant.now().plusSeconds(120))).extracting(BedHold::id)
			.doesNotContain(soon.id());
		assertThat(capacity.confirm(soon.id())).as("an expired hold cannot be accepted").isEmpty();
		assertThat(capacity.release(soon.id(), "too late")).isFalse();
		assertThat(counts(shelter)).containsExactly(3, 1, 0);
		assertThat(capacity.defaultHoldDuration()).isEqualTo(Duration.ofHours(48));
		assertThat(capacity.expire(later.id())).as("not due yet").isFalse();
		org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(later.expiresAt()));
		try {
			assertThat(capacity.expire(later.id())).as("due on the engine's clock").isTrue();
			assertThat(capacity.expire(later.id())).isFalse();
		}
		finally {
			org.camunda.bpm.engine.impl.util.ClockUtil.reset();
		}
		assertThat(counts(shelter)).containsExactly(3, 0, 0);
	}

	@Test
	void shouldNotOfferAShelterThatDeclinedTheCase() {
		String town = town();
		String near = shelter(town, 5, "ANYONE", true);
		String far = shelter(town, 4, "ANYONE", true);
		HouseholdProfile household = new HouseholdProfile("D-1", 1, List.of(), false, true, false, town, "Centro",
				Set.of("pt"));
		assertThat(search.candidates(household)).extracting(ShelterCandidate::code).containsExactly(near, far);
		BedHold hold = capacity.hold("D-1", near, 1, "carla", null).orElseThrow();
		assertThat(capacity.decline(hold.id(), "no bed for men tonight", "shelter-staff")).isTrue();
		assertThat(capacity.decline(hold.id(), "no bed for men tonight", "shelter-staff")).isFalse();
		assertThat(capacity.findHold(hold.id())).get().extracting(BedHold::status).isEqualTo(HoldStatus.RELEASED);
		assertThat(counts(near)).containsExactly(5, 0, 0);
		assertThat(search.candidates(household)).extracting(ShelterCandidate::code).containsExactly(far);
		HouseholdProfile otherCase = new HouseholdProfile("D-2", 1, List.of(), false, true, false, town, "Centro",
				Set.of("pt"));
		assertThat(search.candidates(otherCase)).extracting(ShelterCandidate::code).containsExactly(near, far);
	}

	@Test
	void shouldOccupyOnceAndFreeBedsOnExit() {
		String town = town();
		String shelter = shelter(town, 4, "FAMILIES_WITH_CHILDREN", false);
		HouseholdProfile family = new HouseholdProfile("P-1", 2, List.of(2, 9), false, false, false, town, null,
				Set.of());
		waitlist.add(family, false);
		assertThat(search.candidates(family)).extracting(ShelterCandidate::freeBeds).containsExactly(4);
		BedHold hold = capacity.hold("P-1", shelter, family.size(), "carla", null).orElseThrow();
		assertThat(search.candidates(family)).isEmpty();
		assertThat(search.anyShelterCouldTake(family)).isTrue();
		Placement placement = capacity.confirm(hold.id()).orElseThrow();
		assertThat(capacity.confirm(hold.id())).contains(placement);
		assertThat(counts(shelter)).containsExactly(4, 0, 4);
		assertThat(capacity.currentPlacement("P-1")).contains(placement);
		assertThat(waitlist.entryOf("P-1")).as("placed, so no longer waiting").isEmpty();
		assertThatThrownBy(() -> capacity.decline(hold.id(), "changed our mind", "x"))
			.isInstanceOf(IllegalStateException.class);
		assertThat(capacity.exit("P-1")).singleElement().satisfies(ended -> assertThat(ended.endedAt()).isNotNull());
		assertThat(capacity.exit("P-1")).isEmpty();
		assertThat(counts(shelter)).containsExactly(4, 0, 0);
		assertThat(capacity.currentPlacement("P-1")).isEmpty();
		HouseholdProfile tooBig = new HouseholdProfile("P-2", 3, List.of(1, 2), false, false, false, town, null, null);
		assertThat(search.anyShelterCouldTake(tooBig)).as("5 persons, 4 beds in the town").isFalse();
	}

	@Test
	void shouldListTheWaitlistImmediateFirst() {
		String town = town();
		waitlist.add(profile("W-1", town), false);
		waitlist.add(profile("W-2", town), false);
		waitlist.add(profile("W-3", town), true);
		assertThat(waitlist.add(profile("W-1", town), false).caseNumber()).isEqualTo("W-1");
		assertThat(waitlist.list(town)).extracting(WaitlistEntry::caseNumber).containsExactly("W-3", "W-1", "W-2");
		waitlist.add(profile("W-2", town), true);
		assertThat(waitlist.list(town)).extracting(WaitlistEntry::caseNumber).containsExactly("W-2", "W-3", "W-1");
		assertThat(waitlist.remove("W-2", WaitlistEntry.Status.WITHDRAWN)).isTrue();
		assertThat(waitlist.remove("W-2", WaitlistEntry.Status.WITHDRAWN)).isFalse();
		assertThat(waitlist.list(town)).extracting(WaitlistEntry::caseNumber).containsExactly("W-3", "W-1");

		ResponseEntity<List<Map<String, Object>>> manager = as("helena").exchange("/api/housing/waitlist",
				HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(manager.getBody()).filteredOn(e -> town.equals(e.get("municipality")))
			.extracting(e -> e.get("caseNumber"), e -> e.get("summary"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("W-3", "1 adult"),
					org.assertj.core.groups.Tuple.tuple("W-1", "1 adult"));
		ResponseEntity<List<Map<String, Object>>> housingElsewhere = as("carla").exchange("/api/housing/waitlist",
				HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(housingElsewhere.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(housingElsewhere.getBody()).noneMatch(e -> town.equals(e.get("municipality")));
		assertThat(as("ana").getForEntity("/api/housing/waitlist", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldShowOccupancyToManagersAndTheirOwnMunicipalityToHousingStaff() {
		String town = town();
		String shelter = shelter(town, 6, "ANYONE", true);
		capacity.confirm(capacity.hold("O-1", shelter, 2, "carla", null).orElseThrow().id());
		capacity.hold("O-2", shelter, 1, "carla", null);

		List<Map<String, Object>> all = occupancy("helena", HttpStatus.OK);
		assertThat(all).filteredOn(o -> shelter.equals(o.get("code"))).singleElement()
			.satisfies(o -> assertThat(o).containsEntry("total", 6).containsEntry("held", 1)
				.containsEntry("occupied", 2).containsEntry("free", 3).containsEntry("municipality", town));
		assertThat(all).extracting(o -> o.get("municipality")).contains("Sorocaba", "Cremona", town);

		assertThat(occupancy("carla", HttpStatus.OK)).isNotEmpty().allMatch(o -> "Sorocaba".equals(o.get("municipality")));
		assertThat(occupancy("sara", HttpStatus.OK)).isNotEmpty().allMatch(o -> "Cremona".equals(o.get("municipality")));
		assertThat(as("carla").getForEntity("/api/housing/occupancy?municipality=Cremona", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("ana").getForEntity("/api/housing/occupancy", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("otavio").getForEntity("/api/housing/occupancy", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.getForEntity("/api/housing/occupancy", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldRefuseFewerBedsThanAreInUse() {
		String town = town();
		String shelter = shelter(town, 5, "ANYONE", true);
		capacity.confirm(capacity.hold("B-1", shelter, 2, "carla", null).orElseThrow().id());
		capacity.hold("B-2", shelter, 1, "carla", null).orElseThrow();

		ResponseEntity<Map<String, Object>> refused = putBeds(shelter, town, 2);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors").toString()).contains("field=shelter.beds", "3 beds are in use");
		assertThat(counts(shelter)).containsExactly(5, 1, 2);
		assertThat(unitBeds(shelter)).as("the unit is left as it was").isEqualTo(5);

		assertThat(putBeds(shelter, town, 3).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(counts(shelter)).containsExactly(3, 1, 2);
		assertThat(capacity.attemptHold("B-3", shelter, 1, "carla", null).outcome()).isEqualTo(Outcome.NO_ROOM);
		assertThat(putBeds(shelter, town, 8).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(counts(shelter)).containsExactly(8, 1, 2);
		assertThat(unitBeds(shelter)).isEqualTo(8);
	}

	private static HouseholdProfile profile(String caseNumber, String town) {
		return new HouseholdProfile(caseNumber, 1, List.of(), false, false, false, town, null, null);
	}

	private static String town() {
		return "Town " + UUID.randomUUID().toString().substring(0, 8);
	}

	private int shelterCount;

	/** A shelter made as a manager makes one, through the units API. */
	private String shelter(String town, int beds, String takes, boolean wheelchair) {
		String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-" + (++shelterCount);
		ResponseEntity<String> created = as("helena").postForEntity("/api/units", unit(code, town, beds, takes, wheelchair),
				String.class);
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		return code;
	}

	private static Map<String, Object> unit(String code, String town, int beds, String takes, boolean wheelchair) {
		Map<String, Object> unit = new HashMap<>();
		unit.put("code", code);
		unit.put("name", "Shelter " + code);
		unit.put("kind", "SHELTER");
		unit.put("municipality", town);
		unit.put("country", "BR");
		unit.put("timeZone", "America/Sao_Paulo");
		unit.put("districts", List.of("Centro"));
		unit.put("languages", List.of("pt"));
		unit.put("shelter", Map.of("beds", beds, "takes", takes, "wheelchairAccessible", wheelchair));
		return unit;
	}

	private ResponseEntity<Map<String, Object>> putBeds(String code, String town, int beds) {
		return as("helena").exchange("/api/units/" + code, HttpMethod.PUT,
				new HttpEntity<>(unit(code, town, beds, "ANYONE", true)), new ParameterizedTypeReference<>() {
				});
	}

	private int unitBeds(String code) {
		Map<?, ?> unit = as("helena").getForObject("/api/units/" + code, Map.class);
		return (Integer) ((Map<?, ?>) unit.get("shelter")).get("beds");
	}

	private List<Map<String, Object>> occupancy(String user, HttpStatus expected) {
		ResponseEntity<List<Map<String, Object>>> response = as(user).exchange("/api/housing/occupancy", HttpMethod.GET,
				null, new ParameterizedTypeReference<>() {
				});
		assertThat(response.getStatusCode()).isEqualTo(expected);
		return response.getBody();
	}

	private TestRestTemplate as(String user) {
		return rest.withBasicAuth(user, "demo");
	}

	/** [total, held, occupied] of a shelter, as the database has them. */
	private List<Integer> counts(String code) {
		return db.sql("""
				SELECT c.total, c.held, c.occupied FROM shelter_capacity c JOIN service_unit u ON u.id = c.service_unit
				WHERE u.code = :code
				""").param("code", code).query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
	}

	private int sum(String sql, String code) {
		return db.sql(sql).param("code", code).query(Integer.class).single();
	}

}
