package ptlock.check;

/** How a check ended (stable codes). */
public enum CheckStatus {
	/** Every property got a verdict. */
	COMPLETED,
	/** The checker failed (crash, out of memory, unparsable output); undecided properties are UNKNOWN. */
	FAILED,
	/** The time limit was reached. */
	TIMEOUT,
	/** The user cancelled. */
	CANCELLED
}
