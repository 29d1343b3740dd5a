package org.acolhida.export;

import java.math.BigDecimal;
import java.util.List;

import org.acolhida.support.Rfc4180;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvWriterTest {

	@Test
	void shouldQuoteCommasSemicolonsQuotesAndLineBreaks() {
		String csv = new CsvWriter(List.of("a", "b", "c", "d", "e")).row("Vila Nova, Éden", "Jardim \"Alto\"",
				"first\nsecond", "one\r\ntwo", "Rua 1; casa 2")
			.row("plain", "", null, "ação", "日本語")
			.toString();

		assertThat(csv).isEqualTo("a,b,c,d,e\r\n"
				+ "\"Vila Nova, Éden\",\"Jardim \"\"Alto\"\"\",\"first\nsecond\",\"one\r\ntwo\",\"Rua 1; casa 2\"\r\n"
				+ "plain,,,ação,日本語\r\n");
		assertThat(Rfc4180.parse(csv)).containsExactly(List.of("a", "b", "c", "d", "e"),
				List.of("Vila Nova, Éden", "Jardim \"Alto\"", "first\nsecond", "one\r\ntwo", "Rua 1; casa 2"),
				List.of("plain", "", "", "ação", "日本語"));
	}

	@Test
	void shouldShowTextThatASpreadsheetWouldRunAsText() {
		List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
				"\tTAB", "\rCR");

		List<List<String>> records = Rfc4180
			.parse(new CsvWriter(List.of("1", "2", "3", "4", "5", "6")).row(hostile.toArray()).toString());

		assertThat(records.get(1)).containsExactly("'=HYPERLINK(\"http://x\",\"y\")", "'+1+cmd|' /C calc'!A0", "'-2+3",
				"'@SUM(A1:A9)", "'\tTAB", "'\rCR");
		assertThat(records.get(1)).allSatisfy(cell -> assertThat(cell).doesNotMatch("^[=+\\-@\t\r].*"));
	}

	@Test
	void shouldGuardTheHeaderAndAnyObjectByItsTextButWriteNumbersAsNumbers() {
		String csv = new CsvWriter(List.of("=name", "n")).row(new StringBuilder("-1"), -3)
			.row(BigDecimal.valueOf(-4.50).stripTrailingZeros(), -2.5)
			.row(new BigDecimal("1E+1"), 0L)
			.toString();

		assertThat(Rfc4180.parse(csv)).containsExactly(List.of("'=name", "n"), List.of("'-1", "-3"),
				List.of("-4.5", "-2.5"), List.of("10", "0"));
	}

	@Test
	void shouldRefuseARecordThatDoesNotFitTheHeader() {
		CsvWriter csv = new CsvWriter(List.of("a", "b"));

		assertThatThrownBy(() -> csv.row("only one")).isInstanceOf(IllegalArgumentException.class);
	}

}
