package ptlock.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.ir.Program;
import ptlock.sim.SimChecker;
import ptlock.tlc.TlcChecker;

/** The model checkers a check runs: the simulator (the default), TLC, or both (each confirms the other). */
public enum Engine {
	SIM, TLC, BOTH;

	/** The stable name (CLI --engine, the Eclipse preference and launch attribute): sim, tlc or both. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The engine of this code, or null when it is none of sim, tlc, both. */
	public static Engine of(String code) {
		for (Engine e : values()) {
			if (e.code().equals(code)) {
				return e;
			}
		}
		return null;
	}

	/** The codes, in order, for help texts, completion and choosers. */
	public static List<String> codes() {
		return java.util.Arrays.stream(values()).map(Engine::code).toList();
	}

	/** One result per engine run, the simulator's first. */
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
