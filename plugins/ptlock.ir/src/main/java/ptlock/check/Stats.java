package ptlock.check;

/** Search statistics of one check. */
public record Stats(long distinctStates, long statesGenerated, int depth, long millis) {
	public static final Stats NONE = new Stats(0, 0, 0, 0);
}
