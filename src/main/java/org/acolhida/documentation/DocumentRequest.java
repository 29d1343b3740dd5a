package org.acolhida.documentation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.acolhida.errors.InvalidInputException;
import org.acolhida.units.DocumentType;

/**
 * One document for one member of the household, written {@code CPF:2} in process variables: the
 * value a trail of the multi-instance subprocess runs for.
 */
record DocumentRequest(DocumentType documentType, int memberNo) {

	static DocumentRequest parse(String value, String field) {
		String[] parts = value == null ? new String[0] : value.trim().split(":");
		try {
			if (parts.length == 2) {
				return new DocumentRequest(DocumentType.valueOf(parts[0].trim().toUpperCase(Locale.ROOT)),
						Integer.parseInt(parts[1].trim()));
			}
		}
		catch (IllegalArgumentException e) {
			// falls through to the message below, which names the expected form
		}
		throw new InvalidInputException(field, "'" + value + "' is not a document request (TYPE:memberNo)");
	}

	/** The requests of a comma-separated list. */
	static List<DocumentRequest> parseAll(String values, String field) {
		if (values == null || values.isBlank()) {
			return List.of();
		}
		return Arrays.stream(values.split(",")).filter(s -> !s.isBlank()).map(s -> parse(s, field)).toList();
	}

	String key() {
		return documentType.name() + ":" + memberNo;
	}

}
