package ptlock.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where TLC's files go: the folder --out names (kept), or else a temporary folder removed when the command ends, so
 * that a check writes nothing into the current directory unless asked.
 */
final class WorkDir implements AutoCloseable {
	private final Path path;
	private final boolean temporary;

	private WorkDir(Path path, boolean temporary) {
		this.path = path;
		this.temporary = temporary;
	}

	/** @param out the folder --out names, or null */
	static WorkDir of(Path out) throws IOException {
		if (out != null) {
			return new WorkDir(Files.createDirectories(out), false);
		}
		return new WorkDir(Files.createTempDirectory("ptlock-"), true);
	}

	Path path() {
		return path;
	}

	@Override
	public void close() {
		if (!temporary) {
			return;
		}
		try (Stream<Path> all = Files.walk(path)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// a leftover in the temporary folder is harmless
		}
	}
}
