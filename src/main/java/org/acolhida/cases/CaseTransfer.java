package org.acolhida.cases;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** A move of a case from one unit to another: who did it, when, and why. */
@Table("case_transfer")
public record CaseTransfer(String fromUnit, String toUnit, String transferredBy, Instant transferredAt,
		String reason) {
}
