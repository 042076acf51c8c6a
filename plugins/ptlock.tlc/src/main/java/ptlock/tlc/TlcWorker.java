package ptlock.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A distributed TLC worker on this host for a server elsewhere: what {@code ptlock tlc-worker} runs. TLC's worker
 * serves one model-checking run and exits, and a ptlock check makes one run per round of properties and per
 * scenario, so this starts a new worker after each, which waits for the server's next run, until it has served
 * {@code runs} runs (0: until stopped).
 * Each worker is a JVM under {@link TlcChildMain}, so it dies with this process.
 */
public final class TlcWorker {
	/**
	 * @param fpset also hold a share of the fingerprint set (for a server started with fingerprint-set servers)
	 * @param ownHost the name the worker gives the server to call it back (java.rmi.server.hostname); null: RMI's
	 */
	public record Settings(String serverHost, int port, boolean fpset, int heapMb, int threads, String ownHost,
			int runs) {
	}

	private final Settings settings;

	public TlcWorker(Settings settings) {
		this.settings = settings;
	}

	/** TLC's worker says this when it cannot reach the server at all (an unknown host): no retry helps. */
	static final String FAILED_TO_START = "Error: Failed to start worker";
	/** The exit status of {@link #run} when a worker could not start. */
	public static final int START_FAILED = 2;

	/**
	 * Runs workers until {@code stop} is set or {@code runs} are served; each line of theirs goes to out. A worker
	 * that cannot start (TLC's "Failed to start worker": an unknown host) ends the loop with {@link #START_FAILED},
	 * rather than starting worker after worker.
	 */
	public int run(Path workDir, AtomicBoolean stop, Consumer<String> out) throws IOException, InterruptedException {
		int exit = 0;
		AtomicBoolean failed = new AtomicBoolean();
		Consumer<String> lines = line -> {
			if (line.startsWith(FAILED_TO_START)) {
				failed.set(true);
			}
			out.accept(line);
		};
		for (int n = 1; !stop.get(); n++) {
			Path dir = workDir.resolve("run" + n);
			Files.createDirectories(dir);
			ChildJvm worker = ChildJvm.start(dir, settings.fpset() ? TlcChildMain.WORKER_AND_FPSET : TlcChildMain.WORKER,
					settings.heapMb(), DistributedTlc.workerProperties(settings.port(), settings.threads(),
							settings.ownHost()),
					List.of(settings.serverHost()), dir.resolve("worker.stderr"), lines);
			while (!worker.waitFor(200)) {
				if (stop.get()) {
					worker.kill();
					break;
				}
			}
			worker.drain();
			exit = worker.exitValue();
			if (failed.get()) {
				return START_FAILED;
			}
			if (n == settings.runs()) {
				break;
			}
		}
		return exit;
	}
}
