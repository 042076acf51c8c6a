package ptlock.lang.load;

/**
 * A problem in a .ptl file, located by file:line:column (and offset/length for editors), with a stable code (see
 * IssueCodes).
 */
public record Issue(Severity severity, String code, String file, int line, int column, int offset, int length,
		String message) {
	public enum Severity {
		ERROR, WARNING
	}

	@Override
	public String toString() {
		return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
				+ message + " [" + code + "]";
	}
}
