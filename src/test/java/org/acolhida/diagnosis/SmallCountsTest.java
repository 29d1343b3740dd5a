package org.acolhida.diagnosis;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCountsTest {

	@Test
	void shouldShowCountsFromOneToFourAsLessThanFive() {
		assertThat(LongStream.rangeClosed(1, 4).mapToObj(n -> SmallCounts.shown(n).published()))
			.containsOnly("< 5");
	}

	@Test
	void shouldShowZeroAndCountsFromFive() {
		assertThat(SmallCounts.shown(0).published()).isEqualTo(0L);
		assertThat(SmallCounts.shown(5).published()).isEqualTo(5L);
		assertThat(SmallCounts.shown(1234).published()).isEqualTo(1234L);
	}

	@Test
	void shouldLeaveALineWithoutSmallCountsAsItIs() {
		assertThat(SmallCounts.line(List.of(7L, 0L, 12L)).stream().map(Count::published))
			.containsExactly(7L, 0L, 12L);
	}

	@Test
	void shouldHideTheSmallestCellOfEightOrMoreBesideASmallOne() {
		// total 1 + 6 + 30 + 12 = 49: shown alone, 49 - 6 - 30 - 12 would say the first cell is 1
		List<Object> shown = SmallCounts.line(List.of(1L, 6L, 30L, 12L)).stream().map(Count::published).toList();

		assertThat(shown).containsExactly("< 5", 6L, 30L, "X");
	}

	@Test
	void shouldHideEveryOtherCellWhenNoneHasEightOrMore() {
		List<Object> shown = SmallCounts.line(List.of(2L, 5L, 6L)).stream().map(Count::published).toList();

		assertThat(shown).containsExactly("< 5", "X", "X");
	}

	@Test
	void shouldNeverHideZeroes() {
		List<Object> shown = SmallCounts.line(List.of(0L, 3L, 0L, 9L, 20L)).stream().map(Count::published).toList();

		assertThat(shown).containsExactly(0L, "< 5", 0L, "X", 20L);
	}

	/**
	 * Whatever the line, a reader who knows its total and the rule cannot narrow a hidden small cell
	 * down: from the hidden cells' sum, every small one may still be anything from 1 to 4.
	 */
	@RepeatedTest(300)
	void shouldNotLetTheTotalGiveASmallCountAway() {
		Random random = new Random();
		int size = 2 + random.nextInt(8);
		List<Long> cells = random.longs(size, 0, 40).map(n -> n < 20 ? n % 9 : n).boxed().toList();

		List<Count> shown = SmallCounts.line(cells);

		assertThat(shown).extracting(Count::value).containsExactlyElementsOf(cells);
		long small = cells.stream().filter(n -> n > 0 && n < 5).count();
		boolean complementExists = cells.stream().anyMatch(n -> n >= 8);
		if (small > 0 && complementExists) {
			long total = cells.stream().mapToLong(Long::longValue).sum();
			long hiddenSum = total - shown.stream().filter(c -> !c.hidden()).mapToLong(Count::value).sum();
			long larger = shown.stream().filter(c -> c.shown() == Count.Shown.HIDDEN).count();
			// what subtraction tells of one small cell: the others are at least 1, a larger hidden one at least 5
			long bound = hiddenSum - (small - 1) - 5 * larger;
			assertThat(larger).as("cells hidden beside the small ones of %s", cells).isEqualTo(1);
			assertThat(bound).as("the largest a small cell of %s could be, read from its total", cells)
				.isGreaterThanOrEqualTo(4);
		}
	}

}
