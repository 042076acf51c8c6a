package ptlock.ui.check;

import java.util.ArrayList;
import java.util.List;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.ir.Program;
import ptlock.sim.SimChecker;
import ptlock.tlc.TlcChecker;

/** The checkers behind the engine setting, as the CLI's --engine: sim, tlc, or both. */
final class Engines {
	private Engines() {
	}

	static List<CheckResult> check(String engine, Program p, CheckOptions options) {
		List<CheckResult> out = new ArrayList<>();
		if (!engine.equals("tlc")) {
			out.add(new SimChecker().check(p, options));
		}
		if (!engine.equals("sim")) {
			out.add(new TlcChecker().check(p, options));
		}
		return out;
	}

	/** Whether two engines gave every property the same verdict (runs that did not complete are not compared). */
	static boolean sameVerdicts(CheckResult a, CheckResult b) {
		return a.status() != ptlock.check.CheckStatus.COMPLETED || b.status() != ptlock.check.CheckStatus.COMPLETED
				|| ptlock.check.VerdictDiff.differences(a, b).isEmpty();
	}
}
