package org.acolhida.literacy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.support.Rfc4180;
import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seats, waitlist and demand on PostgreSQL, with classes created through {@code /api/units} as a
 * manager would. Each test works in a municipality of its own, so that tests do not see each
 * other's classes and learners.
 */
@PostgresIntegrationTest
class ClassSeatsIT {

	private static final List<WeeklyInterval> EVENINGS = List.of(WeeklyInterval.parse("MONDAY 18:00-21:00"),
			WeeklyInterval.parse("WEDNESDAY 18:00-21:00"));

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ClassSeats seats;

	@Autowired
	ClassSearch search;

	@Autowired
	JdbcTemplate jdbc;

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private String createClass(String municipality, String district, Level level, int seatCount, String... sessions) {
		String code = unique("T-CLASS");
		List<Map<String, String>> lessons = new ArrayList<>();
		for (String session : sessions) {
			WeeklyInterval slot = WeeklyInterval.parse(session);
			String[] times = session.strip().split("\\s+")[1].split("-");
			lessons.add(Map.of("day", slot.day().name(), "opens", times[0], "closes", times[1]));
		}
		Map<String, Object> unit = new LinkedHashMap<>();
		unit.put("code", code);
		unit.put("name", "Português " + level + " " + code);
		unit.put("kind", "LITERACY_CLASS");
		unit.put("municipality", municipality);
		unit.put("country", "BR");
		unit.put("timeZone", "America/Sao_Paulo");
		unit.put("districts", List.of(district));
		unit.put("languages", List.of("pt"));
		unit.put("literacyClass", Map.of("language", "pt", "level", level.name(), "audience", "ADULTS", "seats",
				seatCount, "sessions", lessons));
		ResponseEntity<String> created = rest.withBasicAuth("helena", "demo").postForEntity("/api/units", unit,
				String.class);
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		return code;
	}

	private LearnerNeed need(String municipality, String district, Level level, List<WeeklyInterval> availability) {
		return new LearnerNeed("pt", level, Audience.ADULTS, municipality, district, availability);
	}

	private int taken(String classCode) {
		return jdbc.queryForObject("SELECT s.taken FROM class_seats s JOIN service_unit u ON u.id = s.class_unit"
				+ " WHERE u.code = ?", Integer.class, classCode);
	}

	private int seatCount(String classCode) {
		return jdbc.queryForObject("SELECT s.seats FROM class_seats s JOIN service_unit u ON u.id = s.class_unit"
				+ " WHERE u.code = ?", Integer.class, classCode);
	}

	private int enrolledRows(String classCode) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM class_enrollment e JOIN service_unit u ON u.id = e.class_unit"
				+ " WHERE u.code = ? AND e.status = 'ENROLLED'", Integer.class, classCode);
	}

	@Test
	void shouldNeverGiveMoreSeatsThanAClassHasWhenLearnersRace() throws Exception {
		String municipality = unique("Race");
		int[] seatCounts = { 1, 1, 2, 2, 3, 3 };
		List<String> classes = new ArrayList<>();
		for (int count : seatCounts) {
			classes.add(createClass(municipality, "Centro", Level.A1, count, "MONDAY 18:30-20:30",
					"WEDNESDAY 18:30-20:30"));
		}
		int threads = 8;
		int learnersPerThread = 25;
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger enrolled = new AtomicInteger();
		AtomicInteger waitlisted = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			done.add(pool.submit((Callable<Void>) () -> {
				start.await();
				for (int i = 0; i < learnersPerThread; i++) {
					String learner = municipality + "-L" + thread + "-" + i;
					LearnerNeed need = need(municipality, "Centro", Level.A1, EVENINGS);
					// What a delegate does: look up, try the best class, then the next. Then, as a
					// delegate with a stale look-up would, every class in turn: more racing for
					// seats that are gone.
					List<String> tries = new ArrayList<>(search.classesFor(need).stream().map(ClassOption::code).toList());
					for (int c = 0; c < classes.size(); c++) {
						tries.add(classes.get((thread + c) % classes.size()));
					}
					boolean placed = false;
					for (String code : tries) {
						attempts.incrementAndGet();
						if (seats.enroll(learner, "CASE-" + learner, code).isPresent()) {
							placed = true;
							break;
						}
					}
					if (placed) {
						enrolled.incrementAndGet();
					}
					else {
						seats.addToWaitlist(learner, "CASE-" + learner, need);
						waitlisted.incrementAndGet();
					}
				}
				return null;
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		long millis = (System.nanoTime() - began) / 1_000_000;
		pool.shutdown();

		int totalSeats = java.util.Arrays.stream(seatCounts).sum();
		int totalTaken = 0;
		for (int i = 0; i < classes.size(); i++) {
			String code = classes.get(i);
			assertThat(taken(code)).as("taken in %s", code).isEqualTo(enrolledRows(code)).isEqualTo(seatCount(code))
				.isEqualTo(seatCounts[i]);
			totalTaken += taken(code);
		}
		int learners = threads * learnersPerThread;
		assertThat(enrolled.get()).isEqualTo(totalSeats).isEqualTo(totalTaken);
		assertThat(waitlisted.get()).isEqualTo(learners - totalSeats);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM class_waitlist WHERE municipality = ? AND status = 'WAITING'",
				Integer.class, municipality)).isEqualTo(learners - totalSeats);
		System.out.printf("literacy seat race: %d threads, %d learners, %d enrol attempts, %d enrolled, %d seats in"
				+ " %d classes, %d waitlisted, %d ms%n", threads, learners, attempts.get(), enrolled.get(), totalSeats,
				classes.size(), waitlisted.get(), millis);
	}

	@Test
	void shouldGiveTheLastSeatToExactlyOneOfEightRacingLearners() throws Exception {
		String municipality = unique("Last");
		int rounds = 10;
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		int winners = 0;
		long began = System.nanoTime();
		for (int round = 0; round < rounds; round++) {
			String code = createClass(municipality, "Centro", Level.A2, 1, "MONDAY 18:30-20:30");
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String learner = code + "-L" + t;
				results.add(pool.submit(() -> {
					start.await();
					return seats.enroll(learner, "CASE-" + learner, code).isPresent();
				}));
			}
			start.countDown();
			int won = 0;
			for (Future<Boolean> result : results) {
				won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(won).as("learners who got the one seat of %s", code).isEqualTo(1);
			assertThat(taken(code)).isEqualTo(1).isEqualTo(enrolledRows(code));
			winners += won;
		}
		pool.shutdown();
		System.out.printf("literacy last seat: %d rounds x %d threads, %d winners, %d ms%n", rounds, threads, winners,
				(System.nanoTime() - began) / 1_000_000);
	}

	@Test
	void shouldRefuseOverfillingInTheDatabaseItself() {
		String code = createClass(unique("Check"), "Centro", Level.B1, 2, "MONDAY 18:30-20:30");
		assertThatThrownBy(() -> jdbc.update("UPDATE class_seats SET taken = seats + 1"
				+ " WHERE class_unit = (SELECT id FROM service_unit WHERE code = ?)", code))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("ck_class_seats_taken_within_seats");
		assertThat(taken(code)).isZero();
	}

	@Test
	void shouldEnrolIdempotentlyAndRefuseAnUnknownOrInactiveClass() {
		String municipality = unique("Idem");
		String code = createClass(municipality, "Centro", Level.B2, 2, "MONDAY 18:30-20:30");
		Enrollment first = seats.enroll("L-IDEM", "C-IDEM", code).orElseThrow();
		Enrollment again = seats.enroll("L-IDEM", "C-IDEM", code).orElseThrow();
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(taken(code)).isEqualTo(1);
		assertThatThrownBy(() -> seats.enroll("L-IDEM", "C-IDEM", "NO-SUCH-CLASS"))
			.isInstanceOf(org.acolhida.units.UnknownUnitException.class);
		assertThatThrownBy(() -> seats.enroll("L-IDEM", "C-IDEM", "SOR-CRAS-NORTE"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a literacy class");

		assertThat(rest.withBasicAuth("helena", "demo")
			.exchange("/api/units/" + code, HttpMethod.DELETE, null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(seats.enroll("L-IDEM-2", "C-IDEM-2", code)).isEmpty();
		assertThat(search.classesFor(need(municipality, "Centro", Level.B2, EVENINGS))).isEmpty();
		// Withdrawing twice returns the seat once.
		assertThat(seats.withdraw(first.id()).status()).isEqualTo(Enrollment.Status.WITHDRAWN);
		assertThat(seats.withdraw(first.id()).status()).isEqualTo(Enrollment.Status.WITHDRAWN);
		assertThat(taken(code)).isZero();
	}

	@Test
	void shouldRankClassesForALearnerFromTheDatabase() {
		String municipality = unique("Rank");
		String farBig = createClass(municipality, "Centro", Level.A1, 9, "MONDAY 18:30-20:30");
		String nearSmall = createClass(municipality, "Éden", Level.A1, 2, "MONDAY 18:30-20:30",
				"WEDNESDAY 19:00-21:00");
		String farSmall = createClass(municipality, "Centro", Level.A1, 3, "WEDNESDAY 18:00-20:00");
		String mornings = createClass(municipality, "Éden", Level.A1, 9, "MONDAY 09:00-11:00");
		String otherLevel = createClass(municipality, "Éden", Level.A2, 9, "MONDAY 18:30-20:30");
		String full = createClass(municipality, "Éden", Level.A1, 1, "MONDAY 18:30-20:30");
		seats.enroll("L-RANK-0", "C-RANK", full).orElseThrow();

		List<ClassOption> found = search.classesFor(need(municipality.toLowerCase(), "éden", Level.A1, EVENINGS));

		assertThat(found).extracting(ClassOption::code).containsExactly(nearSmall, farBig, farSmall)
			.doesNotContain(mornings, otherLevel, full);
		assertThat(found.get(0).nearLearner()).isTrue();
		assertThat(found.get(1).freeSeats()).isEqualTo(9);
	}

	@Test
	void shouldRefuseFewerSeatsThanAreTakenThroughTheUnitsApi() {
		String code = createClass(unique("Lower"), "Centro", Level.A1, 3, "MONDAY 18:30-20:30");
		seats.enroll("L-LOW-1", "C-LOW", code).orElseThrow();
		seats.enroll("L-LOW-2", "C-LOW", code).orElseThrow();
		TestRestTemplate manager = rest.withBasicAuth("helena", "demo");

		ResponseEntity<String> refused = manager.exchange("/api/units/" + code, HttpMethod.PUT,
				new HttpEntity<>(withSeats(manager, code, 1)), String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("literacyClass.seats").contains("2 seats");
		assertThat(unitSeats(manager, code)).isEqualTo(3);
		assertThat(seatCount(code)).isEqualTo(3);
		assertThat(taken(code)).isEqualTo(2);

		ResponseEntity<String> lowered = manager.exchange("/api/units/" + code, HttpMethod.PUT,
				new HttpEntity<>(withSeats(manager, code, 2)), String.class);
		assertThat(lowered.getStatusCode()).as(lowered.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(unitSeats(manager, code)).isEqualTo(2);
		assertThat(seatCount(code)).isEqualTo(2);
		assertThat(seats.enroll("L-LOW-3", "C-LOW", code)).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> withSeats(TestRestTemplate manager, String code, int seatCount) {
		Map<String, Object> unit = manager.getForObject("/api/units/" + code, Map.class);
		Map<String, Object> literacyClass = new HashMap<>((Map<String, Object>) unit.get("literacyClass"));
		literacyClass.put("seats", seatCount);
		unit.put("literacyClass", literacyClass);
		return unit;
	}

	@SuppressWarnings("unchecked")
	private int unitSeats(TestRestTemplate manager, String code) {
		Map<String, Object> unit = manager.getForObject("/api/units/" + code, Map.class);
		return (Integer) ((Map<String, Object>) unit.get("literacyClass")).get("seats");
	}

	@Test
	void shouldFreeTheSeatAfterTwoNoShowsAndOfferItToTheLongestWaitingLearnerWhoFits() {
		String municipality = unique("NoShow");
		String code = createClass(municipality, "Centro", Level.PRE_LITERATE, 1, "TUESDAY 19:00-21:00");
		Enrollment absent = seats.enroll("L-ABSENT", "C-ABSENT", code).orElseThrow();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<WeeklyInterval> tuesdays = List.of(WeeklyInterval.parse("TUESDAY 18:00-22:00"));
		LearnerNeed fits = need(municipality, "Centro", Level.PRE_LITERATE, tuesdays);
		WaitlistEntry longestButWrongTimes = seats.addToWaitlist("L-W-MORNINGS", "C-W1",
				need(municipality, "Centro", Level.PRE_LITERATE, List.of(WeeklyInterval.parse("TUESDAY 08:00-12:00"))),
				now.minus(Duration.ofDays(40)));
		WaitlistEntry longestButOtherLevel = seats.addToWaitlist("L-W-B1", "C-W2",
				need(municipality, "Centro", Level.B1, tuesdays), now.minus(Duration.ofDays(30)));
		WaitlistEntry recent = seats.addToWaitlist("L-W-RECENT", "C-W3", fits, now.minus(Duration.ofDays(3)));
		WaitlistEntry oldest = seats.addToWaitlist("L-W-OLDEST", "C-W4", fits, now.minus(Duration.ofDays(20)));
		assertThat(seats.addToWaitlist("L-W-OLDEST", "C-W4", fits).id()).as("waits once").isEqualTo(oldest.id());

		Enrollment once = seats.recordNoShow(absent.id());
		assertThat(once.status()).isEqualTo(Enrollment.Status.ENROLLED);
		assertThat(once.noShows()).isEqualTo(1);
		assertThat(seats.offerFreedSeats(code)).isEmpty();

		Enrollment twice = seats.recordNoShow(absent.id());
		assertThat(twice.status()).isEqualTo(Enrollment.Status.NO_SHOW_RELEASED);
		assertThat(twice.noShows()).isEqualTo(2);
		assertThat(twice.ended()).isNotNull();
		assertThat(taken(code)).isZero();
		assertThat(seats.recordNoShow(absent.id()).noShows()).as("released: no more counting").isEqualTo(2);
		assertThat(taken(code)).isZero();

		List<SeatOffer> offers = seats.offerFreedSeats(code);
		assertThat(offers).extracting(SeatOffer::learnerRef).containsExactly("L-W-OLDEST");
		assertThat(offers.get(0).classCode()).isEqualTo(code);
		assertThat(offers.get(0).waitingSince()).isEqualTo(now.minus(Duration.ofDays(20)));
		assertThat(seats.offerFreedSeats(code)).as("the seat is offered once").isEmpty();
		assertThat(search.classesFor(fits)).as("an offered seat is not found by newcomers").isEmpty();
		assertThat(seats.waitlistEntry(oldest.id()).orElseThrow().status()).isEqualTo(WaitlistEntry.Status.OFFERED);
		assertThat(seats.waitlistEntry(recent.id()).orElseThrow().status()).isEqualTo(WaitlistEntry.Status.WAITING);
		assertThat(seats.waitlistEntry(longestButWrongTimes.id()).orElseThrow().status())
			.isEqualTo(WaitlistEntry.Status.WAITING);
		assertThat(seats.waitlistEntry(longestButOtherLevel.id()).orElseThrow().status())
			.isEqualTo(WaitlistEntry.Status.WAITING);

		Enrollment taken = seats.enroll("L-W-OLDEST", "C-W4", code).orElseThrow();
		assertThat(taken.classCode()).isEqualTo(code);
		assertThat(taken(code)).isEqualTo(1);
		assertThat(seats.waitlistEntry(oldest.id()).orElseThrow().status()).isEqualTo(WaitlistEntry.Status.ENROLLED);
	}

	@Test
	void shouldOfferNewClassesToTheWaitlistInWaitingOrderAndOfferAgainWhenOffersLapse() {
		String municipality = unique("Match");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		seats.addToWaitlist("L-M-NORTE", "C-M1", need(municipality, "Norte", Level.A2, EVENINGS),
				now.minus(Duration.ofDays(9)));
		seats.addToWaitlist("L-M-CENTRO", "C-M2", need(municipality, "Centro", Level.A2, EVENINGS),
				now.minus(Duration.ofDays(6)));
		seats.addToWaitlist("L-M-SUL", "C-M3", need(municipality, "Sul", Level.A2, EVENINGS),
				now.minus(Duration.ofDays(3)));
		seats.addToWaitlist("L-M-LATE", "C-M4", need(municipality, "Sul", Level.A2, EVENINGS),
				now.minus(Duration.ofDays(1)));
		String north = createClass(municipality, "Norte", Level.A2, 2, "MONDAY 18:30-20:30");
		String centre = createClass(municipality, "Centro", Level.A2, 1, "WEDNESDAY 18:30-20:30");

		List<SeatOffer> offers = seats.matchWaitlist(now);

		assertThat(offers).extracting(SeatOffer::learnerRef).containsExactly("L-M-NORTE", "L-M-CENTRO", "L-M-SUL");
		assertThat(offers).extracting(SeatOffer::classCode).containsExactly(north, centre, north);
		assertThat(seats.matchWaitlist(now.plus(Duration.ofDays(1)))).as("offers still open").isEmpty();

		List<SeatOffer> again = seats.matchWaitlist(now.plus(Duration.ofDays(8)));
		assertThat(again).as("lapsed offers go to the queue again, in order")
			.extracting(SeatOffer::learnerRef)
			.containsExactly("L-M-NORTE", "L-M-CENTRO", "L-M-SUL");
	}

	// --- the unmet-demand report ---

	private record Seed(String learner, Level level, String district, long days) {
	}

	@Test
	void shouldReportUnmetDemandGroupedWithWaitsAsJsonAndCsv() {
		String municipality = unique("Demanda");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Seed> seeds = List.of(new Seed("D1", Level.A1, "Vila Nova, Éden", 12), new Seed("D2", Level.A1,
				"Vila Nova, Éden", 3), new Seed("D3", Level.A1, "vila nova, éden", 8), new Seed("D4", Level.A1,
						"Jardim \"Alto\"", 30), new Seed("D5", Level.PRE_LITERATE, "Vila Nova, Éden", 1),
				new Seed("D6", Level.A1, "Jardim \"Alto\"", 2), new Seed("D7", Level.A1, null, 5));
		for (Seed seed : seeds) {
			// Two hours past whole days, so that a few seconds of test time cannot change a day count.
			seats.addToWaitlist(municipality + seed.learner, "C-" + seed.learner,
					need(municipality, seed.district, seed.level, EVENINGS),
					now.minus(Duration.ofDays(seed.days)).minus(Duration.ofHours(2)));
		}
		WaitlistEntry gone = seats.addToWaitlist(municipality + "D8", "C-D8",
				need(municipality, "Jardim \"Alto\"", Level.A1, EVENINGS), now.minus(Duration.ofDays(50)));
		seats.cancelWaiting(gone.id());

		// Expected groups from the seeds: key -> days waited.
		Map<String, List<Long>> expected = new LinkedHashMap<>();
		for (Seed seed : seeds) {
			String key = seed.level + "|" + (seed.district == null ? "" : seed.district.toLowerCase());
			expected.computeIfAbsent(key, k -> new ArrayList<>()).add(seed.days);
		}

		ResponseEntity<Map<String, Object>> json = rest.withBasicAuth("helena", "demo")
			.exchange("/api/literacy/demand?municipality=" + municipality, HttpMethod.GET, null,
					new ParameterizedTypeReference<>() {
					});
		assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> groups = (List<Map<String, Object>>) json.getBody().get("groups");
		assertThat(groups).hasSize(expected.size());
		for (Map<String, Object> group : groups) {
			String district = (String) group.get("district");
			String key = group.get("level") + "|" + (district == null ? "" : district.toLowerCase());
			List<Long> days = new ArrayList<>(expected.get(key));
			days.sort(Comparator.naturalOrder());
			assertThat(group.get("municipality")).isEqualTo(municipality);
			assertThat(group.get("language")).isEqualTo("pt");
			assertThat(group.get("audience")).isEqualTo("ADULTS");
			assertThat(((Number) group.get("learners")).intValue()).as(key).isEqualTo(days.size());
			assertThat(((Number) group.get("maxDaysWaited")).longValue()).as(key).isEqualTo(days.get(days.size() - 1));
			assertThat(((Number) group.get("medianDaysWaited")).doubleValue()).as(key).isEqualTo(median(days));
			assertThat(Instant.parse((String) group.get("oldestWaitingSince"))).as(key)
				.isEqualTo(now.minus(Duration.ofDays(days.get(days.size() - 1))).minus(Duration.ofHours(2)));
		}
		assertThat(groups.get(0).get("learners")).as("largest group first").isEqualTo(3);

		ResponseEntity<String> csv = rest.withBasicAuth("davi", "demo")
			.getForEntity("/api/literacy/demand.csv?municipality=" + municipality, String.class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.getBody()).endsWith("\r\n");
		List<List<String>> rows = Rfc4180.parse(csv.getBody());
		assertThat(rows.get(0)).containsExactly(DemandCsv.HEADER.split(","));
		assertThat(rows).hasSize(expected.size() + 1);
		for (List<String> row : rows.subList(1, rows.size())) {
			assertThat(row).hasSize(10);
			assertThat(row.get(0)).isEqualTo(municipality);
			String key = row.get(3) + "|" + row.get(1).toLowerCase();
			List<Long> days = expected.get(key);
			assertThat(days).as("group %s from the seeds", key).isNotNull();
			assertThat(Integer.parseInt(row.get(5))).isEqualTo(days.size());
			assertThat(Double.parseDouble(row.get(8))).isEqualTo(median(new ArrayList<>(days)));
		}
		assertThat(rows).extracting(row -> row.get(1)).contains("Vila Nova, Éden", "Jardim \"Alto\"", "");

		HttpHeaders acceptCsv = new HttpHeaders();
		acceptCsv.set(HttpHeaders.ACCEPT, "text/csv");
		ResponseEntity<String> negotiated = rest.withBasicAuth("helena", "demo")
			.exchange("/api/literacy/demand?municipality=" + municipality, HttpMethod.GET, new HttpEntity<>(acceptCsv),
					String.class);
		assertThat(negotiated.getBody()).isEqualTo(csv.getBody());
	}

	@Test
	void shouldShowDemandOnlyToManagersAndLiteracyStaff() {
		for (String other : List.of("ana", "otavio", "carla")) {
			assertThat(rest.withBasicAuth(other, "demo").getForEntity("/api/literacy/demand", String.class)
				.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(rest.withBasicAuth(other, "demo").getForEntity("/api/literacy/demand.csv", String.class)
				.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(rest.getForEntity("/api/literacy/demand", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.withBasicAuth("davi", "demo").getForEntity("/api/literacy/demand", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private static double median(List<Long> days) {
		days.sort(Comparator.naturalOrder());
		int n = days.size();
		return n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
	}

}
