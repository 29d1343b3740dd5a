package org.acolhida.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as a worker registers them: the reference person when the case opens, or a household
 * member. {@code relation} is ignored for the reference person; languages are ISO 639 codes.
 */
public record NewPerson(Relation relation, String givenName, String familyName, LocalDate birthDate,
		String nationality, List<String> languages, List<NewDocument> documents) {

	public NewPerson {
		languages = languages == null ? List.of() : List.copyOf(languages);
		documents = documents == null ? List.of() : List.copyOf(documents);
	}

	/** A document held and its number; both or neither. */
	public record NewDocument(String documentType, String number) {
	}

}
