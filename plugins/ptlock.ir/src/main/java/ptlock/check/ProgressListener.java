package ptlock.check;

/** Receives progress of a long check: states found, queue, rate. */
public interface ProgressListener {
	ProgressListener NONE = new ProgressListener() {
	};

	default void progress(String scenario, long distinct, long queue, long statesPerMinute) {
	}

	default void message(String text) {
	}

	/** Distributed TLC: how many workers are connected to the server now (after each connect or loss). */
	default void workers(String scenario, int connected) {
	}
}
