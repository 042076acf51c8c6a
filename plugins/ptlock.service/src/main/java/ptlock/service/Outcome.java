package ptlock.service;

import ptlock.check.CheckResult;
import ptlock.check.ModelErrors;

/**
 * How a check ended, as stable codes (the CLI maps them to exit codes, Eclipse to its views). Declared from the
 * least to the most important: a run's outcome is the most important of its scenarios'.
 */
public enum Outcome {
	/** every verdict as the spec expects */
	AS_EXPECTED,
	/** some verdict differs from its expectation */
	UNEXPECTED,
	/** a model checker failed (crash, out of memory, unreadable output), or the two engines disagree */
	CHECKER_FAILURE,
	/** the time limit was reached before every property had a verdict */
	TIMEOUT,
	/** the model has no value somewhere it reaches (the model_error verdict) */
	MODEL_ERROR,
	/** the spec has errors: nothing was checked */
	SPEC_ERROR,
	/** the user cancelled it */
	CANCELLED;

	/** The outcome of one engine's run of one scenario. */
	public static Outcome of(CheckResult r) {
		return switch (r.status()) {
		case FAILED -> CHECKER_FAILURE;
		case TIMEOUT -> TIMEOUT;
		case CANCELLED -> CANCELLED;
		case COMPLETED -> ModelErrors.any(r) ? MODEL_ERROR : r.allAsExpected() ? AS_EXPECTED : UNEXPECTED;
		};
	}

	/** The more important of the two. */
	public Outcome worse(Outcome other) {
		return other.ordinal() > ordinal() ? other : this;
	}
}
