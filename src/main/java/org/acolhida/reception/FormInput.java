package org.acolhida.reception;


import org.acolhida.language.FormMessages;
import org.acolhida.system.InvalidInputException;

/**
 * Turns refused input into an error that the engine's REST API answers with 400 and Tasklist shows
 * above the form; the transaction rolls back, so nothing of the submission stays. Values are read
 * with {@link org.acolhida.language.FormValues}.
 */
final class FormInput {

	private FormInput() {
	}

	/** The refusal in the signed-in worker's language (else that of the case's unit). */
	static InvalidFormException refused(InvalidInputException e, FormMessages messages, Object unitCode) {
		return new InvalidFormException(messages.refusal(e, unitCode == null ? null : unitCode.toString()));
	}

}
