package org.acolhida.audit;

import org.acolhida.support.Rfc4180;
import java.time.Instant;
import java.util.List;

import org.acolhida.audit.TimelineEntry.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineCsvTest {

	@Test
	void shouldQuoteFieldsWithCommasQuotesAndLineBreaks() {
		TimelineEntry change = new TimelineEntry(Instant.parse("2026-03-01T10:15:30Z"), null, Kind.VARIABLE, "string",
				"pi-1", "Reception", null, "Changed notes", "ana", List.of(), List.of(), "notes", "a, b",
				"said \"no\"\nthen yes");

		String csv = TimelineCsv.of(List.of(change));

		List<List<String>> records = Rfc4180.parse(csv);
		assertThat(records).hasSize(2);
		assertThat(records.get(1)).containsExactly("2026-03-01T10:15:30Z", "", "VARIABLE", "string", "Reception", "pi-1",
				"", "Changed notes", "ana", "notes: a, b → said \"no\"\nthen yes");
		assertThat(csv).contains("\"notes: a, b → said \"\"no\"\"\nthen yes\"\r\n");
	}

	@Test
	void shouldKeepASpreadsheetFromRunningTextAsAFormula() {
		TimelineEntry entry = TimelineEntry.of(Instant.parse("2026-03-01T10:15:30Z"), Kind.OPERATION,
				"=HYPERLINK(\"http://example.org\")", "@someone");

		List<String> record = Rfc4180.parse(TimelineCsv.of(List.of(entry))).get(1);

		assertThat(record.get(7)).isEqualTo("'=HYPERLINK(\"http://example.org\")");
		assertThat(record.get(8)).isEqualTo("'@someone");
	}

}
