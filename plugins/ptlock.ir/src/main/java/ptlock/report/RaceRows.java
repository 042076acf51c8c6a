package ptlock.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.PropertyResult;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.SourceLoc;
import ptlock.ir.Step;
import ptlock.ir.ThreadIr;

/**
 * A counterexample as rows, for a table (the Eclipse counterexample view): one row per step, the CPU that took it,
 * its kernel line and where that line is, and the variables the step changed. Computed once, so that a view can
 * show thousands of steps lazily.
 */
public final class RaceRows {
	/** @param changed variable -> its new value, for the variables this step changed (bookkeeping left out) */
	public record Row(int number, String thread, String label, SourceLoc loc, Map<String, String> changed) {
	}

	private final List<ThreadIr> columns = new ArrayList<>();
	private final List<Row> rows = new ArrayList<>();

	public RaceRows(Program program, PropertyResult result) {
		List<TraceStep> steps = result.trace() == null ? List.of() : result.trace().steps();
		for (ThreadIr t : program.threads()) {
			if (steps.stream().anyMatch(s -> t.name().equals(s.thread()))) {
				columns.add(t);
			}
		}
		TraceStep before = null;
		for (TraceStep s : steps) {
			if (s.thread() != null) {
				Step st = program.thread(s.thread()).step(s.step());
				Map<String, String> changed = new LinkedHashMap<>();
				for (Map.Entry<String, String> e : s.values().entrySet()) {
					if (!RaceRenderer.hidden(e.getKey()) && (before == null
							|| !e.getValue().equals(before.values().get(e.getKey())))) {
						changed.put(e.getKey(), e.getValue());
					}
				}
				rows.add(new Row(rows.size() + 1, s.thread(), st.label().replaceAll("\\s+", " "), st.loc(), changed));
			}
			before = s;
		}
	}

	/** The CPUs that took a step, in the program's order: one column each. */
	public List<ThreadIr> columns() {
		return columns;
	}

	public List<Row> rows() {
		return rows;
	}

	/** A column's title: the CPU and the path it runs. */
	public static String header(ThreadIr t) {
		return t.name() + ": " + t.path();
	}
}
