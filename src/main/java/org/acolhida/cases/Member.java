package org.acolhida.cases;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A person of the household. Member 1 is the reference person; {@code languages} are ISO 639 codes
 * kept comma-separated, as the case file only lists them.
 */
@Table("case_member")
public record Member(int memberNo, Relation relation, String givenName, String familyName, LocalDate birthDate,
		String nationality, String languages) {

	public String fullName() {
		return givenName + " " + familyName;
	}

	public List<String> languageList() {
		return languages == null || languages.isBlank() ? List.of()
				: Arrays.stream(languages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	public int ageOn(LocalDate date) {
		return Period.between(birthDate, date).getYears();
	}

}
