package ptlock.cli;

import java.util.concurrent.Callable;

/**
 * A ptlock command: picocli fills its options, then {@link #run()} does the work and says how it ended. The exit
 * code is one of {@link ExitCode}'s, so picocli's own codes never reach the shell.
 */
abstract class Subcommand implements Callable<Integer> {
	protected final Io io;

	Subcommand(Io io) {
		this.io = io;
	}

	abstract ExitCode run() throws Exception;

	@Override
	public final Integer call() throws Exception {
		return run().code;
	}
}
