package org.acolhida.literacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.acolhida.units.ClassFacts.Audience;
import org.acolhida.units.ClassFacts.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClassRankingTest {

	private static final List<WeeklyInterval> EVENINGS = List.of(WeeklyInterval.parse("MONDAY 18:30-20:30"),
			WeeklyInterval.parse("WEDNESDAY 18:30-20:30"));

	private final LearnerNeed need = new LearnerNeed("PT", Level.A1, Audience.ADULTS, "Sorocaba", "éden",
			List.of(WeeklyInterval.parse("MONDAY 18:00-21:00"), WeeklyInterval.parse("WEDNESDAY 18:00-21:00")));

	private static ClassOption option(String code, String district, int seats, int taken, int offered) {
		return new ClassOption(code, code, "Sorocaba", Set.of(district), "pt", Level.A1, Audience.ADULTS, seats, taken,
				offered, EVENINGS, false);
	}

	@Test
	void shouldRankOwnDistrictFirstThenMostFreeSeatsThenCode() {
		List<ClassOption> classes = List.of(option("C-FAR-BIG", "Centro", 30, 0, 0),
				option("C-NEAR-SMALL", "Éden", 10, 9, 0), option("C-NEAR-BIG", "Éden", 10, 2, 0),
				option("C-FAR-B", "Centro", 5, 0, 0), option("C-FAR-A", "Centro", 6, 1, 0));
		List<String> expected = List.of("C-NEAR-BIG", "C-NEAR-SMALL", "C-FAR-BIG", "C-FAR-A", "C-FAR-B");
		Random random = new Random(6);
		for (int i = 0; i < 20; i++) {
			List<ClassOption> shuffled = new ArrayList<>(classes);
			Collections.shuffle(shuffled, random);
			assertThat(ClassSearch.rank(shuffled, need)).extracting(ClassOption::code).isEqualTo(expected);
		}
		assertThat(ClassSearch.rank(classes, need).get(0).nearLearner()).isTrue();
	}

	@Test
	void shouldLeaveOutClassesThatDoNotFit() {
		ClassOption fits = option("OK", "Centro", 5, 0, 0);
		ClassOption full = option("FULL", "Éden", 5, 5, 0);
		ClassOption offered = option("ALL-OFFERED", "Éden", 5, 3, 2);
		ClassOption level = new ClassOption("B1", "B1", "Sorocaba", Set.of("Éden"), "pt", Level.B1, Audience.ADULTS,
				5, 0, 0, EVENINGS, false);
		ClassOption children = new ClassOption("KIDS", "KIDS", "Sorocaba", Set.of("Éden"), "pt", Level.A1,
				Audience.CHILDREN, 5, 0, 0, EVENINGS, false);
		ClassOption language = new ClassOption("ES", "ES", "Sorocaba", Set.of("Éden"), "es", Level.A1,
				Audience.ADULTS, 5, 0, 0, EVENINGS, false);
		ClassOption elsewhere = new ClassOption("ARA", "ARA", "Aracaju", Set.of("Éden"), "pt", Level.A1,
				Audience.ADULTS, 5, 0, 0, EVENINGS, false);
		ClassOption mornings = new ClassOption("AM", "AM", "Sorocaba", Set.of("Éden"), "pt", Level.A1, Audience.ADULTS,
				5, 0, 0, List.of(WeeklyInterval.parse("MONDAY 09:00-11:00")), false);
		assertThat(ClassSearch.rank(List.of(full, offered, level, children, language, elsewhere, mornings, fits), need))
			.extracting(ClassOption::code)
			.containsExactly("OK");
		assertThat(offered.freeSeats()).isZero();
	}

	@Test
	void shouldRefuseAnIncompleteNeed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LearnerNeed("pt", Level.A1, Audience.ADULTS, "Sorocaba", null, List.of()))
			.withMessageContaining("availability");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LearnerNeed("portuguese", Level.A1, Audience.ADULTS, "Sorocaba", null,
					need.availability()))
			.withMessageContaining("language");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LearnerNeed("pt", null, Audience.ADULTS, "Sorocaba", null, need.availability()))
			.withMessageContaining("level");
		assertThat(new LearnerNeed(" PT ", Level.A1, Audience.ADULTS, " Sorocaba ", " ", need.availability()))
			.extracting(LearnerNeed::language, LearnerNeed::municipality, LearnerNeed::district)
			.containsExactly("pt", "Sorocaba", null);
	}

}
