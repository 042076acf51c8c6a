package ptlock.sim;

/**
 * A deliberately broken micro-operation, for the test that proves conformance checking catches a wrong back end.
 * Only tests pass anything but NONE.
 */
public enum Mutation {
	NONE,
	/** Await never blocks (spin_lock no longer excludes). */
	AWAIT_NEVER_BLOCKS,
	/** Either explores only its first branch. */
	EITHER_FIRST_ONLY
}
