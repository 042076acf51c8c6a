package ptlock.tlc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import ptlock.check.CheckOptions;
import ptlock.check.TlcDistribution;

/**
 * One run of TLC's distributed mode: the server (tlc2.tool.distributed.TLCServer, or DistributedFPSetTLCServer with
 * fingerprint-set servers) on the generated module, and the local workers the options ask for, each a JVM of its
 * own under {@link TlcChildMain}. Remote workers ({@code ptlock tlc-worker HOST:PORT}) may join through the RMI port.
 * The workers fetch the module from the server, so they need nothing but ptlock.
 * <p>
 * The run ends when the server ends, on cancel or the time limit, or when every worker that joined is lost
 * ({@link TlcRun.End#WORKERS_LOST}: TLC's server would wait for a new one forever). Every JVM is killed on the way out.
 */
final class DistributedTlc {
	/** How long a run with no worker left waits for the server to end by itself (its own last messages). */
	private static final long LOST_GRACE_MILLIS = 3000;
	/** How long a server that printed its last message ("Finished in") may take to exit before it is killed. */
	private static final long EXIT_GRACE_MILLIS = 10_000;

	private final CheckOptions options;
	private final TlcDistribution d;
	private final String scenario;

	DistributedTlc(CheckOptions options, String scenario) {
		this.options = options;
		this.d = options.distribution();
		this.scenario = scenario;
	}

	/** The name the server advertises: the one given, else localhost for a run of local workers only. */
	static String advertisedHost(TlcDistribution d) {
		if (d.hostname() != null && !d.hostname().isBlank()) {
			return d.hostname();
		}
		if (!d.waitsForRemoteWorkers()) {
			return "localhost";
		}
		try {
			return InetAddress.getLocalHost().getCanonicalHostName();
		} catch (UnknownHostException e) {
			return "localhost";
		}
	}

	TlcRun run(Path dir, String module, boolean checkDeadlock, Consumer<ToolMessage> live)
			throws IOException, InterruptedException {
		String host = advertisedHost(d);
		requireFreePort(d.port());
		AtomicInteger connected = new AtomicInteger();
		AtomicInteger joined = new AtomicInteger();
		List<ChildJvm> workers = new ArrayList<>();
		Object ready = new Object();
		boolean[] serverReady = new boolean[1];
		long[] finishedAt = { -1 };
		TlcProcess.Messages messages = new TlcProcess.Messages(m -> {
			switch (m.code()) {
			case TlcCodes.DISTRIBUTED_SERVER_RUNNING, TlcCodes.DISTRIBUTED_FPSET_WAITING -> {
				synchronized (ready) {
					serverReady[0] = true;
					ready.notifyAll();
				}
			}
			case TlcCodes.DISTRIBUTED_WORKER_REGISTERED -> {
				joined.incrementAndGet();
				options.progress().workers(scenario, connected.incrementAndGet());
			}
			case TlcCodes.FINISHED -> {
				synchronized (ready) {
					finishedAt[0] = System.nanoTime();
				}
			}
			case TlcCodes.DISTRIBUTED_WORKER_LOST -> {
				options.progress().workers(scenario, connected.decrementAndGet());
				options.progress().message("a TLC worker was lost: " + m.body().strip());
			}
			default -> {
				// the rest is read by TlcChecker
			}
			}
			live.accept(m);
		});
		String mainClass = d.fpsetServers() > 0 ? TlcChildMain.FPSET_SERVER : TlcChildMain.SERVER;
		List<String> props = new ArrayList<>(serverProperties(d, host));
		ChildJvm server = ChildJvm.start(dir, mainClass, options.heapMb(), props,
				TlcProcess.tlcArgs(dir, module, checkDeadlock), dir.resolve("tlc.stderr"), messages::line);
		TlcRun.End end = TlcRun.End.EXITED;
		long peak = 0;
		long lostSince = -1;
		boolean hungAfterFinish = false;
		try {
			if (d.waitsForRemoteWorkers()) {
				options.progress().message("TLC server on " + host + ":" + d.port() + " waits for workers: run 'ptlock"
						+ " tlc-worker " + host + ":" + d.port() + "' on each worker host");
			}
			boolean started = false;
			while (!server.waitFor(100)) {
				peak = Math.max(peak, server.peakRssKb());
				end = TlcProcess.stopReason(options);
				if (end != TlcRun.End.EXITED) {
					break;
				}
				if (!started && isReady(ready, serverReady)) {
					// the workers start once the server's registry is up: they would only retry before that
					for (int i = 0; i < d.localWorkers(); i++) {
						workers.add(startWorker(dir, host, i, i < d.fpsetServers()));
					}
					started = true;
				}
				if (finishedSince(ready, finishedAt) > EXIT_GRACE_MILLIS) {
					hungAfterFinish = true;
					break; // the run is over and said so; its JVM hangs on (killed below), the run counts as ended
				}
				if (joined.get() > 0 && connected.get() <= 0 && allEnded(workers)) {
					lostSince = lostSince < 0 ? System.nanoTime() : lostSince;
					if (System.nanoTime() - lostSince > LOST_GRACE_MILLIS * 1_000_000L) {
						end = TlcRun.End.WORKERS_LOST;
						break;
					}
				} else {
					lostSince = -1;
				}
			}
		} finally {
			if (server.alive()) {
				server.kill();
			}
			for (ChildJvm w : workers) {
				// after the server ends a worker says thank you and exits; one that does not is killed
				if (!w.waitFor(end == TlcRun.End.EXITED ? 5000 : 0)) {
					w.kill();
				}
			}
		}
		server.drain();
		// a server killed after it finished ended as it would have: its result is in its messages
		int exit = hungAfterFinish ? 0 : server.exitValue();
		return new TlcRun(messages.end(), exit, end, Files.readString(dir.resolve("tlc.stderr")), peak);
	}

	/** JVM system properties of the server: its port, its advertised name, the fingerprint-set servers it awaits. */
	static List<String> serverProperties(TlcDistribution d, String host) {
		List<String> props = new ArrayList<>(List.of("-Djava.rmi.server.hostname=" + host,
				"-D" + TlcChildMain.SERVER + ".port=" + d.port()));
		if (d.fpsetServers() > 0) {
			props.add("-D" + TlcChildMain.SERVER + ".expectedFPSetCount=" + d.fpsetServers());
		}
		return props;
	}

	/** JVM system properties of a worker of a server on the port given. */
	static List<String> workerProperties(int port, int threads, String ownHost) {
		List<String> props = new ArrayList<>(List.of("-D" + TlcChildMain.SERVER + ".port=" + port,
				"-D" + TlcChildMain.WORKER + ".threadCount=" + threads));
		if (ownHost != null) {
			props.add("-Djava.rmi.server.hostname=" + ownHost);
		}
		return props;
	}

	private ChildJvm startWorker(Path dir, String host, int i, boolean fpset) throws IOException {
		Path wdir = dir.resolve("worker" + (i + 1));
		// a worker's output has no -tool messages; it stays in its folder for the user
		return ChildJvm.startLogged(wdir, fpset ? TlcChildMain.WORKER_AND_FPSET : TlcChildMain.WORKER, d.workerHeapMb(),
				workerProperties(d.port(), d.workerThreads(), "localhost"), List.of(host), wdir.resolve("worker.log"));
	}

	/** Milliseconds since the server printed that it finished, or -1. */
	private static long finishedSince(Object lock, long[] finishedAt) {
		synchronized (lock) {
			return finishedAt[0] < 0 ? -1 : (System.nanoTime() - finishedAt[0]) / 1_000_000;
		}
	}

	private static boolean isReady(Object lock, boolean[] ready) {
		synchronized (lock) {
			return ready[0];
		}
	}

	private static boolean allEnded(List<ChildJvm> workers) {
		return workers.stream().noneMatch(ChildJvm::alive);
	}

	/**
	 * Refuses a port already taken with a clear message. TLC's own message ("TLC threw an unexpected exception ...
	 * ExportException") comes only after the spec is parsed, and then the run still exits 0.
	 */
	static void requireFreePort(int port) throws IOException {
		try (ServerSocket s = new ServerSocket(port)) {
			s.setReuseAddress(true);
		} catch (IOException e) {
			throw new IOException("the TLC server cannot listen on port " + port + ": it is in use (another distributed"
					+ " check, or a TLC server?); choose another port (--port)", e);
		}
	}
}
