package org.acolhida.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one rule for counts that leave a unit's own view (the diagnosis and every download): a count
 * from 1 to 4 is shown as {@value Count#SMALL}, so that no family can be recognised from a small
 * number; 0 is shown, since an empty cell reveals nobody.
 * <p>
 * A total beside its cells would give a hidden cell away by subtraction (a total of 12 beside shown
 * cells 5 and 6 says the third is 1). So in a <em>line</em> (cells that
 * add up to a figure the reader can know: a unit's month broken down by nationality, by age group or
 * by language all add up to the people it received) more cells are hidden, smallest first, marked
 * {@value Count#HIDDEN}, until what the hidden cells add up to leaves each small one free to be
 * anything from 1 to 4. Suppressing complementary cells, rather than rounding, keeps every figure
 * that is shown exact, which is what a municipality plans with; rounding would change the large
 * figures too and still narrow a small one down.
 * <p>
 * The margin: with {@code k} small cells and at least one hidden cell of 5 or more, their hidden sum
 * {@code H} tells a reader that each small cell is at most {@code H - 5 - (k - 1)}; that bound says
 * nothing while {@code H >= k + 8}. A line with no cell left to hide keeps what it has: its total is
 * then itself small (hidden where it is shown) or made of small cells only.
 */
final class SmallCounts {

	/** Counts below this are hidden. */
	static final int THRESHOLD = 5;

	/** See the class comment: hidden cells hold at least this many more than their number of small cells. */
	static final int MARGIN = 8;

	private SmallCounts() {
	}

	/** One count on its own, not part of a line whose total is known. */
	static Count shown(long value) {
		return value > 0 && value < THRESHOLD ? new Count(value, Count.Shown.SMALL) : Count.exact(value);
	}

	/**
	 * The cells of a line whose total the reader knows (or can work out from another line), in the
	 * order given, with small cells hidden and, where needed, larger ones hidden beside them.
	 */
	static List<Count> line(List<Long> cells) {
		List<Count> shown = new ArrayList<>(cells.stream().map(SmallCounts::shown).toList());
		long small = shown.stream().filter(Count::hidden).count();
		if (small == 0) {
			return shown;
		}
		List<Integer> bySize = IntStream.range(0, shown.size())
			.filter(i -> !shown.get(i).hidden() && shown.get(i).value() > 0)
			.boxed()
			.sorted(Comparator.comparingLong((Integer i) -> shown.get(i).value()).thenComparing(i -> i))
			.toList();
		long hiddenSum = shown.stream().filter(Count::hidden).mapToLong(Count::value).sum();
		boolean largeHidden = false;
		for (int i : bySize) {
			if (largeHidden && hiddenSum >= small + MARGIN) {
				break;
			}
			shown.set(i, new Count(shown.get(i).value(), Count.Shown.HIDDEN));
			hiddenSum += shown.get(i).value();
			largeHidden = true;
		}
		return shown;
	}

}
