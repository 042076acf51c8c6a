package ptlock.report.sarif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.PropertyResult;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.SourceLoc;
import ptlock.ir.ThreadIr;
import ptlock.report.RaceRenderer;
import ptlock.report.RaceRows;

/**
 * A counterexample as a SARIF codeFlow, the race as kernel developers draw it: one threadFlow per CPU (in the
 * program's order), each location one step that CPU took, with its kernel line as message, its place in the whole
 * race as executionOrder (1-based) and, as state, the variables the step changed (program counters and violation
 * flags left out, as in the race drawing; the initial state is in the codeFlow's property bag).
 */
final class RaceFlow {
	private final PropertyResult result;
	private final RaceRows rows;

	RaceFlow(Program program, PropertyResult result) {
		this.result = result;
		this.rows = new RaceRows(program, result);
	}

	boolean empty() {
		return rows.rows().isEmpty();
	}

	/** The statement of the last step: where the property fails. Null if the trace took no step. */
	SourceLoc failingStatement() {
		List<RaceRows.Row> all = rows.rows();
		return all.isEmpty() ? null : all.get(all.size() - 1).loc();
	}

	/** "cpu0 (2 steps) and cpu1 (3 steps) race; it fails after step 5 (cpu1 at f.ptl:4:3: x = 1;)". */
	String summary() {
		List<RaceRows.Row> all = rows.rows();
		if (all.isEmpty()) {
			return "It fails in the initial state.";
		}
		List<String> cpus = new ArrayList<>();
		for (ThreadIr t : rows.columns()) {
			long n = all.stream().filter(r -> r.thread().equals(t.name())).count();
			cpus.add(t.name() + " (" + n + (n == 1 ? " step)" : " steps)"));
		}
		RaceRows.Row last = all.get(all.size() - 1);
		String who = cpus.size() == 1 ? cpus.get(0) + " runs alone" : String.join(" and ", cpus) + " race";
		return who + "; it fails after step " + last.number() + " (" + last.thread() + " at " + last.loc().position()
				+ ": " + last.label() + ").";
	}

	Map<String, Object> codeFlow() {
		List<Object> threadFlows = new ArrayList<>();
		for (ThreadIr t : rows.columns()) {
			List<Object> locations = new ArrayList<>();
			for (RaceRows.Row r : rows.rows()) {
				if (r.thread().equals(t.name())) {
					locations.add(Tree.obj("location", Locations.location(r.loc(), r.label()), "state",
							r.changed().isEmpty() ? null : state(r.changed()), "executionOrder", r.number()));
				}
			}
			threadFlows.add(Tree.obj("id", t.name(), "message", Tree.text(RaceRows.header(t)), "locations",
					locations));
		}
		return Tree.obj("message", Tree.text(result.property() + ": " + summary()), "threadFlows", threadFlows,
				"properties", Tree.obj("initialState", initialState()));
	}

	/** SARIF's state: variable -> a multiformatMessageString holding the value (TLA+ text). */
	private static Map<String, Object> state(Map<String, String> values) {
		Map<String, Object> m = new LinkedHashMap<>();
		values.forEach((k, v) -> m.put(k, Tree.text(v)));
		return m;
	}

	private Map<String, String> initialState() {
		List<TraceStep> steps = result.trace() == null ? List.of() : result.trace().steps();
		if (steps.isEmpty() || steps.get(0).thread() != null) {
			return null;
		}
		Map<String, String> m = new LinkedHashMap<>();
		steps.get(0).values().forEach((k, v) -> {
			if (!RaceRenderer.hidden(k)) {
				m.put(k, v);
			}
		});
		return m;
	}
}
