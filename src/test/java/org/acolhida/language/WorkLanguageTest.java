package org.acolhida.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signed-in worker's unit, read from the groups their sign-in carries. */
class WorkLanguageTest {

	@Test
	void shouldFindTheUnitThatAWorkgroupBelongsTo() {
		assertThat(WorkLanguage.unitAmong(List.of("reception", "SOR-CRAS-NORTE", "reception.SOR-CRAS-NORTE")))
			.contains("SOR-CRAS-NORTE");
	}

	@Test
	void shouldNotTakeARoleGroupForAUnit() {
		// "managers" has no workgroup ending in it; neither has a unit the worker has no role at.
		assertThat(WorkLanguage.unitAmong(List.of("managers", "CRE-CARITAS-IMMIGRAZIONE"))).isEmpty();
		assertThat(WorkLanguage.unitAmong(List.of())).isEmpty();
		assertThat(WorkLanguage.unitAmong(null)).isEmpty();
	}

	@Test
	void shouldAnswerTheSameUnitWhicheverOrderTheGroupsCome() {
		List<String> groups = List.of("housing.SOR-CRAS-OESTE", "SOR-CRAS-OESTE", "housing", "SOR-CRAS-NORTE",
				"reception.SOR-CRAS-NORTE");
		assertThat(WorkLanguage.unitAmong(groups)).contains("SOR-CRAS-NORTE");
		List<String> reversed = new ArrayList<>(groups);
		Collections.reverse(reversed);
		assertThat(WorkLanguage.unitAmong(reversed)).contains("SOR-CRAS-NORTE");
	}

}
