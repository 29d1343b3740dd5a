package org.acolhida.literacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.acolhida.literacy.DemandReport.DemandGroup;
import org.acolhida.literacy.DemandReport.Waiting;
import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemandReportTest {

	private final Instant now = Instant.parse("2026-11-20T12:00:00Z");

	private Waiting waiting(String district, long days, boolean offered) {
		return new Waiting("pt", Level.A1, Audience.ADULTS, "Sorocaba", district,
				now.minus(Duration.ofDays(days)).minus(Duration.ofHours(3)), offered);
	}

	@Test
	void shouldGroupAndMeasureWaits() {
		List<DemandGroup> groups = DemandReport.group(List.of(waiting("Éden", 10, false), waiting("éden", 2, true),
				waiting("Éden", 5, false), waiting("Éden", 7, false), waiting("Centro", 1, false)), now);
		assertThat(groups).hasSize(2);
		DemandGroup eden = groups.get(0);
		assertThat(eden.district()).isEqualTo("Éden"); // as the longest waiting learner's entry spells it
		assertThat(eden.learners()).isEqualTo(4);
		assertThat(eden.offered()).isEqualTo(1);
		assertThat(eden.maxDaysWaited()).isEqualTo(10);
		assertThat(eden.medianDaysWaited()).isEqualTo(6.0); // 2, 5, 7, 10
		assertThat(eden.oldestWaitingSince()).isEqualTo(now.minus(Duration.ofDays(10)).minus(Duration.ofHours(3)));
		assertThat(groups.get(1)).extracting(DemandGroup::district, DemandGroup::learners,
				DemandGroup::medianDaysWaited)
			.containsExactly("Centro", 1, 1.0);
		assertThat(DemandReport.daysWaited(now.plusSeconds(5), now)).isZero();
	}

	@Test
	void shouldWriteRfc4180Csv() {
		List<DemandGroup> groups = DemandReport.group(List.of(waiting("Vila Nova, Éden", 3, false),
				waiting("Jardim \"Alto\"", 4, false), waiting("Jardim \"Alto\"", 5, false), waiting(null, 1, false)),
				now);
		String csv = DemandCsv.write(groups);
		assertThat(csv).startsWith(DemandCsv.HEADER + "\r\n").endsWith("\r\n");
		assertThat(csv.split("\r\n")).hasSize(4);
		assertThat(csv).contains("\r\nSorocaba,\"Vila Nova, Éden\",pt,A1,ADULTS,1,0,")
			.contains("\r\nSorocaba,\"Jardim \"\"Alto\"\"\",pt,A1,ADULTS,2,0,")
			.contains(",4.5,5\r\n")
			.contains("\r\nSorocaba,,pt,A1,ADULTS,1,0,");
		assertThat(DemandCsv.write(DemandReport.group(List.of(waiting("=HYPERLINK(\"http://x\",\"y\")", 2, false)), now)))
			.as("a district a spreadsheet would run is shown as text")
			.contains("\r\nSorocaba,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",pt,");
	}

	@Test
	void shouldAnswerCsvOnlyWhenAskedFor() {
		assertThat(LiteracyDemandController.wantsCsv("text/csv")).isTrue();
		assertThat(LiteracyDemandController.wantsCsv("text/csv;q=0.9, application/json;q=0.5")).isTrue();
		assertThat(LiteracyDemandController.wantsCsv("application/json, text/csv;q=0.5")).isFalse();
		assertThat(LiteracyDemandController.wantsCsv("*/*")).isFalse();
		assertThat(LiteracyDemandController.wantsCsv(null)).isFalse();
		assertThat(LiteracyDemandController.wantsCsv("no such type")).isFalse();
	}

}
