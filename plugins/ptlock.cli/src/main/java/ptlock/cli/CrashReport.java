package ptlock.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a command that failed inside ptlock tells the user: one line saying what happened and what to try, and the
 * stack trace in a log file that the line names (never on the terminal, where it would bury the message and break
 * '--json').
 */
final class CrashReport {
	private CrashReport() {
	}

	/** The message for a throwable that no command handled; its stack trace goes to a log file. */
	static String of(Throwable t) {
		String what = t instanceof OutOfMemoryError
				? "out of memory: try smaller bounds, --heap for TLC, or a larger heap for ptlock (PTLOCK_JAVA_OPTS=-Xmx8g ./ptlock ...)"
				: t instanceof StackOverflowError
						? "ran out of stack (a very deep spec, or a very long unrolled loop): flatten it, or raise the"
								+ " stack (JAVA_TOOL_OPTIONS=-Xss64m)"
						: "internal error (" + t.getClass().getSimpleName()
								+ (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")";
		String log = log(t);
		return "ptlock: " + what + (log == null ? "" : "; details in " + log);
	}

	private static String log(Throwable t) {
		try {
			Path f = Files.createTempFile("ptlock-crash-", ".log");
			StringWriter w = new StringWriter();
			t.printStackTrace(new PrintWriter(w));
			Files.writeString(f, w.toString());
			return f.toString();
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** "PATH: reason" for a file error (the JDK's message is often the path alone). */
	static String fileError(IOException e) {
		if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
			String reason = switch (e) {
			case java.nio.file.NoSuchFileException x -> "no such file or directory";
			case java.nio.file.AccessDeniedException x -> "permission denied";
			case java.nio.file.FileAlreadyExistsException x -> "already exists";
			case java.nio.file.NotDirectoryException x -> "not a directory";
			case java.nio.file.DirectoryNotEmptyException x -> "directory not empty";
			default -> f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
			};
			return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
		}
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}
}
