package org.acolhida.audit;

import java.time.Instant;

/** A case as the auditor's search lists it. */
record CaseSummary(String caseNumber, String person, int members, String owningUnit, String status,
		Instant openedAt, Instant closedAt) {
}
