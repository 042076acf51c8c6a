package ptlock.cli;

import java.io.PrintStream;

/** Where a command prints: its results (out) and its diagnostics (err). Given to each command, never static. */
record Io(PrintStream out, PrintStream err) {
}
