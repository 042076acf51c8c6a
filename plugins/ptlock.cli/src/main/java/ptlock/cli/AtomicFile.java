package ptlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A report file (--junit, --sarif, matrix --json/--html) written as CI needs it: into a temporary file next to it,
 * then renamed, so that a run killed half-way leaves the old file or none, never half of one.
 */
final class AtomicFile {
	private AtomicFile() {
	}

	static void write(Path file, String text) throws IOException {
		Path abs = file.toAbsolutePath();
		if (Files.isDirectory(abs)) {
			throw new java.nio.file.FileSystemException(file.toString(), null, "is a folder, not a file");
		}
		Path dir = abs.getParent();
		Path tmp;
		try {
			Files.createDirectories(dir);
			tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
		} catch (IOException e) {
			// name the file the user asked for, not our temporary one
			throw new java.nio.file.FileSystemException(file.toString(), null, "cannot be written there ("
					+ CrashReport.fileError(e).replaceFirst("^.*: ", "") + ")");
		}
		try {
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
