package ptlock.ir;

/** Where something comes from in a .ptl file: file, 1-based line and column, and the source text of the line. */
public record SourceLoc(String file, int line, int column, String text) {
	public static final SourceLoc NONE = new SourceLoc("<none>", 0, 0, "");

	public String position() {
		return file + ":" + line + ":" + column;
	}
}
