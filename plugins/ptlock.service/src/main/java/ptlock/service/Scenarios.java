package ptlock.service;

import java.util.ArrayList;
import java.util.List;

import ptlock.ir.Program;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Scenario;

/**
 * The programs a check runs: each scenario of a loaded spec (or the one named) lowered on each architecture and
 * patch level it names (Lowering expands 'on' and 'at'), or why there is none.
 */
public final class Scenarios {
	/** @param problem null when programs is the list to check; else what is wrong, with its issue code */
	public record Lowered(List<Program> programs, String problem, String code) {
		public boolean ok() {
			return problem == null;
		}
	}

	private Scenarios() {
	}

	/** @param scenario the one scenario's name, or null for all; the spec must have no errors */
	public static Lowered lower(LoadedSpec spec, String scenario) {
		List<Program> out = new ArrayList<>();
		for (Scenario s : spec.scenarios()) {
			if (scenario != null && !scenario.equals(s.getName())) {
				continue;
			}
			for (Lowering.Result r : ptlock.lang.load.BatchCache.lower(spec.models(), s)) {
				if (!r.ok()) {
					// the validator has reported the reasons already
					return new Lowered(List.of(), "scenario " + s.getName() + " cannot be lowered: " + r.diagnostics(),
							"ptlock.bad-model");
				}
				out.add(r.program());
			}
		}
		if (out.isEmpty()) {
			return new Lowered(List.of(), scenario == null ? "the spec has no scenario"
					: "no scenario named '" + scenario + "'", "ptlock.no-scenario");
		}
		return new Lowered(out, null, null);
	}
}
