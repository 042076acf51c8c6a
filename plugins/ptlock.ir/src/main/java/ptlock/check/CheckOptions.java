package ptlock.check;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How to run a check.
 *
 * @param workDir where generated files and checker metadata go (one subfolder per run)
 * @param workers checker worker threads
 * @param heapMb heap of the checker JVM
 * @param timeoutSeconds 0 = none (as the user gave it, for messages)
 * @param deadlineNanos when the time limit is reached, System.nanoTime() based
 * @param cancel set to true to stop the check (the checker process is killed)
 * @param distribution whether TLC runs distributed (server and workers) or as one local JVM
 * @param symmetry whether the simulator reduces by the symmetry of identical threads (ptlock.ir.symmetry; TLC
 *        does not: the generated TLA+ has integer thread ids, which TLC's SYMMETRY cannot permute)
 */
public record CheckOptions(Path workDir, int workers, int heapMb, int timeoutSeconds, long deadlineNanos,
		AtomicBoolean cancel, ProgressListener progress, TlcDistribution distribution, boolean symmetry) {

	public CheckOptions(Path workDir, int workers, int heapMb, int timeoutSeconds, long deadlineNanos,
			AtomicBoolean cancel, ProgressListener progress, TlcDistribution distribution) {
		this(workDir, workers, heapMb, timeoutSeconds, deadlineNanos, cancel, progress, distribution, false);
	}

	public CheckOptions(Path workDir, int workers, int heapMb, int timeoutSeconds, long deadlineNanos,
			AtomicBoolean cancel, ProgressListener progress) {
		this(workDir, workers, heapMb, timeoutSeconds, deadlineNanos, cancel, progress, TlcDistribution.OFF);
	}

	/**
	 * Options whose time limit starts now and bounds everything done with them: every scenario, engine and TLC run
	 * of one command share the one deadline ({@link System#nanoTime()} based; Long.MAX_VALUE: none).
	 */
	public CheckOptions(Path workDir, int workers, int heapMb, int timeoutSeconds, AtomicBoolean cancel,
			ProgressListener progress) {
		this(workDir, workers, heapMb, timeoutSeconds,
				timeoutSeconds > 0 ? System.nanoTime() + timeoutSeconds * 1_000_000_000L : Long.MAX_VALUE, cancel,
				progress);
	}

	/** The same options with TLC distributed (or not): the deadline stays the one already set. */
	public CheckOptions withDistribution(TlcDistribution d) {
		return new CheckOptions(workDir, workers, heapMb, timeoutSeconds, deadlineNanos, cancel, progress, d,
				symmetry);
	}

	/** The same options with symmetry reduction in the simulator on (or off). */
	public CheckOptions withSymmetry(boolean on) {
		return new CheckOptions(workDir, workers, heapMb, timeoutSeconds, deadlineNanos, cancel, progress,
				distribution, on);
	}

	/** Whether the time limit has passed. */
	public boolean pastDeadline() {
		return System.nanoTime() > deadlineNanos;
	}

	public static CheckOptions defaults(Path workDir) {
		return new CheckOptions(workDir, 1, 1024, 0, new AtomicBoolean(), ProgressListener.NONE);
	}
}
