package ptlock.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the CLI in-process and captures its output. */
record CliRun(ExitCode code, String out, String err) {

	static CliRun of(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ExitCode code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static Path root() {
		String p = System.getProperty("ptlock.root");
		Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath();
		while (root != null && !Files.isDirectory(root.resolve("specs"))) {
			root = root.getParent();
		}
		return root;
	}

	/** A spec on the prelude with 400^3 states: minutes of TLC, for the tests that stop or kill a TLC run. */
	static final String MANY_STATES = CliRun.onPrelude("big", """
			var count: 0..400[THREADS];
			path counter() {
				while (count[self] < 400)
					count[self] = count[self] + 1;
			}
			scenario many_states "400^3 states: far more than one second of TLC" {
				thread cpu0 = counter();
				thread cpu1 = counter();
				thread cpu2 = counter();
				expect no_deadlock holds;
			}
			""");

	/** A spec on the prelude with its smallest bounds (the header is lines 1-5; the text goes on at line 6). */
	static String onPrelude(String name, String rest) {
		return "spec " + name + ";\ninclude \"prelude.ptl\";\nconst N_SLOTS = 1;\nconst N_TABLES = 1;\nconst MAX_GEN = 1;\n"
				+ rest;
	}

	/** A copy of the repository's specs/ in dir/specs (for tests that edit a shipped spec); returns dir/specs. */
	static Path copySpecs(Path dir) throws IOException {
		Path from = root().resolve("specs");
		Path to = dir.resolve("specs");
		try (var files = Files.walk(from)) {
			for (Path p : files.toList()) {
				Path t = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(t);
				} else {
					Files.copy(p, t);
				}
			}
		}
		return to;
	}

	/** Writes a spec next to a copy of the prelude. */
	static Path write(Path dir, String name, String text) throws IOException {
		Path prelude = dir.resolve("prelude.ptl");
		if (!Files.exists(prelude)) {
			Files.copy(root().resolve("specs/prelude.ptl"), prelude);
		}
		Path f = dir.resolve(name);
		Files.writeString(f, text);
		return f;
	}
}
