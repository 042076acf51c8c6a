package ptlock.lang.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;

import ptlock.check.CheckResult;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.lang.load.Includes;
import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Scenario;
import ptlock.model.series.Architecture;
import ptlock.model.series.Patch;
import ptlock.model.series.Series;

/**
 * The verdict matrix of a series: for every prefix of an order of its patches (none, the first, the first two, ...)
 * and every architecture, every scenario of the spec checked with exactly those patches applied. The CLI
 * ('ptlock matrix') and the Eclipse matrix view compute it alike; the checker is given (the simulator, usually).
 */
public final class Matrix {
	/** A violated property in one cell: which scenario, and its counterexample. */
	public record Violation(String scenario, String property, Program program, PropertyResult result) {
		/** Where this race is in the matrix, for its drawing: "scenario retract_race after p08 on x86_64". */
		public String context(Cell cell) {
			return "scenario " + scenario + ("none".equals(cell.patch()) ? " with no patch" : " after " + cell.patch())
					+ " on " + cell.arch();
		}
	}

	/** One cell: the patch level (the last patch applied, or "none") on one architecture. */
	public record Cell(String patch, String arch, List<Violation> violations) {
		public boolean holds() {
			return violations.isEmpty();
		}

		/** The violated properties, each once, in order. */
		public List<String> properties() {
			Set<String> out = new LinkedHashSet<>();
			violations.forEach(v -> out.add(v.property()));
			return new ArrayList<>(out);
		}
	}

	/** Told after each cell: how many are done of how many. */
	public interface Progress {
		void cellDone(int done, int total, String patch, String arch);
	}

	public final List<String> order;
	public final List<String> archs;
	public final List<String> rows = new ArrayList<>();
	public final Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
	/** how many cells were checked; the others lowered to a model already checked in another cell */
	public int modelsChecked;
	/** what each patch changes in the model ({@link PatchChanges}), for the reports */
	public final Map<String, List<String>> changes = new LinkedHashMap<>();

	public Matrix(List<String> order, List<String> archs) {
		this.order = order;
		this.archs = archs;
	}

	/** The series the spec includes (its .xmi models, directly or through included .ptl files). */
	public static List<Series> series(List<Model> models) {
		List<Series> out = new ArrayList<>();
		for (EObject root : Includes.modelRoots(models)) {
			if (root instanceof Series s) {
				out.add(s);
			}
		}
		return out;
	}

	/** The names of the architectures the spec includes, in include order. */
	public static List<String> architectures(List<Model> models) {
		List<String> out = new ArrayList<>();
		for (EObject root : Includes.modelRoots(models)) {
			if (root instanceof Architecture a) {
				out.add(a.getName());
			}
		}
		return out;
	}

	/** Whether a scenario runs on the architecture: it names it with 'on', or names none. */
	static boolean runsOn(Scenario s, String arch) {
		List<String> on = new ArrayList<>();
		s.getMembers().stream().filter(ptlock.lang.ptlock.OnArchs.class::isInstance)
				.forEach(m -> ((ptlock.lang.ptlock.OnArchs) m).getArchs().forEach(a -> on.add(a.getName())));
		return on.isEmpty() || on.contains(arch);
	}

	/** The program without the names of its cell, which do not change its meaning (the key of a checked model). */
	public static Program cellFree(Program p) {
		return new Program(p.spec(), p.scenario(), null, null, p.doc(), p.loc(), p.globals(), p.init(), p.threads(),
				p.properties(), p.expectations(), p.ignored(), p.views(), p.shapes());
	}

	/** The patch names of a series, in its order. */
	public static List<String> patches(Series s) {
		return s.getPatches().stream().map(Patch::getName).toList();
	}

	/**
	 * Computes every cell (all of them, unless cancelled: then the rows done so far).
	 *
	 * @param checker checks one lowered cell
	 */
	public static Matrix compute(List<Model> models, List<Scenario> scenarios, List<String> order, List<String> archs,
			Function<Program, CheckResult> checker, Progress progress, BooleanSupplier cancelled) {
		Matrix m = new Matrix(order, archs);
		List<Series> series = series(models);
		if (series.size() == 1) {
			m.changes.putAll(PatchChanges.of(models, series.get(0)));
		}
		int total = (order.size() + 1) * archs.size();
		int done = 0;
		// A patch that changes only paths a scenario does not run, or two architectures whose attributes the
		// scenario does not read, give the same lowered program: its verdicts are the same, so it is checked once.
		Map<Program, CheckResult> checked = new java.util.HashMap<>();
		for (int k = 0; k <= order.size() && !cancelled.getAsBoolean(); k++) {
			Set<String> applied = new LinkedHashSet<>(order.subList(0, k));
			String level = k == 0 ? "none" : order.get(k - 1);
			Map<String, Cell> row = new LinkedHashMap<>();
			for (String arch : archs) {
				List<Violation> violations = new ArrayList<>();
				for (Scenario s : scenarios) {
					if (!runsOn(s, arch)) {
						continue;
					}
					Lowering.Result r = new Lowering().lowerCell(models, s, arch, applied, level);
					if (!r.ok()) {
						throw new IllegalStateException("scenario " + s.getName() + " cannot be lowered on " + arch);
					}
					CheckResult c = checked.get(cellFree(r.program()));
					if (c == null) {
						c = checker.apply(r.program());
						checked.put(cellFree(r.program()), c);
						m.modelsChecked++;
					}
					for (PropertyResult p : c.properties()) {
						if (p.verdict() == Verdict.VIOLATED) {
							violations.add(new Violation(s.getName(), p.property(), r.program(), p));
						}
					}
				}
				row.put(arch, new Cell(level, arch, violations));
				done++;
				progress.cellDone(done, total, level, arch);
			}
			if (row.size() == archs.size()) {
				m.rows.add(level);
				m.cells.put(level, row);
			}
		}
		return m;
	}
}
