package ptlock.report.json;

/**
 * The JSON documents ptlock writes, each told apart by the member only it has, and their one schema version. A
 * reader opens a document with {@link #open}, which rejects null, another kind of document, an unknown version and
 * an older version whose shape changed before the reader looks inside.
 */
public enum DocumentKind {
	// version 2 wrote state values as JSON (TlaJson): older check results cannot be read, the others did not change
	CHECK("results", "a check result", "ptlock check --json", 2),
	MATRIX("rows", "a matrix", "ptlock matrix --json", 1),
	DIFF_MATRIX("flips", "a matrix diff", "ptlock diff-matrix --json", 1);

	/** The version every document ptlock writes carries as "schemaVersion" (docs/JSON.md, docs/schema). */
	public static final int SCHEMA_VERSION = 2;

	private final String member;
	private final String description;
	private final String command;
	private final int oldestRead;

	DocumentKind(String member, String what, String command, int oldestRead) {
		this.member = member;
		this.description = what + " ('" + command + "')";
		this.command = command;
		this.oldestRead = oldestRead;
	}

	public String description() {
		return description;
	}

	/** The document's root object, once it is known to be this kind in a version this ptlock reads. */
	public JsonValue open(JsonValue root) throws JsonDocumentException {
		if (!root.isObject()) {
			throw root.error("expected " + description + ", got " + (root.isNull() ? "null" : "no JSON object"));
		}
		if (!root.has(member)) {
			for (DocumentKind other : values()) {
				if (root.has(other.member)) {
					throw root.error("this is " + other.description + ", not " + description);
				}
			}
			throw root.error("not " + description + ": it has no \"" + member + "\"");
		}
		JsonValue version = root.optionalField("schemaVersion");
		if (version == null) {
			// version 1 was the first to carry it
			throw root.error("no \"schemaVersion\" (written by a ptlock older than schema version 1? write it again)");
		}
		int v;
		try {
			v = version.integer(0, Integer.MAX_VALUE);
		} catch (JsonDocumentException e) {
			throw version.error("expected schema version " + SCHEMA_VERSION + ", got " + version.describe());
		}
		if (v >= 1 && v < oldestRead) {
			throw version.error("written by an older ptlock (schemaVersion " + v + "); run '" + command + "' again");
		}
		if (v < 1 || v > SCHEMA_VERSION) {
			throw version.error("schema version " + v + " is not one this ptlock reads (it reads "
					+ (oldestRead == SCHEMA_VERSION ? "" : oldestRead + " to ") + SCHEMA_VERSION + ")");
		}
		return root;
	}
}
