package ptlock.check;

/**
 * Search statistics of one check.
 *
 * @param reduction how the states were counted when not one by one (symmetry reduction: "symmetry: cpu0, cpu1
 *        interchangeable ..."), or why a reduction asked for was not made; null: plain counting
 */
public record Stats(long distinctStates, long statesGenerated, int depth, long millis, String reduction) {
	public static final Stats NONE = new Stats(0, 0, 0, 0);

	public Stats(long distinctStates, long statesGenerated, int depth, long millis) {
		this(distinctStates, statesGenerated, depth, millis, null);
	}
}
