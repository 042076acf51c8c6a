package ptlock.sim;

/**
 * Per state id (discovery order), how the search reached it: the parent's id, the thread and step taken, and the
 * state's fingerprint. Enough to rebuild a counterexample by replaying from the initial state (SimChecker.trace),
 * so no state is kept. 16 bytes a state, in pages: growing allocates one page and never copies, so there is no peak
 * of an old and a new array side by side.
 */
final class StateLinks {
	private static final int PAGE_BITS = 16;
	private static final int PAGE = 1 << PAGE_BITS;
	private static final int MASK = PAGE - 1;
	/** Thread index in the top 8 bits, step id in the other 24 (checked when recorded). */
	private static final int STEP_BITS = 24;
	static final int MAX_THREADS = 1 << (31 - STEP_BITS);
	static final int MAX_STEP = (1 << STEP_BITS) - 1;

	private int[][] parent = new int[64][];
	private int[][] how = new int[64][];
	private long[][] fp = new long[64][];

	/** @param thread the thread's index in the program (-1: an initial state, no step) */
	void set(int id, int parentId, int thread, int step, long fingerprint) {
		int page = id >>> PAGE_BITS;
		if (page >= parent.length) {
			int n = Math.max(page + 1, parent.length * 2);
			parent = java.util.Arrays.copyOf(parent, n);
			how = java.util.Arrays.copyOf(how, n);
			fp = java.util.Arrays.copyOf(fp, n);
		}
		if (parent[page] == null) {
			parent[page] = new int[PAGE];
			how[page] = new int[PAGE];
			fp[page] = new long[PAGE];
		}
		if (thread >= MAX_THREADS || step > MAX_STEP) {
			throw new IllegalStateException("the simulator records at most " + MAX_THREADS + " threads and " + MAX_STEP
					+ " steps a thread");
		}
		parent[page][id & MASK] = parentId;
		how[page][id & MASK] = thread < 0 ? -1 : thread << STEP_BITS | step;
		fp[page][id & MASK] = fingerprint;
	}

	int parent(int id) {
		return parent[id >>> PAGE_BITS][id & MASK];
	}

	/** The thread index of the step that reached the state, -1 for an initial state. */
	int thread(int id) {
		int h = how[id >>> PAGE_BITS][id & MASK];
		return h < 0 ? -1 : h >>> STEP_BITS;
	}

	int step(int id) {
		return how[id >>> PAGE_BITS][id & MASK] & MAX_STEP;
	}

	long fingerprint(int id) {
		return fp[id >>> PAGE_BITS][id & MASK];
	}
}
