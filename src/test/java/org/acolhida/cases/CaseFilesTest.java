package org.acolhida.cases;

import java.time.LocalDate;
import java.util.List;

import org.acolhida.cases.NewPerson.NewDocument;
import org.acolhida.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:cases-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class CaseFilesTest {

	@Autowired
	CaseFiles cases;

	@Autowired
	JdbcTemplate jdbc;

	static NewPerson person(String given, String family, LocalDate birth, String nationality, String docNumber) {
		return new NewPerson(null, given, family, birth, nationality, List.of("es", "ht"),
				docNumber == null ? List.of() : List.of(new NewDocument("PASSPORT", docNumber)));
	}

	@Test
	void shouldNumberCasesByMunicipalityAndYearAndKeepTheHousehold() {
		CaseFile file = cases.open(new NewCase("SOR-CRAS-NORTE",
				person("Marie", "Joseph", LocalDate.of(1990, 3, 1), "Haiti", "HT-1001"), "Éden", true), "ana");
		assertThat(file.getCaseNumber()).matches("SOR-\\d{4}-\\d{6}");
		assertThat(file.getOwningUnit()).isEqualTo("SOR-CRAS-NORTE");
		assertThat(file.getStatus()).isEqualTo(CaseStatus.OPEN);

		cases.registerHousehold(file.getCaseNumber(), List.of(new NewPerson(Relation.CHILD, "Jean", "Joseph",
				LocalDate.of(2018, 5, 2), "Haiti", List.of("ht"), List.of())));

		CaseFile read = cases.find(file.getCaseNumber());
		assertThat(read.getMembers()).extracting(Member::relation)
			.containsExactly(Relation.REFERENCE_PERSON, Relation.CHILD);
		assertThat(read.getReferencePerson().languageList()).containsExactly("es", "ht");
		assertThat(read.documentsOf(1)).extracting(MemberDocument::number).containsExactly("HT-1001");
	}

	@Test
	void shouldFindDuplicatesByDocumentNumberOrByNameBirthDateAndNationality() {
		CaseFile first = cases.open(new NewCase("SOR-CRAS-NORTE",
				person("Carlos", "Pérez", LocalDate.of(1985, 7, 9), "Venezuela", "V-12.345.678"), "Éden", false), "ana");
		CaseFile sameDocument = cases.open(new NewCase("SOR-CRAS-OESTE",
				person("Carlos A.", "Perez", LocalDate.of(1985, 7, 9), "Venezuela", "v12345678"), null, false), "ana");
		CaseFile samePerson = cases.open(new NewCase("SOR-CRAS-LESTE",
				person("carlos", "pérez", LocalDate.of(1985, 7, 9), "venezuela", null), null, false), "ana");
		CaseFile someoneElse = cases.open(new NewCase("SOR-CRAS-LESTE",
				person("Carlos", "Pérez", LocalDate.of(1986, 7, 9), "Venezuela", null), null, false), "ana");

		assertThat(cases.possibleDuplicates(sameDocument.getCaseNumber())).containsExactly(first.getCaseNumber());
		assertThat(cases.possibleDuplicates(samePerson.getCaseNumber())).containsExactly(first.getCaseNumber());
		assertThat(cases.possibleDuplicates(someoneElse.getCaseNumber())).isEmpty();
	}

	@Test
	void shouldRefuseBadInputWithoutWritingACase() {
		Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class);

		assertThatThrownBy(() -> cases.open(new NewCase("SOR-NOWHERE",
				person("", "Joseph", LocalDate.now().plusDays(2), "Haiti", null), null, false), "ana"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
				.extracting(InvalidInputException.FieldMessage::field)
				.containsExactlyInAnyOrder("unitCode", "givenName", "birthDate"));
		assertThatThrownBy(() -> cases.open(new NewCase("SOR-PF",
				person("Ana", "Joseph", LocalDate.of(2000, 1, 1), "Haiti", null), null, false), "ana"))
			.hasMessageContaining("not a unit that takes cases in charge");

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class)).isEqualTo(before);
	}

	@Test
	void shouldRecordTransfersAndRefuseThemWithoutReason() {
		CaseFile file = cases.open(new NewCase("SOR-CRAS-NORTE",
				person("Aisha", "Khan", LocalDate.of(1995, 1, 1), "Pakistan", null), "Éden", false), "ana");

		assertThatThrownBy(() -> cases.transfer(file.getCaseNumber(), "SOR-CRAS-LESTE", " ", "ana"))
			.hasMessageContaining("reason: is required");
		assertThatThrownBy(() -> cases.transfer(file.getCaseNumber(), "XYZ-CRAS", "moved", "ana"))
			.hasMessageContaining("toUnit: 'XYZ-CRAS' is not an active unit");
		assertThat(cases.find(file.getCaseNumber()).getTransfers()).isEmpty();
		CaseFile moved = cases.transfer(file.getCaseNumber(), "SOR-CRAS-LESTE", "moved to Centro", "ana");

		assertThat(moved.getOwningUnit()).isEqualTo("SOR-CRAS-LESTE");
		assertThat(cases.find(file.getCaseNumber()).getTransfers()).singleElement().satisfies(t -> {
			assertThat(t.fromUnit()).isEqualTo("SOR-CRAS-NORTE");
			assertThat(t.toUnit()).isEqualTo("SOR-CRAS-LESTE");
			assertThat(t.transferredBy()).isEqualTo("ana");
			assertThat(t.reason()).isEqualTo("moved to Centro");
			assertThat(t.transferredAt()).isNotNull();
		});
	}

}
