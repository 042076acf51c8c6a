package ptlock.check;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How to run a check.
 *
 * @param workDir where generated files and checker metadata go (one subfolder per run)
 * @param workers checker worker threads
 * @param heapMb heap of the checker JVM
 * @param timeoutSeconds 0 = none
 * @param cancel set to true to stop the check (the checker process is killed)
 */
public record CheckOptions(Path workDir, int workers, int heapMb, int timeoutSeconds, AtomicBoolean cancel,
		ProgressListener progress) {

	public static CheckOptions defaults(Path workDir) {
		return new CheckOptions(workDir, 1, 1024, 0, new AtomicBoolean(), ProgressListener.NONE);
	}
}
