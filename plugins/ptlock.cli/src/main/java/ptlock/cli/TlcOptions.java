package ptlock.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options of a command that may run TLC: where its files go, its heap, workers and time limit. */
final class TlcOptions {
	@Option(names = "--out", paramLabel = "DIR", description = "keep TLC's files (generated module, .cfg, states) in"
			+ " DIR; without it they go to a temporary folder that is removed")
	Path out;
	@Option(names = "--heap", paramLabel = "MB", defaultValue = "1024", converter = Count.class,
			description = "TLC's heap in MB (default ${DEFAULT-VALUE})")
	int heap;
	@Option(names = "--workers", paramLabel = "N", defaultValue = "1", converter = Count.class,
			description = "TLC's worker threads (default ${DEFAULT-VALUE})")
	int workers;
	@Option(names = "--timeout", paramLabel = "S", defaultValue = "0", converter = Count.class,
			description = "give up after S seconds for the whole command (0: no limit); exit code 4")
	int timeout;
}
