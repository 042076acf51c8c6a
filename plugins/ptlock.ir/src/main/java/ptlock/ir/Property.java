package ptlock.ir;

/** A property checked for a scenario: an assertion at steps, a state invariant, or deadlock freedom. */
public record Property(String name, Kind kind, String doc, Expr invariant, SourceLoc loc) {

	public enum Kind {
		/** 'assert (cond) as name;' in some step. */
		ASSERTION,
		/** 'invariant name: cond;' over the state. */
		INVARIANT,
		/** Built in: some non-daemon thread can never make progress. */
		DEADLOCK
	}

	/** Name of the built-in deadlock-freedom property. */
	public static final String NO_DEADLOCK = "no_deadlock";
}
