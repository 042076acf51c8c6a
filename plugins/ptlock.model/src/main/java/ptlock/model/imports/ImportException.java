package ptlock.model.imports;

/** Input an importer cannot use, with the line it is about (1-based; 0 for the file as a whole). */
public final class ImportException extends Exception {
	private static final long serialVersionUID = 1L;
	private final int line;

	public ImportException(int line, String message) {
		super(message);
		this.line = line;
	}

	public int line() {
		return line;
	}
}
