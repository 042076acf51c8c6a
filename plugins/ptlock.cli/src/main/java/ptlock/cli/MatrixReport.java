package ptlock.cli;

import ptlock.lang.matrix.Matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.report.RaceRenderer;
import ptlock.report.json.DocumentKind;

/** The matrix as a text table, as JSON, and as a self-contained HTML page. */
final class MatrixReport {
	private MatrixReport() {
	}

	static String text(Matrix m) {
		int first = Math.max(5, m.rows.stream().mapToInt(String::length).max().orElse(5));
		Map<String, Integer> width = new LinkedHashMap<>();
		for (String a : m.archs) {
			int w = a.length();
			for (String r : m.rows) {
				w = Math.max(w, cell(m.cells.get(r).get(a)).length());
			}
			width.put(a, w);
		}
		StringBuilder sb = new StringBuilder();
		sb.append(pad("patch", first));
		m.archs.forEach(a -> sb.append(" | ").append(pad(a, width.get(a))));
		sb.append('\n').append("-".repeat(first));
		m.archs.forEach(a -> sb.append("-+-").append("-".repeat(width.get(a))));
		sb.append('\n');
		for (String r : m.rows) {
			sb.append(pad(r, first));
			for (String a : m.archs) {
				sb.append(" | ").append(pad(cell(m.cells.get(r).get(a)), width.get(a)));
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	/** "holds", or the violated properties (abbreviated by their initials when several). */
	static String cell(Matrix.Cell c) {
		if (c.holds()) {
			return "holds";
		}
		List<String> props = c.properties();
		return props.size() == 1 ? props.get(0) : String.join(",", props.stream().map(MatrixReport::initials).toList());
	}

	static String initials(String property) {
		StringBuilder sb = new StringBuilder();
		for (String part : property.split("_")) {
			if (!part.isEmpty()) {
				sb.append(part.charAt(0));
			}
		}
		return sb.toString();
	}

	/** The 'matrix --json' document (docs/schema/matrix.schema.json). */
	static Map<String, Object> json(Matrix m, String spec) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("schemaVersion", DocumentKind.SCHEMA_VERSION);
		out.put("spec", spec);
		out.put("order", m.order);
		out.put("archs", m.archs);
		List<Object> rows = new ArrayList<>();
		for (String r : m.rows) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("patch", r);
			row.put("changes", m.changes.getOrDefault(r, List.of()));
			Map<String, Object> cells = new LinkedHashMap<>();
			for (String a : m.archs) {
				Matrix.Cell c = m.cells.get(r).get(a);
				Map<String, Object> cell = new LinkedHashMap<>();
				cell.put("verdict", c.holds() ? "holds" : "violated");
				List<Object> vs = new ArrayList<>();
				for (Matrix.Violation v : c.violations()) {
					Map<String, Object> vm = new LinkedHashMap<>();
					vm.put("scenario", v.scenario());
					vm.put("property", v.property());
					vm.put("counterexample", new RaceRenderer().render(v.program(), v.result(), v.context(c)));
					vs.add(vm);
				}
				cell.put("violations", vs);
				cells.put(a, cell);
			}
			row.put("cells", cells);
			rows.add(row);
		}
		out.put("rows", rows);
		return out;
	}

	static String html(Matrix m, String spec) {
		StringBuilder sb = new StringBuilder();
		sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>ptlock matrix: ").append(esc(spec))
				.append("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}")
				.append("td,th{border:1px solid #999;padding:4px 8px;font-size:13px}td.h{background:#d8f0d0}")
				.append("td.v{background:#f6c8c0}pre{font-size:12px;background:#f4f4f4;padding:6px}</style></head>\n")
				.append("<body><h1>").append(esc(spec)).append("</h1>\n<p>Order: ").append(esc(String.join(" ", m.order)))
				.append(". A row is the series applied up to that patch; click a red cell for its counterexamples.</p>\n")
				.append("<table><tr><th>patch</th>");
		m.archs.forEach(a -> sb.append("<th>").append(esc(a)).append("</th>"));
		sb.append("</tr>\n");
		List<String> details = new ArrayList<>();
		for (String r : m.rows) {
			sb.append("<tr><th>").append(esc(r)).append("</th>");
			for (String a : m.archs) {
				Matrix.Cell c = m.cells.get(r).get(a);
				if (c.holds()) {
					sb.append("<td class=\"h\">holds</td>");
					continue;
				}
				String id = "c-" + r + "-" + a;
				sb.append("<td class=\"v\"><a href=\"#").append(esc(id)).append("\">")
						.append(esc(String.join(", ", c.properties()))).append("</a></td>");
				StringBuilder d = new StringBuilder("<h3 id=\"" + esc(id) + "\">after " + esc(r) + " on " + esc(a)
						+ "</h3>\n");
				for (Matrix.Violation v : c.violations()) {
					d.append("<p>").append(esc(v.scenario())).append(": <b>").append(esc(v.property()))
							.append("</b></p><pre>").append(esc(new RaceRenderer().render(v.program(), v.result(), v.context(c))))
							.append("</pre>\n");
				}
				details.add(d.toString());
			}
			sb.append("</tr>\n");
		}
		sb.append("</table>\n<h2>What each patch changes in the model</h2>\n<ul>\n");
		m.changes.forEach((p, c) -> sb.append("<li><b>").append(esc(p)).append("</b>: ")
				.append(esc(c.isEmpty() ? "-" : String.join("; ", c))).append("</li>\n"));
		sb.append("</ul>\n");
		details.forEach(sb::append);
		return sb.append("</body></html>\n").toString();
	}

	private static String pad(String s, int w) {
		return s + " ".repeat(Math.max(0, w - s.length()));
	}

	private static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
