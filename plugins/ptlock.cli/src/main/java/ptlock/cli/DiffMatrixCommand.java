package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.report.Json;
import ptlock.report.JsonReader;

/**
 * ptlock diff-matrix A.json B.json: the cells that flipped between two matrices ('ptlock matrix --json'), for two
 * versions or two orders of a series. Rows are compared by position (the k-th prefix of each); a flipped cell names
 * the patch that row adds in B, which is where B's outcome changed.
 */
final class DiffMatrixCommand {
	static final Set<String> FLAGS = Set.of("json");
	static final Set<String> VALUED = Set.of();

	record Flip(int row, String patchA, String patchB, String arch, String before, String after) {
	}

	ExitCode run(Args a, PrintStream out, PrintStream err) throws Args.UsageException, IOException {
		if (a.positional.size() != 2) {
			throw new Args.UsageException("diff-matrix needs two files written by 'ptlock matrix --json'");
		}
		Map<String, Object> ma;
		Map<String, Object> mb;
		try {
			ma = map(JsonReader.parse(Files.readString(Path.of(a.positional.get(0)))));
			mb = map(JsonReader.parse(Files.readString(Path.of(a.positional.get(1)))));
		} catch (IllegalArgumentException e) {
			err.println("ptlock: " + e.getMessage());
			return ExitCode.USAGE;
		}
		List<Flip> flips = diff(ma, mb);
		if (a.flag("json")) {
			List<Object> list = new ArrayList<>();
			for (Flip f : flips) {
				list.add(Map.of("row", f.row(), "patchA", f.patchA(), "patchB", f.patchB(), "arch", f.arch(), "before",
						f.before(), "after", f.after()));
			}
			out.println(Json.write(Map.of("flips", list)));
			return ExitCode.OK;
		}
		out.println(flips.size() + " cell(s) flipped");
		for (Flip f : flips) {
			out.printf("  row %d (A after %s, B after %s) on %s: %s -> %s; responsible: %s%n", f.row(), f.patchA(),
					f.patchB(), f.arch(), f.before(), f.after(), f.patchB());
		}
		return ExitCode.OK;
	}

	static List<Flip> diff(Map<String, Object> a, Map<String, Object> b) {
		List<Object> ra = list(a.get("rows"));
		List<Object> rb = list(b.get("rows"));
		List<Flip> out = new ArrayList<>();
		for (int k = 0; k < Math.min(ra.size(), rb.size()); k++) {
			Map<String, Object> rowA = map(ra.get(k));
			Map<String, Object> rowB = map(rb.get(k));
			Map<String, Object> ca = map(rowA.get("cells"));
			Map<String, Object> cb = map(rowB.get("cells"));
			for (String arch : ca.keySet()) {
				if (!cb.containsKey(arch)) {
					continue;
				}
				String before = summary(map(ca.get(arch)));
				String after = summary(map(cb.get(arch)));
				if (!before.equals(after)) {
					out.add(new Flip(k, (String) rowA.get("patch"), (String) rowB.get("patch"), arch, before, after));
				}
			}
		}
		return out;
	}

	private static String summary(Map<String, Object> cell) {
		List<String> props = new ArrayList<>();
		for (Object v : list(cell.get("violations"))) {
			String p = (String) map(v).get("property");
			if (!props.contains(p)) {
				props.add(p);
			}
		}
		return props.isEmpty() ? "holds" : String.join(",", props);
	}

	private static Map<String, Object> map(Object o) {
		return JsonReader.asMap(o);
	}

	private static List<Object> list(Object o) {
		return JsonReader.asList(o);
	}
}
