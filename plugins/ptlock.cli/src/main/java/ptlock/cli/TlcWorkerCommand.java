package ptlock.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.check.TlcDistribution;
import ptlock.tlc.TlcWorker;

/** ptlock tlc-worker HOST[:PORT]: a distributed TLC worker for the server of 'ptlock check --distributed'. */
@Command(name = "tlc-worker", sortOptions = false, description = { "Serve a distributed TLC check ('ptlock check"
		+ " --engine tlc --distributed' on HOST) as one of its workers; the worker takes the model from the server, and"
		+ " serves the server's next runs too (a check makes one per scenario and per property violated) until stopped"
		+ " (Ctrl-C) or --runs N are served." })
final class TlcWorkerCommand extends Subcommand {
	@Parameters(paramLabel = "HOST[:PORT]", description = "the TLC server (default port "
			+ TlcDistribution.DEFAULT_PORT + ")")
	String server;
	@Option(names = "--fpset", description = "also hold a share of the fingerprint set (the server was started with"
			+ " --fpsets N)")
	boolean fpset;
	@Option(names = "--heap", paramLabel = "MB", defaultValue = "" + TlcDistribution.DEFAULT_WORKER_HEAP_MB,
			converter = Count.class, description = "the worker's heap in MB (default ${DEFAULT-VALUE})")
	int heap;
	@Option(names = "--threads", paramLabel = "N", converter = Count.class,
			description = "computing threads (default: this host's cores)")
	Integer threads;
	@Option(names = "--hostname", paramLabel = "HOST", description = "the name or address of this host that the"
			+ " server calls back (java.rmi.server.hostname); default: what Java finds")
	String hostname;
	@Option(names = "--runs", paramLabel = "N", defaultValue = "0", converter = Count.class,
			description = "serve N runs of the server, then exit (default 0: until stopped)")
	int runs;
	@Option(names = "--out", paramLabel = "DIR", description = "keep the worker's files (the model it received, its"
			+ " error output) in DIR; without it a temporary folder that is removed")
	Path out;

	TlcWorkerCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws UsageException, IOException, InterruptedException {
		String host = server.strip();
		int port = TlcDistribution.DEFAULT_PORT;
		int colon = host.lastIndexOf(':');
		if (colon >= 0) {
			try {
				port = Integer.parseInt(host.substring(colon + 1));
			} catch (NumberFormatException e) {
				port = -1;
			}
			host = host.substring(0, colon);
		}
		if (host.isEmpty() || port < 1 || port > 65535) {
			throw new UsageException("the server is HOST or HOST:PORT (a port from 1 to 65535), not '" + server + "'");
		}
		if (heap < 64 || (threads != null && threads < 1)) {
			throw new UsageException("--heap needs at least 64 MB and --threads at least 1");
		}
		int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
		TlcWorker worker = new TlcWorker(new TlcWorker.Settings(host, port, fpset, heap, n, hostname, runs));
		io.err().println("ptlock: TLC worker for " + host + ":" + port + (fpset ? " (with a fingerprint set)" : "")
				+ ", " + n + " thread(s), " + heap + " MB" + (runs > 0 ? ", " + runs + " run(s)" : "; Ctrl-C stops it"));
		try (WorkDir workDir = WorkDir.of(out)) {
			int exit = worker.run(workDir.path(), new AtomicBoolean(), line -> {
				// SANY's parse log of the model it received says nothing a user needs
				if (!line.startsWith("Parsing file ") && !line.startsWith("Semantic processing of module ")) {
					io.out().println(line);
				}
			});
			if (exit == TlcWorker.START_FAILED) {
				io.err().println("ptlock: the TLC worker could not reach " + host + ":" + port + " (see above)");
			}
			return exit == 0 ? ExitCode.OK : ExitCode.CHECKER_FAILURE;
		}
	}
}
