package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.CheckResult;
import ptlock.check.PropertyResult;
import ptlock.check.TraceStep;
import ptlock.ir.SourceLoc;
import ptlock.ir.Step;
import ptlock.ir.ThreadIr;
import ptlock.ir.Verdict;

/**
 * Which locking-rule findings a model-checking result confirms: a finding is confirmed by a violated property
 * whose counterexample runs through the finding's statement (on the finding's thread). The rules only say where to
 * look; a counterexample through that line is the model checker agreeing.
 */
public final class Confirmations {
	private Confirmations() {
	}

	/** Each finding of the result's scenario with the violated properties that confirm it (possibly none). */
	public static Map<Finding, List<String>> of(List<Finding> findings, CheckResult r) {
		Map<Finding, List<String>> out = new LinkedHashMap<>();
		for (Finding f : findings) {
			List<String> by = new ArrayList<>();
			for (PropertyResult p : r.properties()) {
				if (p.verdict() == Verdict.VIOLATED && p.trace() != null && runsThrough(p, f, r)) {
					by.add(p.property());
				}
			}
			out.put(f, by);
		}
		return out;
	}

	private static boolean runsThrough(PropertyResult p, Finding f, CheckResult r) {
		for (TraceStep s : p.trace().steps()) {
			if (s.thread() != null && at(f, r, s.thread(), s.step())) {
				return true;
			}
		}
		// a deadlock's trace ends where the stuck threads wait: the step each one would run next
		List<TraceStep> steps = p.trace().steps();
		if (steps.isEmpty()) {
			return false;
		}
		Map<String, String> last = steps.get(steps.size() - 1).values();
		for (ThreadIr t : r.program().threads()) {
			String pc = last.get(t.pc().name());
			if (pc != null && pc.matches("\"s\\d+\"") && at(f, r, t.name(), Integer.parseInt(pc.substring(2, pc.length() - 1)))) {
				return true;
			}
		}
		return false;
	}

	/** Whether the thread's step is one of the finding's places (on the finding's thread, if it has one). */
	private static boolean at(Finding f, CheckResult r, String thread, int stepId) {
		if (f.thread() != null && !f.thread().equals(thread)) {
			return false;
		}
		ThreadIr t = r.program().threads().stream().filter(x -> x.name().equals(thread)).findFirst().orElse(null);
		Step step = t == null ? null : t.steps().stream().filter(x -> x.id() == stepId).findFirst().orElse(null);
		return step != null && f.at().stream().anyMatch(l -> same(l, step.loc()));
	}

	private static boolean same(SourceLoc a, SourceLoc b) {
		return a.file().equals(b.file()) && a.line() == b.line() && a.column() == b.column();
	}
}
