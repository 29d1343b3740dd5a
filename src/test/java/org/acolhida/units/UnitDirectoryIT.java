package org.acolhida.units;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.acolhida.support.PostgresIntegrationTest;
import org.acolhida.units.UnitDto.Interval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The look-ups processes make, on PostgreSQL: against units this test creates (with a municipality
 * of its own, so the demo network does not interfere) and against the demo network of the seeds.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitDirectoryIT {

	static final String TOWN = "Vila Teste";

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	UnitDirectory directory;

	@Autowired
	UnitMaintenance maintenance;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	void createUnits() {
		if (directory.isActive("T-CRAS-A")) {
			return;
		}
		maintenance.create(unit("T-CRAS-B", "CRAS", List.of("Jardim Sul", "Centro"), List.of("pt", "ht")));
		maintenance.create(unit("T-CRAS-A", "CRAS", List.of("Centro"), List.of("pt")));
		maintenance.create(unit("T-CREAS", "CREAS", List.of("Jardim Sul", "Centro"), List.of("pt", "es")));
		maintenance.create(unit("T-CRAS-OLD", "CRAS", List.of("Vale Antigo"), List.of("ht")));
		maintenance.setActive("T-CRAS-OLD", false);
	}

	static UnitDto unit(String code, String kind, List<String> districts, List<String> languages) {
		return new UnitDto(code, "Unit " + code, kind, TOWN, "BR", "America/Sao_Paulo", null, null, null, districts,
				languages, List.of(new Interval("MONDAY", "08:00", "17:00")), List.of(), null, null, List.of(), null);
	}

	@Test
	void shouldFindTheResponsibleUnitOfAKindForADistrict() {
		assertThat(directory.responsibleUnit(UnitKind.CRAS, TOWN, "Jardim Sul")).map(ServiceUnit::getCode)
			.contains("T-CRAS-B");
		assertThat(directory.responsibleUnit(UnitKind.CREAS, TOWN, "Jardim Sul")).map(ServiceUnit::getCode)
			.contains("T-CREAS");
	}

	@Test
	void shouldGiveTheSameAnswerAtEveryDeskWhenTwoUnitsServeADistrict() {
		// Both T-CRAS-A and T-CRAS-B serve Centro: the first by code, every time.
		assertThat(directory.responsibleUnit(UnitKind.CRAS, TOWN, "Centro")).map(ServiceUnit::getCode)
			.contains("T-CRAS-A");
	}

	@Test
	void shouldMatchDistrictsAsStaffTypeThem() {
		assertThat(directory.responsibleUnit(UnitKind.CRAS, TOWN.toUpperCase(), "jardim sul")).isPresent();
	}

	@Test
	void shouldFindNoUnitForADistrictNobodyServesOrAnInactiveUnit() {
		assertThat(directory.responsibleUnit(UnitKind.CRAS, TOWN, "Atlântida")).isEmpty();
		assertThat(directory.responsibleUnit(UnitKind.CRAS, TOWN, "Vale Antigo")).as("served by an inactive unit")
			.isEmpty();
		assertThat(directory.responsibleUnit(UnitKind.SHELTER, TOWN, "Centro")).isEmpty();
	}

	@Test
	void shouldFindActiveUnitsThatSpeakALanguage() {
		assertThat(directory.unitsSpeaking(UnitKind.CRAS, "ht")).extracting(ServiceUnit::getCode)
			.contains("T-CRAS-B")
			.doesNotContain("T-CRAS-A", "T-CRAS-OLD");
	}

	@Test
	void shouldSeeAChangeMadeByAnotherNode() {
		// Another node adds a district to T-CRAS-A straight in the database (its save raises the version).
		jdbc.update("INSERT INTO unit_district (service_unit, district) SELECT id, 'Vila Nova' FROM service_unit"
				+ " WHERE code = 'T-CRAS-A' AND NOT EXISTS (SELECT 1 FROM unit_district d, service_unit u"
				+ " WHERE d.service_unit = u.id AND u.code = 'T-CRAS-A' AND d.district = 'Vila Nova')");
		jdbc.update("UPDATE service_unit SET version = version + 1 WHERE code = 'T-CRAS-A'");

		assertThat(directory.responsibleUnit(UnitKind.CRAS, TOWN, "Vila Nova")).map(ServiceUnit::getCode)
			.contains("T-CRAS-A");
	}

	@Test
	void shouldRefuseAnUnknownUnitCode() {
		assertThatThrownBy(() -> directory.isOpen("NO-SUCH-UNIT", Instant.now()))
			.isInstanceOf(UnknownUnitException.class)
			.hasMessageContaining("NO-SUCH-UNIT");
	}

	// The demo network reproduces the seeds.

	@Test
	void shouldKeepCremonasLegalDeskOpenOnThursdayAtHalfPastThreeAndClosedAtHalfPastFive() {
		LocalDate thursday = LocalDate.of(2026, 10, 1);
		assertThat(thursday.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);

		assertThat(directory.isOpen("CRE-CARITAS-LEGALE", rome(thursday, 15, 30))).isTrue();
		assertThat(directory.isOpen("CRE-CARITAS-LEGALE", rome(thursday, 17, 30))).isFalse();
		assertThat(directory.nextOpening("CRE-CARITAS-LEGALE", rome(thursday, 17, 30)).orElseThrow().opens())
			.isEqualTo(ZonedDateTime.of(thursday.plusWeeks(1).atTime(15, 0), ROME));
	}

	@Test
	void shouldAlternateCremonasDesksInTheSummerRotaSoTheServiceNeverStops() {
		for (LocalDate day = LocalDate.of(2026, 8, 3); !day.isAfter(LocalDate.of(2026, 8, 28)); day = day.plusDays(1)) {
			if (day.getDayOfWeek().getValue() > 5) {
				continue;
			}
			boolean municipal = directory.isOpen("CRE-SPORTELLO-COMUNE", rome(day, 10, 0));
			boolean caritas = directory.isOpen("CRE-CARITAS-IMMIGRAZIONE", rome(day, 10, 0));
			assertThat(municipal || caritas).as("a desk is open on %s", day).isTrue();
			assertThat(municipal && caritas).as("the sites alternate on %s", day).isFalse();
		}
		// Outside the rota, a Monday morning: the Caritas service is open, the municipal desk is not.
		assertThat(directory.isOpen("CRE-CARITAS-IMMIGRAZIONE", rome(LocalDate.of(2026, 9, 7), 10, 0))).isTrue();
		assertThat(directory.isOpen("CRE-SPORTELLO-COMUNE", rome(LocalDate.of(2026, 9, 7), 10, 0))).isFalse();
	}

	@Test
	void shouldAnswerEachUnitInItsOwnTimeZone() {
		// 14:30 UTC on a March Thursday: 11:30 in Sorocaba (CRAS open 08-17), 15:30 in Cremona
		// (Caritas service open 09-12 only).
		Instant instant = Instant.parse("2026-03-05T14:30:00Z");

		assertThat(directory.isOpen("SOR-CRAS-NORTE", instant)).isTrue();
		assertThat(directory.isOpen("CRE-CARITAS-IMMIGRAZIONE", instant)).isFalse();
		assertThat(directory.nextOpening("CRE-CARITAS-IMMIGRAZIONE", instant).orElseThrow().opens())
			.isEqualTo(ZonedDateTime.of(LocalDate.of(2026, 3, 6).atTime(9, 0), ROME));
	}

	@Test
	void shouldFindTheOfficeThatIssuesADocumentInAMunicipality() {
		assertThat(directory.officeFor(DocumentType.CRNM, "Sorocaba")).map(ServiceUnit::getCode).contains("SOR-PF");
		assertThat(directory.officeFor(DocumentType.PERMESSO_SOGGIORNO, "Cremona")).map(ServiceUnit::getCode)
			.contains("CRE-QUESTURA");
		assertThat(directory.officeFor(DocumentType.CPF, "Cremona")).isEmpty();
	}

	static Instant rome(LocalDate date, int hour, int minute) {
		return ZonedDateTime.of(date.atTime(hour, minute), ROME).toInstant();
	}

}
