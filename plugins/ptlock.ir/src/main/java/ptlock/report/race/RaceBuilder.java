package ptlock.report.race;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.PropertyResult;
import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.Step;
import ptlock.ir.ThreadIr;
import ptlock.ir.Var;
import ptlock.tla.TlaNames;

/** Makes the {@link Race} of a counterexample from the program it ran and the trace. */
public final class RaceBuilder {
	private final Program program;
	private final CValues values;

	public RaceBuilder(Program program) {
		this.program = program;
		this.values = new CValues(program);
	}

	/** The race, or null if the result has no trace. */
	public Race build(PropertyResult result) {
		return build(result, context());
	}

	/**
	 * The race with a context of the caller's (a matrix cell's "scenario s after p08 on x86_64": the cell's program
	 * may be the same model as another cell's, so it cannot say which cell it is).
	 */
	public Race build(PropertyResult result, String context) {
		Trace trace = result.trace();
		if (trace == null || trace.steps().isEmpty()) {
			return null;
		}
		List<TraceStep> steps = trace.steps();
		List<Race.Column> columns = new ArrayList<>();
		for (ThreadIr t : program.threads()) {
			if (steps.stream().anyMatch(s -> t.name().equals(s.thread()))) {
				columns.add(new Race.Column(t.name(), header(t)));
			}
		}
		List<Race.Row> rows = new ArrayList<>();
		Map<String, List<Step.Frame>> open = new HashMap<>();
		int n = 0;
		TraceStep before = steps.get(0);
		for (int i = 1; i < steps.size(); i++) {
			TraceStep s = steps.get(i);
			if (s.thread() == null) {
				before = s;
				continue;
			}
			ThreadIr t = program.thread(s.thread());
			Step st = t.step(s.step());
			List<Step.Frame> was = open.getOrDefault(t.name(), List.of());
			int common = 0;
			// the same inlining is the same Frame object: a call made again (an unrolled loop) gets its line again
			while (common < was.size() && common < st.frames().size() && was.get(common) == st.frames().get(common)) {
				common++;
			}
			for (int d = common; d < st.frames().size(); d++) {
				Step.Frame f = st.frames().get(d);
				rows.add(new Race.Row(0, t.name(), d, f.call(), null, f.at(), List.of(), false));
			}
			open.put(t.name(), st.frames());
			n++;
			boolean last = i == steps.size() - 1;
			rows.add(new Race.Row(n, t.name(), st.frames().size(), line(st),
					Branches.outcome(st, s.values().get(t.pc().name())), st.loc(), changes(before, s), last
							&& !isDeadlock(result)));
			before = s;
		}
		TraceStep end = steps.get(steps.size() - 1);
		return new Race(result.property(), context, columns, rows, failure(result, end, n), notes(result, steps));
	}

	/** A column's title: the CPU and the path it runs. */
	public static String header(ThreadIr t) {
		return t.name() + ": " + t.path();
	}

	private static String line(Step s) {
		return s.line().replaceAll("\\s+", " ");
	}

	private String context() {
		StringBuilder sb = new StringBuilder("scenario ").append(program.scenario());
		if (program.patch() != null) {
			sb.append(" at patch ").append(program.patch());
		}
		if (program.arch() != null) {
			sb.append(" on ").append(program.arch());
		}
		return sb.toString();
	}

	private boolean isDeadlock(PropertyResult r) {
		Property p = program.property(r.property());
		return p != null && p.kind() == Property.Kind.DEADLOCK;
	}

	private String failure(PropertyResult r, TraceStep end, int n) {
		if (isDeadlock(r)) {
			return r.property() + ": after step " + n + " no CPU can move, and these have not finished:";
		}
		if (end.thread() == null) {
			return r.property() + " fails in the initial state";
		}
		Step st = program.thread(end.thread()).step(end.step());
		return r.property() + " fails after step " + n + " (" + end.thread() + ", " + st.loc().position() + ")";
	}

	private List<String> notes(PropertyResult r, List<TraceStep> steps) {
		TraceStep end = steps.get(steps.size() - 1);
		List<String> out = new ArrayList<>();
		if (isDeadlock(r)) {
			for (ThreadIr t : program.threads()) {
				String pc = pc(end, t);
				if (t.daemon() || pc == null || pc.equals(TlaNames.DONE)) {
					continue;
				}
				Step waiting = t.step(Integer.parseInt(pc.substring(1)));
				out.add("  " + t.name() + " waits at " + line(waiting) + "   (" + waiting.loc().position() + ")");
			}
		} else if (steps.size() > 1) {
			List<String> changed = changes(steps.get(steps.size() - 2), end).stream().map(Race.Change::toString)
					.toList();
			if (!changed.isEmpty()) {
				out.add("the last step changed: " + String.join(", ", changed));
			}
		}
		List<String> shared = new ArrayList<>();
		for (Var g : program.globals()) {
			String v = end.values().get(g.name());
			if (v != null && !hidden(g.name())) {
				shared.add(g.name() + " = " + values.show(g.name(), v));
			}
		}
		out.add("shared state: " + String.join(", ", shared));
		if (end.thread() != null) {
			ThreadIr t = program.thread(end.thread());
			List<String> locals = new ArrayList<>();
			for (Var l : t.locals()) {
				String v = end.values().get(l.name());
				if (v != null) {
					locals.add(localName(t, l) + " = " + values.show(l.name(), v));
				}
			}
			if (!locals.isEmpty()) {
				out.add(t.name() + "'s locals: " + String.join(", ", locals));
			}
		}
		return out;
	}

	private static String pc(TraceStep s, ThreadIr t) {
		String v = s.values().get(t.pc().name());
		return v == null ? null : v.replace("\"", "");
	}

	/** What the step changed, in C notation: globals, then the locals of the CPU that took it. */
	private List<Race.Change> changes(TraceStep before, TraceStep after) {
		List<Race.Change> out = new ArrayList<>();
		for (Var g : program.globals()) {
			add(g.name(), g.name(), before, after, out);
		}
		if (after.thread() != null) {
			ThreadIr t = program.thread(after.thread());
			for (Var l : t.locals()) {
				add(localName(t, l), l.name(), before, after, out);
			}
		}
		return out;
	}

	private void add(String shown, String var, TraceStep before, TraceStep after, List<Race.Change> out) {
		String a = after.values().get(var);
		String b = before.values().get(var);
		if (a == null || hidden(var) || a.equals(b)) {
			return;
		}
		out.addAll(values.changes(shown, var, b, a));
	}

	/**
	 * A local as the source names it; where two inlined calls declare the same name, with the call it belongs to
	 * ("pte (pte_offset_map_lock)") rather than the model's unique name (cpu0_pte_2).
	 */
	private String localName(ThreadIr t, Var l) {
		long same = t.locals().stream().filter(o -> o.source().equals(l.source())).count();
		String frame = program.view(l.name()).frame();
		return same > 1 && frame != null ? l.source() + " (" + frame + ")" : l.source();
	}

	/** Program counters and violation flags: bookkeeping of the model, not kernel state. */
	public static boolean hidden(String var) {
		return var.startsWith("pc_") || var.startsWith("viol_");
	}
}
