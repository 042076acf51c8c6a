package ptlock.report.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What 'ptlock diff-matrix' needs of a matrix ('ptlock matrix --json', docs/schema/matrix.schema.json): each row's
 * patch and, per architecture, the violated properties, read with their shape checked.
 */
public record MatrixDocument(List<String> archs, List<Row> rows) {

	/** The series applied up to {@code patch}; cells by architecture, in the file's order. */
	public record Row(String patch, Map<String, Cell> cells) {
	}

	/** The properties violated in one cell (empty: every property holds), each once, in the file's order. */
	public record Cell(List<String> violated) {
		public boolean holds() {
			return violated.isEmpty();
		}
	}

	public static MatrixDocument read(JsonValue root) throws JsonDocumentException {
		JsonValue doc = DocumentKind.MATRIX.open(root);
		List<String> archs = new ArrayList<>();
		for (JsonValue a : doc.field("archs").elements()) {
			archs.add(a.string());
		}
		List<Row> rows = new ArrayList<>();
		for (JsonValue r : doc.field("rows").elements()) {
			String patch = r.field("patch").string();
			Map<String, Cell> cells = new LinkedHashMap<>();
			for (Map.Entry<String, JsonValue> c : r.field("cells").members().entrySet()) {
				if (!archs.contains(c.getKey())) {
					throw c.getValue().error("an architecture that $.archs does not list");
				}
				cells.put(c.getKey(), cell(c.getValue()));
			}
			rows.add(new Row(patch, cells));
		}
		return new MatrixDocument(archs, rows);
	}

	private static Cell cell(JsonValue c) throws JsonDocumentException {
		JsonValue verdict = c.field("verdict");
		String v = verdict.string();
		if (!v.equals("holds") && !v.equals("violated")) {
			throw verdict.error("expected \"holds\" or \"violated\", got " + verdict.describe());
		}
		JsonValue violations = c.field("violations");
		List<String> violated = new ArrayList<>();
		for (JsonValue x : violations.elements()) {
			x.field("scenario").string();
			String p = x.field("property").string();
			if (!violated.contains(p)) {
				violated.add(p);
			}
		}
		if (v.equals("holds") != violated.isEmpty()) {
			throw verdict.error("\"" + v + "\" with " + violated.size() + " violation(s)");
		}
		return new Cell(violated);
	}
}
