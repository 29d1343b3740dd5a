package org.acolhida.errors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that the application refuses, with a message per field. Thrown before anything is written,
 * so that a refused request leaves nothing half-done; answered with 400 by {@link ApiErrors}.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldMessage> errors;

	public InvalidInputException(List<FieldMessage> errors) {
		super(errors.stream().map(FieldMessage::toString).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldMessage(field, message)));
	}

	public List<FieldMessage> getErrors() {
		return errors;
	}

	/** What is wrong with one field; {@code field} is a path such as {@code openingHours[2].closes}. */
	public record FieldMessage(String field, String message) {

		@Override
		public String toString() {
			return field + ": " + message;
		}

	}

}
