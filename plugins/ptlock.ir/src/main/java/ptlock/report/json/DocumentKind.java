package ptlock.report.json;

/**
 * The JSON documents ptlock writes, each told apart by the member only it has, and their one schema version. A
 * reader opens a document with {@link #open}, which rejects null, another kind of document and an unknown version
 * before the reader looks inside.
 */
public enum DocumentKind {
	CHECK("results", "a check result ('ptlock check --json')"),
	MATRIX("rows", "a matrix ('ptlock matrix --json')"),
	DIFF_MATRIX("flips", "a matrix diff ('ptlock diff-matrix --json')");

	/** The version every document ptlock writes carries as "schemaVersion" (docs/JSON.md, docs/schema). */
	public static final int SCHEMA_VERSION = 1;

	private final String member;
	private final String description;

	DocumentKind(String member, String description) {
		this.member = member;
		this.description = description;
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
			throw root.error("no \"schemaVersion\" (written by a ptlock older than schema version " + SCHEMA_VERSION
					+ "? write it again)");
		}
		int v;
		try {
			v = version.integer(0, Integer.MAX_VALUE);
		} catch (JsonDocumentException e) {
			throw version.error("expected schema version " + SCHEMA_VERSION + ", got " + version.describe());
		}
		if (v != SCHEMA_VERSION) {
			throw version.error("schema version " + v + " is not one this ptlock reads (it reads " + SCHEMA_VERSION
					+ ")");
		}
		return root;
	}
}
