package org.acolhida.errors;

import java.util.ArrayList;
import java.util.List;

import org.acolhida.errors.InvalidInputException.FieldMessage;

/** Collects every problem with an input before refusing it, so that the user can fix all at once. */
public final class FieldErrors {

	private final List<FieldMessage> errors = new ArrayList<>();

	public void reject(String field, String message) {
		errors.add(new FieldMessage(field, message));
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	/** Throws {@link InvalidInputException} if anything was rejected. */
	public void throwIfAny() {
		if (hasErrors()) {
			throw new InvalidInputException(errors);
		}
	}

}
