package org.acolhida.units;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.acolhida.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@code /api/units/{code}/opening} and the kind-specific facts of the list, over HTTP on the demo
 * network. Every expectation is written by hand from {@code demo/units.json} (which follows the
 * Cremona seed): the legal desk opens on Thursdays 15:00-17:00; the municipal desk on Wednesdays
 * 12:00-15:00 and Thursdays 08:30-12:00, every weekday morning 09:00-12:00 during its rota of 3-14
 * August 2026, and not at all from 17 to 28 August; Sorocaba's CRAS Norte on weekdays 08:00-17:00.
 * Rome is UTC+1 in winter and UTC+2 in summer; São Paulo is UTC-3.
 */
@PostgresIntegrationTest
@SuppressWarnings({ "rawtypes", "unchecked" })
class UnitOpeningIT {

	@Autowired
	TestRestTemplate rest;

	ResponseEntity<Map> get(String user, String path) {
		TestRestTemplate caller = user == null ? rest : rest.withBasicAuth(user, "demo");
		// A URI, not a template, so that an encoded '+' (%2B) reaches the server as written.
		return caller.getForEntity(URI.create(path), Map.class);
	}

	Map<String, Object> opening(String code, String at) {
		ResponseEntity<Map> response = get("ana", "/api/units/" + code + "/opening?at=" + at);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	static Map<String, Object> map(Map<String, Object> parent, String... path) {
		Map<String, Object> current = parent;
		for (String key : path) {
			current = (Map<String, Object>) current.get(key);
		}
		return current;
	}

	@Test
	void shouldAnswerThatTheLegalDeskIsOpenUntilFiveOnThursdayAtFour() {
		// 3 December 2026 is a Thursday.
		Map<String, Object> answer = opening("CRE-CARITAS-LEGALE", "2026-12-03T16:00");

		assertThat(answer.get("unit")).isEqualTo("CRE-CARITAS-LEGALE");
		assertThat(answer.get("timeZone")).isEqualTo("Europe/Rome");
		assertThat(map(answer, "at")).contains(entry("local", "2026-12-03T16:00"), entry("day", "THURSDAY"),
				entry("offset", "+01:00"), entry("instant", "2026-12-03T15:00:00Z"));
		assertThat(answer.get("open")).isEqualTo(true);
		assertThat(map(answer, "openUntil")).contains(entry("local", "2026-12-03T17:00"),
				entry("instant", "2026-12-03T16:00:00Z"));
		assertThat(map(answer, "nextOpening", "opens")).contains(entry("local", "2026-12-10T15:00"),
				entry("day", "THURSDAY"), entry("instant", "2026-12-10T14:00:00Z"));
		assertThat(map(answer, "nextOpening", "closes")).contains(entry("local", "2026-12-10T17:00"));
		assertThat(answer.get("exception")).isNull();
	}

	@Test
	void shouldAnswerThatTheLegalDeskNextOpensTheFollowingThursdayAtHalfPastFive() {
		Map<String, Object> answer = opening("CRE-CARITAS-LEGALE", "2026-12-03T17:30");

		assertThat(answer.get("open")).isEqualTo(false);
		assertThat(answer.get("openUntil")).isNull();
		assertThat(map(answer, "nextOpening", "opens")).contains(entry("local", "2026-12-10T15:00"),
				entry("instant", "2026-12-10T14:00:00Z"));
		assertThat(map(answer, "nextOpening", "closes")).contains(entry("local", "2026-12-10T17:00"));
	}

	@Test
	void shouldReadAnInstantWithAnOffsetOrZAsThatInstant() {
		for (String at : List.of("2026-12-03T15:00:00Z", "2026-12-03T16:00%2B01:00", "2026-12-03T12:00-03:00")) {
			Map<String, Object> answer = opening("CRE-CARITAS-LEGALE", at);
			assertThat(map(answer, "at")).as(at).contains(entry("local", "2026-12-03T16:00"));
			assertThat(answer.get("open")).as(at).isEqualTo(true);
		}
	}

	@Test
	void shouldAnswerWithTheAugustRota() {
		// Wednesday 5 August 2026 at 10:00: the municipal desk opens every morning instead of at noon,
		// while the Caritas immigration service is closed until Monday 17 August.
		Map<String, Object> municipal = opening("CRE-SPORTELLO-COMUNE", "2026-08-05T10:00");
		assertThat(map(municipal, "at")).contains(entry("offset", "+02:00"), entry("instant", "2026-08-05T08:00:00Z"));
		assertThat(municipal.get("open")).isEqualTo(true);
		assertThat(map(municipal, "openUntil")).contains(entry("local", "2026-08-05T12:00"));
		assertThat(map(municipal, "nextOpening", "opens")).contains(entry("local", "2026-08-06T09:00"));
		assertThat(municipal.get("exception")).isEqualTo("Rota estiva: la Caritas è chiusa, il Comune apre ogni mattina");

		Map<String, Object> caritas = opening("CRE-CARITAS-IMMIGRAZIONE", "2026-08-05T10:00");
		assertThat(caritas.get("open")).isEqualTo(false);
		assertThat(map(caritas, "nextOpening", "opens")).contains(entry("local", "2026-08-17T09:00"),
				entry("day", "MONDAY"));
		assertThat(caritas.get("exception")).isEqualTo("Rota estiva: chiuso, è aperto lo sportello del Comune");
	}

	@Test
	void shouldKeepTheLegalDesksThursdayDuringTheRotaOfTheOtherSites() {
		// Thursday 6 August 2026: the rota is the municipal desk's and the immigration service's only.
		Map<String, Object> answer = opening("CRE-CARITAS-LEGALE", "2026-08-06T15:30");

		assertThat(answer.get("open")).isEqualTo(true);
		assertThat(map(answer, "openUntil")).contains(entry("local", "2026-08-06T17:00"),
				entry("instant", "2026-08-06T15:00:00Z"));
		assertThat(answer.get("exception")).isNull();
	}

	@Test
	void shouldAnswerOpenWithoutAnEndForAShelterOpenAroundTheClock() {
		Map<String, Object> answer = opening("SOR-CASA-MULHER", "2026-12-03T03:00");

		assertThat(answer.get("open")).isEqualTo(true);
		assertThat(answer.get("openUntil")).isNull();
		assertThat(answer.get("nextOpening")).isNull();
	}

	@Test
	void shouldAnswerWithTheClosureAndTheFirstOpeningAfterIt() {
		// Wednesday 19 August 2026 at 13:00 would be inside the regular hours; the desk is closed until
		// the 28th, and the first regular opening after that is Wednesday 2 September.
		Map<String, Object> answer = opening("CRE-SPORTELLO-COMUNE", "2026-08-19T13:00");

		assertThat(answer.get("open")).isEqualTo(false);
		assertThat(answer.get("exception")).isEqualTo("Rota estiva: chiuso, apre il servizio Caritas");
		assertThat(map(answer, "nextOpening", "opens")).contains(entry("local", "2026-09-02T12:00"),
				entry("day", "WEDNESDAY"));
		assertThat(map(answer, "nextOpening", "closes")).contains(entry("local", "2026-09-02T15:00"));
	}

	@Test
	void shouldGiveSaoPauloAndRomeTheirOwnLocalAnswersForTheSameInstant() {
		String instant = "2026-12-03T17:00:00Z";

		Map<String, Object> rome = opening("CRE-CARITAS-LEGALE", instant);
		Map<String, Object> saoPaulo = opening("SOR-CRAS-NORTE", instant);

		assertThat(map(rome, "at")).contains(entry("local", "2026-12-03T18:00"), entry("instant", instant));
		assertThat(rome.get("open")).isEqualTo(false);
		assertThat(map(rome, "nextOpening", "opens")).contains(entry("local", "2026-12-10T15:00"));
		assertThat(saoPaulo.get("timeZone")).isEqualTo("America/Sao_Paulo");
		assertThat(map(saoPaulo, "at")).contains(entry("local", "2026-12-03T14:00"), entry("offset", "-03:00"),
				entry("instant", instant));
		assertThat(saoPaulo.get("open")).isEqualTo(true);
		assertThat(map(saoPaulo, "openUntil")).contains(entry("local", "2026-12-03T17:00"),
				entry("instant", "2026-12-03T20:00:00Z"));
		assertThat(map(saoPaulo, "nextOpening", "opens")).contains(entry("local", "2026-12-04T08:00"),
				entry("day", "FRIDAY"));
	}

	@Test
	void shouldAnswerForNowFromTheEngineClock() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-03T15:00:00Z")));
		try {
			ResponseEntity<Map> response = get("ana", "/api/units/CRE-CARITAS-LEGALE/opening");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(map(response.getBody(), "at")).contains(entry("local", "2026-12-03T16:00"));
			assertThat(response.getBody().get("open")).isEqualTo(true);
		}
		finally {
			ClockUtil.reset();
		}
	}

	@Test
	void shouldRefuseABadInstantAndAnUnknownUnit() {
		for (String at : List.of("tomorrow", "2026-12-03", "2026-13-03T16:00", "2026-12-03T16:00+01:00", "")) {
			ResponseEntity<Map> response = get("ana", "/api/units/CRE-CARITAS-LEGALE/opening?at=" + at);
			assertThat(response.getStatusCode()).as(at).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody().toString()).as(at).contains("at").contains("2026-12-03T16:00");
		}
		// An unencoded '+' arrives as a space: the answer says how to write it.
		assertThat(get("ana", "/api/units/CRE-CARITAS-LEGALE/opening?at=2026-12-03T16:00+01:00").getBody().toString())
			.contains("%2B");

		ResponseEntity<Map> unknown = get("ana", "/api/units/NO-SUCH-UNIT/opening?at=2026-12-03T16:00");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody().get("detail")).isEqualTo("No service unit with code 'NO-SUCH-UNIT'");
	}

	@Test
	void shouldAnswerAnySignedInUserAndNoAnonymousCaller() {
		assertThat(get(null, "/api/units/CRE-CARITAS-LEGALE/opening?at=2026-12-03T16:00").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// A Sorocaba worker reads a Cremona unit's hours, as they read the unit itself.
		assertThat(get("ana", "/api/units/CRE-CARITAS-LEGALE/opening?at=2026-12-03T16:00").getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldDescribeTheOperationInTheApiDocument() {
		Map<String, Object> paths = map(get("ana", "/api/openapi").getBody(), "paths");
		Map<String, Object> operation = map(paths, "/api/units/{code}/opening", "get");

		assertThat(operation.get("summary")).asString().contains("open at an instant");
		assertThat(operation.get("parameters").toString()).contains("name=at").contains("the unit's local time");
	}

	@Test
	void shouldListSheltersWithTheirBedsAndWhomTheyTake() {
		List<?> listed = rest.withBasicAuth("ana", "demo").getForObject("/api/units?kind=SHELTER", List.class);

		assertThat(listed).allSatisfy(unit -> assertThat(((Map<String, Object>) unit).get("kind")).isEqualTo("SHELTER"));
		assertThat(shelter(listed, "SOR-ACOLHIDA-MIGRANTE")).containsExactlyInAnyOrderEntriesOf(
				Map.of("beds", 30, "takes", "ANYONE", "wheelchairAccessible", true));
		assertThat(shelter(listed, "SOR-ABRIGO-RECOMECO")).containsExactlyInAnyOrderEntriesOf(
				Map.of("beds", 16, "takes", "FAMILIES_WITH_CHILDREN", "wheelchairAccessible", false));
		assertThat(shelter(listed, "SOR-CASA-MULHER")).containsExactlyInAnyOrderEntriesOf(
				Map.of("beds", 10, "takes", "WOMEN_ONLY", "wheelchairAccessible", true));
		assertThat(shelter(listed, "CRE-CASA-ACCOGLIENZA")).containsExactlyInAnyOrderEntriesOf(
				Map.of("beds", 24, "takes", "MEN_ONLY", "wheelchairAccessible", false));
		assertThat(shelter(listed, "CRE-CASA-FAMIGLIE")).containsExactlyInAnyOrderEntriesOf(
				Map.of("beds", 12, "takes", "FAMILIES_WITH_CHILDREN", "wheelchairAccessible", true));
	}

	@Test
	void shouldListClassesWithTheirLanguageLevelAudienceSeatsAndLessons() {
		List<?> listed = rest.withBasicAuth("ana", "demo")
			.getForObject("/api/units?kind=LITERACY_CLASS&municipality=Cremona", List.class);

		Map<String, Object> adults = (Map<String, Object>) unit(listed, "CRE-ALFA-ADULTI").get("literacyClass");
		assertThat(adults).contains(entry("language", "it"), entry("level", "PRE_LITERATE"), entry("audience", "ADULTS"),
				entry("seats", 15));
		assertThat(adults.get("sessions")).isEqualTo(List.of(Map.of("day", "TUESDAY", "opens", "18:00", "closes", "20:00"),
				Map.of("day", "THURSDAY", "opens", "18:00", "closes", "20:00")));
		Map<String, Object> children = (Map<String, Object>) unit(listed, "CRE-ALFA-BAMBINI").get("literacyClass");
		assertThat(children).contains(entry("level", "BEGINNER"), entry("audience", "CHILDREN"), entry("seats", 12));
	}

	static Map<String, Object> unit(List<?> listed, String code) {
		return listed.stream()
			.map(Map.class::cast)
			.filter(unit -> code.equals(unit.get("code")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(code + " is not in the list"));
	}

	static Map<String, Object> shelter(List<?> listed, String code) {
		return (Map<String, Object>) unit(listed, code).get("shelter");
	}

}
