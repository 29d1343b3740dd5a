package org.acolhida.support;

import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check of what workers read knows the codes of the decision tables and fills templates as Tasklist does. */
class ShownToWorkersTest {

	@Test
	void shouldForbidTheCodesOfTheDecisionTablesAndNotTheWordsOfADocument() {
		assertThat(ShownToWorkers.FORBIDDEN).contains("HUMANITARIAN_VISA", "FEDERAL_POLICE", "PERMESSO_SOGGIORNO",
				"POST_OFFICE_THEN_QUESTURA", "LEGAL_AID", "NO_ROOM")
			.doesNotContain("CPF", "CRNM", "CRAS");
	}

	@Test
	void shouldFillTemplatesAsTasklistDoes() {
		assertThat(ShownToWorkers.filled("**{{documentType}}** · {{ situation }} · {{missing}}",
				Map.of("documentType", "PERMESSO_SOGGIORNO", "situation", "MINOR")))
			.isEqualTo("**PERMESSO_SOGGIORNO** · MINOR · ");
		assertThat(ShownToWorkers.filled("until {{at}}", Map.of("at", Date.from(java.time.Instant.parse(
				"2026-03-09T10:00:00Z"))))).contains("2026-03-09");
	}

}
