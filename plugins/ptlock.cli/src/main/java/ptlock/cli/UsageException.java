package ptlock.cli;

/** A command line that parses but makes no sense (a patch order that misses a patch, an unknown architecture). */
final class UsageException extends Exception {
	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
