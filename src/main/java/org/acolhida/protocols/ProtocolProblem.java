package org.acolhida.protocols;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/** Why a protocol file is refused: the resource, the element and a message a manager can act on. */
record ProtocolProblem(String resource, String elementId, String message) implements Problem {

	@Override
	public String getMessage() {
		return message;
	}

	@Override
	public int getLine() {
		return 0;
	}

	@Override
	public int getColumn() {
		return 0;
	}

	@Override
	public String getMainElementId() {
		return elementId;
	}

	@Override
	public List<String> getElementIds() {
		return elementId == null ? List.of() : List.of(elementId);
	}

	@Override
	public String toString() {
		return resource + (elementId == null ? "" : " (" + elementId + ")") + ": " + message;
	}

}
