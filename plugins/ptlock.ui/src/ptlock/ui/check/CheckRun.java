package ptlock.ui.check;

import java.nio.file.Path;
import java.util.List;

import ptlock.check.CheckResult;
import ptlock.lang.matrix.Matrix;

/**
 * What one check from Eclipse found: the results of every scenario (a check), or the verdict matrix of a series.
 *
 * @param outcome what became of the run: {@link Outcome}
 */
public record CheckRun(Path spec, List<CheckResult> results, Matrix matrix, Outcome outcome, String message) {
	/** Stable codes for how a run ended (tests and views use these, not the message). */
	public enum Outcome {
		/** every verdict as the spec expects */
		AS_EXPECTED,
		/** some verdict differs from its expectation */
		UNEXPECTED,
		/** the spec has errors (see the Problems view) */
		SPEC_ERROR,
		/** the user cancelled it */
		CANCELLED,
		/** the time limit was reached */
		TIMEOUT,
		/** a model checker failed (crash, out of memory) */
		CHECKER_FAILURE
	}
}
