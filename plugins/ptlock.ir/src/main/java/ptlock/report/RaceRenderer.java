package ptlock.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * Renders a counterexample the way kernel developers draw races: one column per CPU, one row per step holding the
 * line of (modelled) kernel code that CPU ran, then the property that failed and the state that shows it.
 */
public final class RaceRenderer {
	private static final int MAX_COLUMN = 46;

	public String render(Program program, PropertyResult result) {
		Trace trace = result.trace();
		if (trace == null || trace.steps().isEmpty()) {
			return "";
		}
		List<ThreadIr> columns = new ArrayList<>();
		for (ThreadIr t : program.threads()) {
			if (trace.steps().stream().anyMatch(s -> t.name().equals(s.thread()))) {
				columns.add(t);
			}
		}
		Map<String, Integer> width = new LinkedHashMap<>();
		for (ThreadIr t : columns) {
			int w = header(t).length();
			for (TraceStep s : trace.steps()) {
				if (t.name().equals(s.thread())) {
					w = Math.max(w, label(t.step(s.step())).length());
				}
			}
			width.put(t.name(), Math.min(w, MAX_COLUMN));
		}
		StringBuilder out = new StringBuilder();
		out.append("      ");
		for (ThreadIr t : columns) {
			out.append(pad(header(t), width.get(t.name()))).append("   ");
		}
		out.append('\n');
		int n = 0;
		for (TraceStep s : trace.steps()) {
			if (s.thread() == null) {
				continue;
			}
			n++;
			out.append(String.format("%4d  ", n));
			for (ThreadIr t : columns) {
				String cell = t.name().equals(s.thread()) ? label(t.step(s.step())) : "";
				out.append(pad(cell, width.get(t.name()))).append("   ");
			}
			out.setLength(out.length() - 3);
			out.append('\n');
		}
		TraceStep last = trace.steps().get(trace.steps().size() - 1);
		Property prop = program.property(result.property());
		if (prop != null && prop.kind() == Property.Kind.DEADLOCK) {
			out.append("  ").append(result.property()).append(": after step ").append(n)
					.append(" no CPU can move, and these have not finished:\n");
			for (ThreadIr t : program.threads()) {
				String pc = unquote(last.values().get(t.pc().name()));
				if (t.daemon() || pc == null || pc.equals(TlaNames.DONE)) {
					continue;
				}
				Step waiting = t.step(Integer.parseInt(pc.substring(1)));
				out.append("    ").append(t.name()).append(" waits at ").append(label(waiting)).append("   (")
						.append(waiting.loc().position()).append(")\n");
			}
		} else if (last.thread() != null) {
			Step st = program.thread(last.thread()).step(last.step());
			out.append("  ").append(result.property()).append(" fails after step ").append(n).append(" (")
					.append(last.thread()).append(", ").append(st.loc().position()).append(")\n");
		} else {
			out.append("  ").append(result.property()).append(" fails in the initial state\n");
		}
		out.append(changes(program, trace));
		return out.toString();
	}

	private static String unquote(String v) {
		return v == null ? null : v.replace("\"", "");
	}

	private static String header(ThreadIr t) {
		return t.name() + ": " + t.path();
	}

	private static String label(Step s) {
		return s.label().replaceAll("\\s+", " ");
	}

	/**
	 * The variables the last step changed, the shared state after it, and the locals of the CPU that took it
	 * (program counters, violation flags and other CPUs' locals left out).
	 */
	private static String changes(Program program, Trace trace) {
		List<TraceStep> steps = trace.steps();
		TraceStep last = steps.get(steps.size() - 1);
		TraceStep before = steps.size() > 1 ? steps.get(steps.size() - 2) : null;
		StringBuilder sb = new StringBuilder();
		List<String> changed = new ArrayList<>();
		if (before != null) {
			for (Map.Entry<String, String> e : last.values().entrySet()) {
				if (!e.getValue().equals(before.values().get(e.getKey())) && !hidden(e.getKey())) {
					changed.add(e.getKey() + " = " + e.getValue());
				}
			}
		}
		if (!changed.isEmpty()) {
			sb.append("  the last step changed: ").append(String.join(", ", changed)).append('\n');
		}
		List<String> shared = new ArrayList<>();
		for (Var g : program.globals()) {
			String v = last.values().get(g.name());
			if (v != null) {
				shared.add(g.name() + " = " + v);
			}
		}
		sb.append("  shared state: ").append(String.join(", ", shared)).append('\n');
		if (last.thread() != null) {
			List<String> locals = new ArrayList<>();
			for (Var l : program.thread(last.thread()).locals()) {
				String v = last.values().get(l.name());
				if (v != null) {
					locals.add(l.name().substring(last.thread().length() + 1) + " = " + v);
				}
			}
			if (!locals.isEmpty()) {
				sb.append("  ").append(last.thread()).append("'s locals: ").append(String.join(", ", locals))
						.append('\n');
			}
		}
		return sb.toString();
	}

	/** Program counters and violation flags: bookkeeping of the model, not kernel state. */
	public static boolean hidden(String var) {
		return var.startsWith("pc_") || var.startsWith("viol_");
	}

	private static String pad(String s, int w) {
		if (s.length() > w) {
			s = s.substring(0, w - 1) + "…";
		}
		return s + " ".repeat(w - s.length());
	}
}
