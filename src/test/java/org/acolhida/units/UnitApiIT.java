package org.acolhida.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.acolhida.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/units} as a manager, a staff member and an anonymous caller use it, on PostgreSQL. */
@PostgresIntegrationTest
class UnitApiIT {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	/** A valid shelter; each test changes what it is about. */
	static Map<String, Object> shelter(String code) {
		Map<String, Object> unit = new HashMap<>();
		unit.put("code", code);
		unit.put("name", "Casa de Passagem " + code);
		unit.put("kind", "SHELTER");
		unit.put("municipality", "Sorocaba");
		unit.put("country", "BR");
		unit.put("timeZone", "America/Sao_Paulo");
		unit.put("districts", List.of("Centro"));
		unit.put("languages", List.of("pt", "es"));
		unit.put("openingHours", new ArrayList<>(List.of(interval("FRIDAY", "20:00", "24:00"),
				interval("SATURDAY", "00:00", "02:00"))));
		unit.put("shelter", new HashMap<>(Map.of("beds", 12, "takes", "FAMILIES_WITH_CHILDREN",
				"wheelchairAccessible", true)));
		return unit;
	}

	static Map<String, Object> interval(String day, String opens, String closes) {
		return Map.of("day", day, "opens", opens, "closes", closes);
	}

	static String newCode() {
		return "T-API-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
	}

	ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, "demo");
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, method, new HttpEntity<>(body, headers), MAP);
	}

	int units() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM service_unit", Integer.class);
	}

	@Test
	void shouldRefuseAnonymousCallers() {
		assertThat(rest.getForEntity("/api/units", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldLetStaffReadButNotChangeTheDirectory() {
		String code = newCode();
		int before = units();

		assertThat(call("ana", HttpMethod.GET, "/api/units/SOR-CRAS-NORTE", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(call("ana", HttpMethod.POST, "/api/units", shelter(code)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("ana", HttpMethod.DELETE, "/api/units/SOR-CRAS-NORTE", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(units()).isEqualTo(before);
	}

	@Test
	void shouldCreateReadUpdateAndDeactivateAUnit() {
		String code = newCode();
		Map<String, Object> given = shelter(code);

		ResponseEntity<Map<String, Object>> created = call("helena", HttpMethod.POST, "/api/units", given);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getHeaders().getLocation()).hasToString("/api/units/" + code);

		Map<String, Object> read = call("ana", HttpMethod.GET, "/api/units/" + code, null).getBody();
		for (String field : List.of("code", "name", "kind", "municipality", "timeZone", "openingHours", "shelter")) {
			assertThat(read.get(field)).as(field).isEqualTo(given.get(field));
		}
		assertThat(read.get("active")).isEqualTo(true);

		Map<String, Object> change = new HashMap<>(read);
		change.put("name", "Casa de Passagem Renomeada");
		ResponseEntity<Map<String, Object>> updated = call("helena", HttpMethod.PUT, "/api/units/" + code, change);
		assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(updated.getBody().get("name")).isEqualTo("Casa de Passagem Renomeada");

		// The version read before the change is stale now.
		assertThat(call("helena", HttpMethod.PUT, "/api/units/" + code, read).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);

		assertThat(call("helena", HttpMethod.DELETE, "/api/units/" + code, null).getBody().get("active")).isEqualTo(false);
		List<?> listed = rest.withBasicAuth("helena", "demo")
			.getForObject("/api/units?kind=SHELTER&municipality=Sorocaba&active=true", List.class);
		List<Object> codes = listed.stream().map(unit -> ((Map<?, ?>) unit).get("code")).map(Object.class::cast).toList();
		assertThat(codes).doesNotContain(code).contains("SOR-ABRIGO-RECOMECO");
	}

	@Test
	void shouldFilterTheList() {
		List<?> listed = rest.withBasicAuth("ana", "demo").getForObject("/api/units?kind=CRAS&language=ht", List.class);

		assertThat(listed).isNotEmpty().allSatisfy(unit -> {
			assertThat(((Map<?, ?>) unit).get("kind")).isEqualTo("CRAS");
			assertThat(((Map<?, ?>) unit).get("languages").toString()).contains("ht");
		});
		assertThat(call("ana", HttpMethod.GET, "/api/units?kind=CASTLE", null).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRefuseAnUnknownKind() {
		assertRefused(unit -> unit.put("kind", "CASTLE"), "kind");
	}

	@Test
	void shouldRefuseOverlappingIntervals() {
		assertRefused(unit -> openingHours(unit).add(interval("FRIDAY", "21:00", "22:00")), "openingHours[2]");
	}

	@Test
	void shouldRefuseAnIntervalEndingBeforeItStarts() {
		assertRefused(unit -> openingHours(unit).set(0, interval("FRIDAY", "20:00", "02:00")), "openingHours[0].closes");
	}

	@Test
	void shouldRefuseNegativeCapacity() {
		assertRefused(unit -> shelterFacts(unit).put("beds", -3), "shelter.beds");
	}

	@Test
	void shouldRefuseAValueOfTheWrongType() {
		assertRefused(unit -> shelterFacts(unit).put("beds", "many"), "shelter.beds");
	}

	@Test
	void shouldRefuseTextWithTheNulCharacter() {
		// found by UnitInputPropertiesIT: PostgreSQL cannot store it, and the save failed with a 500
		assertRefused(unit -> unit.put("name", "a\u0000b"), "name");
		assertRefused(unit -> unit.put("languages", List.of("pt", "e\u0000s")), "languages[1]");
	}

	@Test
	void shouldRefuseAnUnknownTimeZone() {
		assertRefused(unit -> unit.put("timeZone", "America/Atlantis"), "timeZone");
	}

	@Test
	void shouldRefuseADuplicateCode() {
		String code = newCode();
		assertThat(call("helena", HttpMethod.POST, "/api/units", shelter(code)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		int before = units();

		ResponseEntity<Map<String, Object>> again = call("helena", HttpMethod.POST, "/api/units", shelter(code));

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(again)).contains("code");
		assertThat(units()).isEqualTo(before);
	}

	/** The change makes a valid unit invalid: 400 naming the field, and nothing written. */
	void assertRefused(Consumer<Map<String, Object>> change, String field) {
		String code = newCode();
		Map<String, Object> unit = shelter(code);
		change.accept(unit);
		int before = units();

		ResponseEntity<Map<String, Object>> response = call("helena", HttpMethod.POST, "/api/units", unit);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(response)).contains(field);
		assertThat(units()).isEqualTo(before);
		assertThat(call("helena", HttpMethod.GET, "/api/units/" + code, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@SuppressWarnings("unchecked")
	static List<Object> openingHours(Map<String, Object> unit) {
		return (List<Object>) unit.get("openingHours");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> shelterFacts(Map<String, Object> unit) {
		return (Map<String, Object>) unit.get("shelter");
	}

	static List<Object> fields(ResponseEntity<Map<String, Object>> response) {
		return ((List<?>) response.getBody().get("errors")).stream().map(error -> ((Map<?, ?>) error).get("field"))
			.map(Object.class::cast)
			.toList();
	}

	@Test
	void shouldRefuseABodyDeclaredMultipartThatIsNot() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("helena", "demo");
		headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data");
		int before = units();

		ResponseEntity<Map<String, Object>> answer = rest.exchange("/api/units", HttpMethod.POST,
				new HttpEntity<>("{}".getBytes(), headers), MAP);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().get("detail").toString()).contains("not a readable multipart request");
		assertThat(units()).isEqualTo(before);
	}

}
