package ptlock.cli;

import java.io.PrintStream;

/**
 * Where a command prints: its results (out) and its diagnostics (err), and the run's spec loader. Given to each
 * command, never static.
 */
record Io(PrintStream out, PrintStream err, Loaders loaders) {
	Io(PrintStream out, PrintStream err) {
		this(out, err, Loaders.lazy());
	}
}
