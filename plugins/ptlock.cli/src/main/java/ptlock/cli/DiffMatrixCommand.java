package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.report.Json;
import ptlock.report.json.DocumentKind;
import ptlock.report.json.JsonDocumentException;
import ptlock.report.json.MatrixDocument;

/**
 * ptlock diff-matrix A.json B.json: the cells that flipped between two matrices ('ptlock matrix --json'), for two
 * versions or two orders of a series. Rows are compared by position (the k-th prefix of each); a flipped cell names
 * the patch that row adds in B, which is where B's outcome changed.
 */
@Command(name = "diff-matrix", description = "The cells that flipped between two 'ptlock matrix --json' results,"
		+ " each with the patch responsible.")
final class DiffMatrixCommand extends Subcommand {
	@Parameters(index = "0", paramLabel = "A.json")
	String fileA;
	@Parameters(index = "1", paramLabel = "B.json")
	String fileB;
	@Option(names = "--json", description = "print the flips as JSON")
	boolean json;

	DiffMatrixCommand(Io io) {
		super(io);
	}

	record Flip(int row, String patchA, String patchB, String arch, String before, String after) {
	}

	@Override
	ExitCode run() throws IOException {
		PrintStream out = io.out();
		PrintStream err = io.err();
		MatrixDocument ma = read(fileA, err);
		MatrixDocument mb = ma == null ? null : read(fileB, err);
		if (mb == null) {
			return ExitCode.USAGE;
		}
		List<Flip> flips = diff(ma, mb);
		if (json) {
			out.println(Json.write(json(flips)));
			return ExitCode.OK;
		}
		out.println(flips.size() + " cell(s) flipped");
		for (Flip f : flips) {
			out.printf("  row %d (A after %s, B after %s) on %s: %s -> %s; responsible: %s%n", f.row(), f.patchA(),
					f.patchB(), f.arch(), f.before(), f.after(), f.patchB());
		}
		return ExitCode.OK;
	}

	/** The matrix in the file, or null once a file that is not one (syntax or shape) is told in one line. */
	private static MatrixDocument read(String file, PrintStream err) throws IOException {
		try {
			return MatrixDocument.read(Json.parse(Path.of(file)));
		} catch (JsonDocumentException e) {
			err.println(e.describe(file));
			return null;
		}
	}

	/** The 'diff-matrix --json' document (docs/schema/diff-matrix.schema.json). */
	static Map<String, Object> json(List<Flip> flips) {
		List<Object> list = new ArrayList<>();
		for (Flip f : flips) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("row", f.row());
			m.put("patchA", f.patchA());
			m.put("patchB", f.patchB());
			m.put("arch", f.arch());
			m.put("before", f.before());
			m.put("after", f.after());
			list.add(m);
		}
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("schemaVersion", DocumentKind.SCHEMA_VERSION);
		doc.put("flips", list);
		return doc;
	}

	static List<Flip> diff(MatrixDocument a, MatrixDocument b) {
		List<Flip> out = new ArrayList<>();
		for (int k = 0; k < Math.min(a.rows().size(), b.rows().size()); k++) {
			MatrixDocument.Row rowA = a.rows().get(k);
			MatrixDocument.Row rowB = b.rows().get(k);
			for (Map.Entry<String, MatrixDocument.Cell> ca : rowA.cells().entrySet()) {
				MatrixDocument.Cell cb = rowB.cells().get(ca.getKey());
				if (cb == null) {
					continue;
				}
				String before = summary(ca.getValue());
				String after = summary(cb);
				if (!before.equals(after)) {
					out.add(new Flip(k, rowA.patch(), rowB.patch(), ca.getKey(), before, after));
				}
			}
		}
		return out;
	}

	private static String summary(MatrixDocument.Cell cell) {
		return cell.holds() ? "holds" : String.join(",", cell.violated());
	}
}
