package ptlock.check;

/** Receives progress of a long check: states found, queue, rate. */
public interface ProgressListener {
	ProgressListener NONE = new ProgressListener() {
	};

	default void progress(String scenario, long distinct, long queue, long statesPerMinute) {
	}

	default void message(String text) {
	}
}
