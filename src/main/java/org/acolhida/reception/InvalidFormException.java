package org.acolhida.reception;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A form submitted to the engine (a start form, a task form) that a delegate refuses: missing
 * fields, an unknown unit, a birth date in the future. The engine rolls the whole submission back.
 * <p>
 * It is a REST exception on purpose: the engine's REST resources turn every
 * {@link org.camunda.bpm.engine.ProcessEngineException} raised while starting an instance or
 * completing a task into "500 Cannot instantiate ...", whereas this one passes through the engine
 * untouched and is answered with 400 and its message, which Tasklist shows above the form.
 */
public class InvalidFormException extends InvalidRequestException {

	public InvalidFormException(String message) {
		super(Status.BAD_REQUEST, message);
	}

}
