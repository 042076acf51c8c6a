package ptlock.cli;

import picocli.CommandLine.Option;

import ptlock.check.TlcDistribution;
import ptlock.service.Engine;

/** The options of ptlock check that run TLC in its distributed mode (docs/DISTRIBUTED.md). */
final class DistributedOptions {
	@Option(names = "--distributed", description = "run TLC distributed: a TLC server on the generated module, and the"
			+ " workers of --local-workers and of 'ptlock tlc-worker' on other hosts (needs --engine tlc or both)")
	boolean distributed;
	@Option(names = "--local-workers", paramLabel = "N", defaultValue = "0", converter = Count.class,
			description = "start N TLC workers on this machine (implies --distributed; 0: wait for remote workers)")
	int localWorkers;
	@Option(names = "--port", paramLabel = "PORT", defaultValue = "" + TlcDistribution.DEFAULT_PORT,
			converter = Count.class, description = "the TLC server's RMI port (default ${DEFAULT-VALUE}); workers connect"
					+ " to it, and to ports RMI picks")
	int port;
	@Option(names = "--hostname", paramLabel = "HOST", description = "the name or address the server gives its"
			+ " workers (java.rmi.server.hostname); default: localhost with local workers only, else this host's name")
	String hostname;
	@Option(names = "--fpsets", paramLabel = "N", defaultValue = "0", converter = Count.class,
			description = "the fingerprint set lives on N workers started with --fpset (local workers: the first N);"
					+ " 0: on the server (default)")
	int fpsets;
	@Option(names = "--worker-heap", paramLabel = "MB", defaultValue = "" + TlcDistribution.DEFAULT_WORKER_HEAP_MB,
			converter = Count.class, description = "heap of each local worker in MB (default ${DEFAULT-VALUE})")
	int workerHeap;
	@Option(names = "--worker-threads", paramLabel = "N", defaultValue = "1", converter = Count.class,
			description = "computing threads of each local worker (default ${DEFAULT-VALUE})")
	int workerThreads;

	/** The distribution asked for, refusing what TLC's distributed mode or ptlock cannot do. */
	TlcDistribution distribution(Engine engine, int tlcWorkers) throws UsageException {
		boolean on = distributed || localWorkers > 0;
		if (!on) {
			return TlcDistribution.OFF;
		}
		if (engine == Engine.SIM) {
			throw new UsageException("--distributed runs TLC: use it with --engine tlc or --engine both");
		}
		if (tlcWorkers != 1) {
			throw new UsageException("--workers is for local TLC; a distributed check has --local-workers N and"
					+ " --worker-threads N");
		}
		if (port < 1 || port > 65535) {
			throw new UsageException("--port must be 1 to 65535, not " + port);
		}
		if (workerHeap < 64 || workerThreads < 1) {
			throw new UsageException("--worker-heap needs at least 64 MB and --worker-threads at least 1");
		}
		if (localWorkers > 0 && fpsets > localWorkers) {
			throw new UsageException("--fpsets " + fpsets + " needs as many workers that hold them: --local-workers is "
					+ localWorkers);
		}
		return new TlcDistribution(true, localWorkers, port, hostname, fpsets, workerHeap, workerThreads);
	}
}
