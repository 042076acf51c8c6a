package ptlock.cli;

import java.util.ArrayList;
import java.util.List;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.ir.Program;
import ptlock.sim.SimChecker;
import ptlock.tlc.TlcChecker;

/** The model checkers behind --engine: the simulator (default), TLC, or both (each confirms the other). */
enum Engines {
	SIM, TLC, BOTH;

	/** The values --engine takes, for help and shell completion. */
	static final class Names extends ArrayList<String> {
		private static final long serialVersionUID = 1L;

		Names() {
			super(List.of("sim", "tlc", "both"));
		}
	}

	static Engines parse(String s) throws UsageException {
		return switch (s) {
		case "sim" -> SIM;
		case "tlc" -> TLC;
		case "both" -> BOTH;
		default -> throw new UsageException("--engine is sim, tlc or both, not '" + s + "'");
		};
	}

	List<CheckResult> check(Program p, CheckOptions options) {
		List<CheckResult> out = new ArrayList<>();
		if (this != TLC) {
			out.add(new SimChecker().check(p, options));
		}
		if (this != SIM) {
			out.add(new TlcChecker().check(p, options));
		}
		return out;
	}
}
