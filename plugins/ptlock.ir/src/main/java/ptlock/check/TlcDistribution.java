package ptlock.check;

/**
 * Whether and how TLC runs in its distributed mode (tlc2.tool.distributed.TLCServer and TLCWorkers over Java RMI)
 * rather than as one local JVM. Engine-neutral so that the CLI and Eclipse describe a run the same way.
 *
 * @param enabled false: local TLC, and the other fields are ignored
 * @param localWorkers workers ptlock starts on this machine for the run (0: wait for remote ones)
 * @param port the RMI registry port of the server (TLC's tlc2.tool.distributed.TLCServer.port)
 * @param hostname the name the server advertises to workers (java.rmi.server.hostname); null: this host's name, or
 *        localhost when only local workers take part
 * @param fpsetServers fingerprint-set servers the server waits for (0: the server keeps the set itself); each is a
 *        worker started with --fpset (DistributedFPSetTLCServer / TLCWorkerAndFPSet)
 * @param workerHeapMb heap of each local worker JVM
 * @param workerThreads computing threads in each local worker (TLC's tlc2.tool.distributed.TLCWorker.threadCount)
 */
public record TlcDistribution(boolean enabled, int localWorkers, int port, String hostname, int fpsetServers,
		int workerHeapMb, int workerThreads) {
	/** TLC's own default port of the server's RMI registry. */
	public static final int DEFAULT_PORT = 10997;
	public static final int DEFAULT_WORKER_HEAP_MB = 1024;

	/** Local TLC (one JVM). */
	public static final TlcDistribution OFF = new TlcDistribution(false, 0, DEFAULT_PORT, null, 0,
			DEFAULT_WORKER_HEAP_MB, 1);

	public TlcDistribution {
		if (localWorkers < 0 || fpsetServers < 0 || workerThreads < 1 || workerHeapMb < 1 || port < 1
				|| port > 65535) {
			throw new IllegalArgumentException("bad TLC distribution settings: " + localWorkers + " local workers, port "
					+ port + ", " + fpsetServers + " fingerprint-set servers, " + workerHeapMb + " MB, " + workerThreads
					+ " threads");
		}
	}

	/** Distributed TLC with N workers on this machine, on the default port. */
	public static TlcDistribution localWorkers(int n) {
		return new TlcDistribution(true, n, DEFAULT_PORT, null, 0, DEFAULT_WORKER_HEAP_MB, 1);
	}

	/** Distributed TLC waiting for remote workers. */
	public static TlcDistribution remoteWorkers(int port, String hostname) {
		return new TlcDistribution(true, 0, port, hostname, 0, DEFAULT_WORKER_HEAP_MB, 1);
	}

	public TlcDistribution withPort(int p) {
		return new TlcDistribution(enabled, localWorkers, p, hostname, fpsetServers, workerHeapMb, workerThreads);
	}

	public TlcDistribution withFpsetServers(int n) {
		return new TlcDistribution(enabled, localWorkers, port, hostname, n, workerHeapMb, workerThreads);
	}

	public TlcDistribution withWorkers(int n, int heapMb, int threads) {
		return new TlcDistribution(enabled, n, port, hostname, fpsetServers, heapMb, threads);
	}

	/** Whether workers from other machines are expected (no local ones). */
	public boolean waitsForRemoteWorkers() {
		return enabled && localWorkers == 0;
	}
}
