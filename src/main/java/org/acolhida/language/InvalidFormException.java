package org.acolhida.language;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;
import org.acolhida.errors.InvalidInputException.FieldMessage;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A form submitted to the engine (a start form, a task form) that a delegate or listener refuses, in
 * every process: its message is already in the worker's language and names each field by its label
 * (see {@link FormMessages#refused}). The engine rolls the whole submission back, so a task stays
 * open and nothing is started.
 * <p>
 * It is a REST exception on purpose: the engine's REST resources turn every
 * {@link org.camunda.bpm.engine.ProcessEngineException} raised while starting an instance
 * ({@code /start}) or completing a task into a 500, the engine's own
 * {@code FormFieldValidationException} included on {@code /start}; this one passes through the engine
 * untouched and is answered with 400 and its message on every path, which Tasklist shows above the
 * form.
 */
public class InvalidFormException extends InvalidRequestException {

	private final transient List<FieldMessage> errors;

	InvalidFormException(String message, List<FieldMessage> errors) {
		super(Status.BAD_REQUEST, message);
		this.errors = List.copyOf(errors);
	}

	/** What was refused, field by field, as the delegate said it (keys and English): for logs and callers. */
	public List<FieldMessage> getErrors() {
		return errors;
	}

}
