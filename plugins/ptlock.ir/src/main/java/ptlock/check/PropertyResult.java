package ptlock.check;

import ptlock.ir.Verdict;

/**
 * The verdict of one property of a scenario, what the spec expected, and the counterexample if it is violated.
 *
 * @param expected null when the spec states no expectation
 */
public record PropertyResult(String property, Verdict verdict, Verdict expected, Trace trace, String note) {

	/** Whether the verdict is what the spec expects (a missing expectation counts as a match). */
	public boolean asExpected() {
		return expected == null || expected == verdict;
	}
}
