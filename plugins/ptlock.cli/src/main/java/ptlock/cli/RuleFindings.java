package ptlock.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.CheckResult;
import ptlock.ir.Program;
import ptlock.ir.SourceLoc;
import ptlock.lang.rules.Confirmations;
import ptlock.lang.rules.Finding;
import ptlock.lang.rules.LockingRules;

/**
 * The static locking rules' warnings about one scenario, next to its verdicts: each says whether a counterexample
 * confirms it (runs through the line it is about).
 */
final class RuleFindings {
	private RuleFindings() {
	}

	/** The findings about one scenario, with its (first engine's) result that confirms them or not. */
	record Of(CheckResult result, List<Finding> findings) {
	}

	static List<Finding> of(Program p, ptlock.lang.rules.RuleMemo memo) {
		return new LockingRules(memo).check(p).findings();
	}

	static void print(List<Finding> findings, CheckResult r, PrintStream out) {
		if (findings.isEmpty()) {
			return;
		}
		out.println("  locking-rule warnings (static; the verdicts above are the judge):");
		Confirmations.of(findings, r).forEach((f, by) -> out.println("    " + where(f) + " [" + f.code() + "]: "
				+ (by.isEmpty() ? "no counterexample runs through it here"
						: "confirmed by the counterexample of " + String.join(", ", by))));
		out.println();
	}

	/** For --json: code, place, message and the confirming properties of each finding. */
	static List<Map<String, Object>> json(List<Finding> findings, CheckResult r) {
		List<Map<String, Object>> out = new ArrayList<>();
		Confirmations.of(findings, r).forEach((f, by) -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("scenario", r.program().title());
			m.put("code", f.code());
			m.put("at", where(f));
			m.put("message", f.message());
			m.put("confirmedBy", by);
			out.add(m);
		});
		return out;
	}

	private static String where(Finding f) {
		SourceLoc l = f.at().isEmpty() ? SourceLoc.NONE : f.at().get(0);
		return l.position();
	}
}
