package org.acolhida.documentation;

import org.acolhida.system.InvalidInputException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Turns refused input into an error that Tasklist shows above the form; the transaction rolls back,
 * so nothing of the submission stays. The error is a {@link FormFieldValidationException} because
 * that is what the engine's REST API answers with 400 when a form is submitted (task or start form);
 * any other engine exception there becomes a 500. Values are read with
 * {@link org.acolhida.language.FormValues}.
 */
final class Input {

	private Input() {
	}

	/** The refusal of a form submission; its detail is the list of field messages. */
	static FormFieldValidationException refused(InvalidInputException e) {
		return new FormFieldValidationException(e.getErrors(), "Please correct: " + e.getMessage());
	}

}
