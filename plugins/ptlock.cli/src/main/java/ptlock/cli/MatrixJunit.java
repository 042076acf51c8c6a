package ptlock.cli;

import java.util.ArrayList;
import java.util.List;

import ptlock.lang.matrix.Matrix;
import ptlock.report.RaceRenderer;
import ptlock.report.junit.JunitCase;
import ptlock.report.junit.JunitSuite;

/**
 * 'ptlock matrix --junit': one test case per cell (patch level x architecture). A cell fails when one of its
 * scenarios has a violation its expectations do not allow (the matrix specs say 'expect others holds', so any
 * violation there); the failure's text is the race of each such violation, named by scenario, patch and arch.
 */
final class MatrixJunit {
	private MatrixJunit() {
	}

	static List<JunitSuite> suites(Matrix m, String spec) {
		List<JunitCase> cases = new ArrayList<>();
		String classname = "ptlock." + spec.replaceAll("[^A-Za-z0-9_-]", "_") + ".matrix";
		RaceRenderer races = new RaceRenderer();
		for (String row : m.rows) {
			for (String arch : m.archs) {
				Matrix.Cell c = m.cells.get(row).get(arch);
				String name = (row.equals("none") ? "base (no patch)" : "after " + row) + " on " + arch;
				List<Matrix.Violation> unexpected = c.violations().stream().filter(v -> !v.result().asExpected())
						.toList();
				if (unexpected.isEmpty()) {
					cases.add(JunitCase.passed(classname, name, 0));
					continue;
				}
				StringBuilder text = new StringBuilder();
				for (Matrix.Violation v : unexpected) {
					text.append(v.property()).append(" violated in scenario ").append(v.scenario()).append(" ")
							.append(name).append(":\n").append(races.render(v.program(), v.result(), v.context(c))).append('\n');
				}
				String message = "violated: " + String.join(", ", unexpected.stream()
						.map(v -> v.scenario() + "/" + v.property()).distinct().toList());
				cases.add(new JunitCase(classname, name, 0,
						new JunitCase.Failure(message, "unexpected_verdict", text.toString())));
			}
		}
		return List.of(new JunitSuite(spec + " matrix", cases, null));
	}
}
