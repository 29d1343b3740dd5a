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
 * cells 5 and 6 says the third is 1). So in a <em>line</em> (cells that add up to a figure the reader
 * can know: a unit's month broken down by nationality, by age group or by language all add up to the
 * people it received) one more cell is hidden beside the small ones, marked {@value Count#HIDDEN}: the
 * smallest of {@value #COMPLEMENT} or more. Suppressing a complementary cell, rather than rounding,
 * keeps every figure that is shown exact, which is what a municipality plans with; rounding would
 * change the large figures too and still narrow a small one down.
 * <p>
 * Why {@value #COMPLEMENT}: subtracting the shown cells from the total gives the hidden cells' sum
 * ({@code k} small ones and {@code c}); with a hidden cell known to be at least 5, a small cell could be
 * anything up to {@code sum - (k - 1) - 5}, which is at least 4 when {@code c >= 8}. (A reader who also
 * knows that {@code c} is at least 8 can narrow a small cell down when {@code c} is 8 to 10; hiding
 * more would cost the larger figures a municipality plans with.) The choice depends on the shown cells
 * alone, never on the small ones' values.
A line without such a cell hides all its other non-zero cells
 * (then 5 to 7 each), the most it can do without hiding the total.
 */
final class SmallCounts {

	/** Counts below this are hidden. */
	static final int THRESHOLD = 5;

	/** The smallest cell hidden beside small ones; see the class comment. */
	static final int COMPLEMENT = 8;

	private SmallCounts() {
	}

	/** One count on its own, not part of a line whose total is known. */
	static Count shown(long value) {
		return value > 0 && value < THRESHOLD ? new Count(value, Count.Shown.SMALL) : Count.exact(value);
	}

	/**
	 * The cells of a line whose total the reader knows (or can work out from another line), in the
	 * order given, with small cells hidden and, where needed, a larger one hidden beside them.
	 */
	static List<Count> line(List<Long> cells) {
		List<Count> shown = new ArrayList<>(cells.stream().map(SmallCounts::shown).toList());
		if (shown.stream().noneMatch(Count::hidden)) {
			return shown;
		}
		List<Integer> others = IntStream.range(0, shown.size())
			.filter(i -> !shown.get(i).hidden() && shown.get(i).value() > 0)
			.boxed()
			.sorted(Comparator.comparingLong((Integer i) -> shown.get(i).value()).thenComparing(i -> i))
			.toList();
		List<Integer> complement = others.stream().filter(i -> shown.get(i).value() >= COMPLEMENT).limit(1).toList();
		for (int i : complement.isEmpty() ? others : complement) {
			shown.set(i, new Count(shown.get(i).value(), Count.Shown.HIDDEN));
		}
		return shown;
	}

}
