package ptlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.ProgressListener;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.sim.SimChecker;

/**
 * conform --symmetry: TLC counts every state (its SYMMETRY needs model values, and the generated TLA+ has integer
 * thread ids), so the reduction is compared with the simulator's own full search instead, which conform has just
 * compared with TLC: the same verdict for every property, and the factor by which the count went down.
 */
final class SymmetryComparison {
	/** What the reduced search gave: a line for the report, and what differs (empty: the same verdicts). */
	record Report(String line, List<String> disagreements) {
	}

	Report compare(Program p, Path work) {
		CheckOptions options = new CheckOptions(work, 1, 1024, 0, new AtomicBoolean(), ProgressListener.NONE);
		CheckResult full = new SimChecker().check(p, options);
		CheckResult reduced = new SimChecker().check(p, options.withSymmetry(true));
		List<String> differences = new ArrayList<>();
		Map<String, String> a = verdicts(full), b = verdicts(reduced);
		for (Map.Entry<String, String> e : a.entrySet()) {
			String other = b.get(e.getKey());
			if (!e.getValue().equals(other)) {
				differences.add("up to symmetry " + e.getKey() + " is " + other + ", not " + e.getValue());
			}
		}
		long n = full.stats().distinctStates(), r = reduced.stats().distinctStates();
		String line = reduced.stats().reduction() != null && reduced.stats().reduction().startsWith("symmetry")
				? String.format(java.util.Locale.ROOT, "up to symmetry %d states, %.1fx fewer: %s", r,
						r == 0 ? 1.0 : (double) n / r, reduced.stats().reduction())
				: String.valueOf(reduced.stats().reduction());
		return new Report(line, differences);
	}

	private static Map<String, String> verdicts(CheckResult r) {
		Map<String, String> out = new LinkedHashMap<>();
		for (PropertyResult p : r.properties()) {
			out.put(p.property(), p.verdict().code());
		}
		return out;
	}
}
