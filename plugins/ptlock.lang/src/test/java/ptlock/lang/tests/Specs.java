package ptlock.lang.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: the repository's shipped specs and temporary spec files. */
final class Specs {
	private Specs() {
	}

	/** The repository root (the build passes it; running from the module folder works too). */
	static Path root() {
		String p = System.getProperty("ptlock.root");
		Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath();
		while (root != null && !Files.isDirectory(root.resolve("specs"))) {
			root = root.getParent();
		}
		if (root == null) {
			throw new IllegalStateException("cannot find the repository root (no specs/ folder)");
		}
		return root;
	}

	static Path prelude() {
		return root().resolve("specs/prelude.ptl");
	}

	/** Writes a spec next to a copy of the prelude, so that 'include "prelude.ptl";' resolves. */
	static Path write(Path dir, String name, String text) throws IOException {
		Path prelude = dir.resolve("prelude.ptl");
		if (!Files.exists(prelude)) {
			Files.copy(prelude(), prelude);
		}
		Path f = dir.resolve(name);
		Files.writeString(f, text);
		return f;
	}
}
