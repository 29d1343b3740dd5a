package org.acolhida.expressions;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * An expression tried to reach something outside {@link ExpressionPolicy}. Thrown before the read or
 * call happens, so the refused step has no effect, and the command it ran in rolls back.
 */
public class ExpressionRefusedException extends ProcessEngineException {

	private static final long serialVersionUID = 1L;

	public ExpressionRefusedException(String reason) {
		super("Expression refused: it " + reason);
	}

}
