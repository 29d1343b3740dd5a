package org.acolhida.units;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.acolhida.support.Hostile;
import org.acolhida.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile input to {@code /api/units}, generated: a manager's client may send anything,
 * and whatever it sends is answered with a 4xx that says what is wrong, never a 500, and a refused
 * change leaves the directory as it was. Tries per property: {@code -Djqwik.tries.default} (200).
 */
@JqwikSpringSupport
@PostgresIntegrationTest
class UnitInputPropertiesIT {

	/** Units these properties create are in a municipality of their own, out of every process's way. */
	static final String MUNICIPALITY = "Propriedades de Teste";

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** Where a hostile value goes: a field of the unit, or of one of its parts. */
	static final List<String> FIELDS = List.of("code", "name", "kind", "municipality", "country", "timeZone", "address",
			"contact", "active", "districts", "languages", "openingHours", "exceptions", "shelter", "literacyClass",
			"documentTypes", "version", "openingHours[0].day", "openingHours[0].opens", "openingHours[0].closes",
			"openingHours[1]", "shelter.beds", "shelter.takes", "shelter.wheelchairAccessible", "districts[0]",
			"languages[0]", "exceptions[0].from", "exceptions[0].to", "exceptions[0].label", "exceptions[0].closed",
			"exceptions[0].hours", "unknownField");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	/** A valid shelter with an exception; each try puts hostile values in some of its fields. */
	static Map<String, Object> shelter(String code) {
		Map<String, Object> unit = new HashMap<>();
		unit.put("code", code);
		unit.put("name", "Abrigo " + code);
		unit.put("kind", "SHELTER");
		unit.put("municipality", MUNICIPALITY);
		unit.put("country", "BR");
		unit.put("timeZone", "America/Sao_Paulo");
		unit.put("districts", new ArrayList<>(List.of("Centro")));
		unit.put("languages", new ArrayList<>(List.of("pt", "es")));
		unit.put("openingHours", new ArrayList<>(List.of(new HashMap<>(Map.of("day", "FRIDAY", "opens", "20:00", "closes", "24:00")),
				new HashMap<>(Map.of("day", "SATURDAY", "opens", "00:00", "closes", "02:00")))));
		unit.put("exceptions", new ArrayList<>(List.of(new HashMap<>(Map.of("label", "Reforma", "from", "2027-01-04", "to",
				"2027-01-08", "closed", true)))));
		unit.put("shelter", new HashMap<>(Map.of("beds", 4, "takes", "ANYONE", "wheelchairAccessible", false)));
		return unit;
	}

	record Mutation(String field, Object value) {

		@Override
		public String toString() {
			return field + "=" + Hostile.shown(value);
		}

	}

	@Provide
	Arbitrary<List<Mutation>> mutations() {
		return Combinators.combine(Arbitraries.of(FIELDS), Hostile.value()).as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
	}

	@Provide
	Arbitrary<String> brokenBodies() {
		return Hostile.brokenBodies();
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "application/json;charset=ISO-8859-1", "text/plain", "application/xml",
				"application/x-www-form-urlencoded", "application/x-java-serialized-object", "multipart/form-data");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> mutated(Map<String, Object> unit, List<Mutation> mutations) {
		for (Mutation mutation : mutations) {
			String[] path = mutation.field().split("\\.");
			Object parent = unit;
			for (int i = 0; i < path.length; i++) {
				String step = path[i];
				boolean last = i == path.length - 1;
				int index = step.endsWith("]") ? Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1)) : -1;
				String name = index < 0 ? step : step.substring(0, step.indexOf('['));
				if (!(parent instanceof Map<?, ?>)) {
					break;
				}
				Map<String, Object> map = (Map<String, Object>) parent;
				if (index < 0) {
					if (last) {
						map.put(name, mutation.value());
					}
					parent = map.get(name);
				}
				else if (map.get(name) instanceof List<?> list && index < list.size()) {
					if (last) {
						((List<Object>) list).set(index, mutation.value());
					}
					parent = list.get(index);
				}
				else {
					break;
				}
			}
		}
		return unit;
	}

	ResponseEntity<String> send(HttpMethod method, String path, byte[] body, String contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("helena", "demo");
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	int units() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM service_unit", Integer.class);
	}

	String read(String code) {
		return rest.withBasicAuth("helena", "demo").getForEntity("/api/units/" + code, String.class).getBody();
	}

	/** A refusal is a 4xx whose problem says what is wrong. */
	void assertRefusedWithAMessage(ResponseEntity<String> answer, Object sent) throws Exception {
		assertThat(answer.getStatusCode().is4xxClientError()).as("answer %s %s to %s", answer.getStatusCode(),
				answer.getBody(), sent).isTrue();
		JsonNode problem = json.readTree(answer.getBody());
		String message = problem.path("detail").asText(problem.path("message").asText());
		assertThat(message).as("message of %s to %s", answer.getBody(), sent).isNotBlank();
	}

	@Property
	void shouldRefuseOrCreateButNeverFailOnAHostileNewUnit(@ForAll("mutations") List<Mutation> mutations) throws Exception {
		String code = "T-PROP-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
		Map<String, Object> unit = mutated(shelter(code), mutations);
		int before = units();

		ResponseEntity<String> answer = send(HttpMethod.POST, "/api/units", json.writeValueAsBytes(unit),
				MediaType.APPLICATION_JSON_VALUE);

		if (answer.getStatusCode().value() == 201) {
			// The hostile values were acceptable after all (e.g. a name in Arabic): stored as given.
			String created = json.readTree(answer.getBody()).get("code").asText();
			assertThat(units()).isEqualTo(before + 1);
			assertThat(json.readTree(read(created))).isEqualTo(json.readTree(answer.getBody()));
			send(HttpMethod.DELETE, "/api/units/" + created, new byte[0], MediaType.APPLICATION_JSON_VALUE);
		}
		else {
			assertRefusedWithAMessage(answer, mutations);
			assertThat(units()).as("units after refusing %s", mutations).isEqualTo(before);
		}
	}

	/** One unit that every try of the update property tries to damage. */
	static String target;

	@Property
	void shouldRefuseOrApplyButNeverHalfApplyAHostileUpdate(@ForAll("mutations") List<Mutation> mutations) throws Exception {
		if (target == null) {
			target = "T-PROP-TARGET-" + System.nanoTime() % 100_000;
			assertThat(send(HttpMethod.POST, "/api/units", json.writeValueAsBytes(shelter(target)),
					MediaType.APPLICATION_JSON_VALUE).getStatusCode().value()).isEqualTo(201);
		}
		String before = read(target);
		int count = units();

		ResponseEntity<String> answer = send(HttpMethod.PUT, "/api/units/" + target,
				json.writeValueAsBytes(mutated(shelter(target), mutations)), MediaType.APPLICATION_JSON_VALUE);

		if (answer.getStatusCode().value() == 200) {
			assertThat(json.readTree(read(target))).isEqualTo(json.readTree(answer.getBody()));
		}
		else {
			assertRefusedWithAMessage(answer, mutations);
			assertThat(json.readTree(read(target))).as("the unit after refusing %s", mutations)
				.isEqualTo(json.readTree(before));
		}
		assertThat(units()).isEqualTo(count);
	}

	@Property
	void shouldRefuseABodyThatIsNotAUnit(@ForAll("brokenBodies") String body, @ForAll("contentTypes") String contentType)
			throws Exception {
		int before = units();

		ResponseEntity<String> created = send(HttpMethod.POST, "/api/units", body.getBytes(StandardCharsets.UTF_8), contentType);
		ResponseEntity<String> updated = send(HttpMethod.PUT, "/api/units/SOR-CRAS-NORTE",
				body.getBytes(StandardCharsets.UTF_8), contentType);

		assertRefusedWithAMessage(created, body);
		assertRefusedWithAMessage(updated, body);
		assertThat(units()).isEqualTo(before);
	}

}
