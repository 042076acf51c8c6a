package ptlock.ir;

/** The verdict kinds of a property (stable codes: they appear in JSON output and in tests). */
public enum Verdict {
	/** No reachable state violates it (within the scenario's bounds). */
	HOLDS,
	/** A behaviour violates it; a counterexample exists. */
	VIOLATED,
	/**
	 * The model has no value somewhere it can reach (an index outside its array, a value outside its type, a division
	 * by zero): the verdict of the pseudo-properties model_ok and type_ok. A bug in the spec, not in the kernel.
	 */
	MODEL_ERROR,
	/** The checker could not decide (crash, timeout, cancelled). */
	UNKNOWN;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
