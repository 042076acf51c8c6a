package ptlock.ir;

/** The verdict kinds of a property (stable codes: they appear in JSON output and in tests). */
public enum Verdict {
	/** No reachable state violates it (within the scenario's bounds). */
	HOLDS,
	/** A behaviour violates it; a counterexample exists. */
	VIOLATED,
	/** The checker could not decide (crash, timeout, cancelled). */
	UNKNOWN;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
