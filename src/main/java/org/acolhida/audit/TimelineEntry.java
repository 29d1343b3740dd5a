package org.acolhida.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a case's history: a step of a process, a decision, a variable change, a transfer of the
 * case between units, an incident or an operation someone performed. Fields that do not apply to the
 * kind stay empty.
 *
 * @param at when it happened (for a step: when it started)
 * @param end when a step ended; empty while it runs
 * @param kind what sort of line it is
 * @param type for a step, the BPMN element type ({@code userTask}, {@code serviceTask}, ...); for an
 *     operation, the operation ({@code Claim}, {@code SetVariable}, ...); for an incident, its type
 * @param processInstanceId the process instance it belongs to; empty for case-file lines
 * @param process the name of that process
 * @param activityId the BPMN or DMN element, so that the page can find it on the diagram
 * @param what a short human description
 * @param who the user who did it (task assignee, operation log user, starter, transferrer)
 * @param inputs a decision's inputs
 * @param outputs a decision's outputs (one per matched rule and output)
 * @param variable the changed variable
 * @param from its value before the change; empty when it was created
 * @param to its value after the change
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record TimelineEntry(Instant at, Instant end, Kind kind, String type, String processInstanceId, String process,
		String activityId, String what, String who, List<NamedValue> inputs, List<NamedValue> outputs,
		String variable, String from, String to) {

	enum Kind {

		CASE, TRANSFER, PROCESS, STEP, DECISION, VARIABLE, INCIDENT, OPERATION

	}

	/** A decision's input or output: its label in the table and the value, as text. */
	record NamedValue(String name, String value) {
	}

	static TimelineEntry of(Instant at, Kind kind, String what, String who) {
		return new TimelineEntry(at, null, kind, null, null, null, null, what, who, List.of(), List.of(), null, null, null);
	}

	/** One line of text for what the columns do not show: decision values, a variable's from → to. */
	String details() {
		return switch (kind) {
			case DECISION -> "inputs: " + join(inputs) + " | outputs: " + join(outputs);
			case VARIABLE -> variable + ": " + (from == null ? "(new)" : from) + " → " + (to == null ? "(none)" : to);
			case TRANSFER -> from + " → " + to;
			default -> "";
		};
	}

	private static String join(List<NamedValue> values) {
		return String.join("; ", values.stream().map(v -> v.name() + " = " + v.value()).toList());
	}

}
