package ptlock.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.ProgressListener;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Scenario;
import ptlock.sim.SimChecker;

/**
 * The verdict matrix of a series: for every prefix of an order of its patches (none, the first, the first two, ...)
 * and every architecture, every scenario of the spec checked with exactly those patches applied.
 */
final class Matrix {
	/** A violated property in one cell: which scenario, and its counterexample. */
	record Violation(String scenario, String property, Program program, PropertyResult result) {
	}

	/** One cell: the patch level (the last patch applied, or "none") on one architecture. */
	record Cell(String patch, String arch, List<Violation> violations) {
		boolean holds() {
			return violations.isEmpty();
		}

		/** The violated properties, each once, in order. */
		List<String> properties() {
			Set<String> out = new LinkedHashSet<>();
			violations.forEach(v -> out.add(v.property()));
			return new ArrayList<>(out);
		}
	}

	final List<String> order;
	final List<String> archs;
	final List<String> rows = new ArrayList<>();
	final Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();

	Matrix(List<String> order, List<String> archs) {
		this.order = order;
		this.archs = archs;
	}

	/** Computes every cell; progress reports cells done and left. */
	static Matrix compute(List<Model> models, List<Scenario> scenarios, List<String> order, List<String> archs,
			CheckOptions options, java.io.PrintStream progress) {
		Matrix m = new Matrix(order, archs);
		int total = (order.size() + 1) * archs.size();
		int done = 0;
		long start = System.nanoTime();
		for (int k = 0; k <= order.size(); k++) {
			Set<String> applied = new LinkedHashSet<>(order.subList(0, k));
			String level = k == 0 ? "none" : order.get(k - 1);
			m.rows.add(level);
			Map<String, Cell> row = new LinkedHashMap<>();
			for (String arch : archs) {
				List<Violation> violations = new ArrayList<>();
				for (Scenario s : scenarios) {
					Lowering.Result r = new Lowering().lowerCell(models, s, arch, applied, level);
					if (!r.ok()) {
						throw new IllegalStateException("scenario " + s.getName() + " cannot be lowered on " + arch);
					}
					CheckResult c = new SimChecker().check(r.program(), options);
					for (PropertyResult p : c.properties()) {
						if (p.verdict() == Verdict.VIOLATED) {
							violations.add(new Violation(s.getName(), p.property(), r.program(), p));
						}
					}
				}
				row.put(arch, new Cell(level, arch, violations));
				done++;
				if (progress != null) {
					double secs = (System.nanoTime() - start) / 1e9;
					progress.printf("  [matrix] %d/%d cells (%s on %s), %d left, %.1f cells/s%n", done, total, level,
							arch, total - done, done / Math.max(secs, 1e-3));
				}
			}
			m.cells.put(level, row);
		}
		return m;
	}

	static CheckOptions options(java.nio.file.Path work) {
		return new CheckOptions(work, 1, 1024, 0, new AtomicBoolean(), ProgressListener.NONE);
	}
}
