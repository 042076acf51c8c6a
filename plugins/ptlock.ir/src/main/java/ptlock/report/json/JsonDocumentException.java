package ptlock.report.json;

/**
 * A JSON input that ptlock cannot use: a syntax error (with line and column) or a document of the wrong shape (with
 * the JSON path of the offending value), told to the user as one line.
 */
public final class JsonDocumentException extends Exception {
	private static final long serialVersionUID = 1L;

	private final int line;
	private final int column;
	private final String path;
	private final String problem;

	/**
	 * @param line 0 when unknown (shape errors are located by path)
	 * @param path the JSON path ("$.results[0].scenario"), or null for the whole file
	 */
	public JsonDocumentException(int line, int column, String path, String problem) {
		super(problem);
		this.line = line;
		this.column = column;
		this.path = path;
		this.problem = problem;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}

	public String path() {
		return path;
	}

	public String problem() {
		return problem;
	}

	/** "FILE:LINE:COLUMN: $.path: problem", without the parts that are unknown. */
	public String describe(String file) {
		StringBuilder sb = new StringBuilder(file);
		if (line > 0) {
			sb.append(':').append(line).append(':').append(column);
		}
		sb.append(": ");
		if (path != null) {
			sb.append(path).append(": ");
		}
		return sb.append(problem).toString();
	}

	@Override
	public String getMessage() {
		return describe("<json>");
	}
}
