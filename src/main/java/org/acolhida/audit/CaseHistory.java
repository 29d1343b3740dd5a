package org.acolhida.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything an auditor sees of one case: the case file's headline, each process instance of the
 * case with the path it took, and the timeline across all of them, oldest first.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record CaseHistory(String caseNumber, String person, List<String> household, String owningUnit, String status,
		Instant openedAt, Instant closedAt, String mergedInto, List<ProcessPath> processes,
		List<TimelineEntry> timeline) {

	/**
	 * One process instance of the case and what it went through, for drawing on its diagram.
	 * @param visited ids of the elements it passed through or is in (in the order first reached)
	 * @param active ids of the elements it is in now
	 * @param failed ids of the elements with an open incident
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record ProcessPath(String id, String definitionId, String definitionKey, String name, Integer version,
			Instant start, Instant end, String state, String startedBy, String calledBy, List<String> visited,
			List<String> active, List<String> failed) {
	}

}
