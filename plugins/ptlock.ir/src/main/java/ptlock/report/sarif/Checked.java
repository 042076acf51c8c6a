package ptlock.report.sarif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ptlock.check.CheckResult;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;

/**
 * One property of one scenario with the verdict of every engine that checked it: check results of the same program
 * (sim and tlc with --engine both) are one SARIF result, not one per engine.
 */
record Checked(Program program, String property, List<Run> runs) {

	/** One engine's verdict. */
	record Run(CheckResult check, PropertyResult result) {
	}

	/** What identifies a program across check results (the engines may not share the Program instance). */
	private record Key(String spec, String scenario, String arch, String patch, String file, String property) {
	}

	/** The properties of the results, grouped, in the order they first appear. */
	static List<Checked> group(List<CheckResult> results) {
		Map<Key, Checked> byKey = new LinkedHashMap<>();
		for (CheckResult c : results) {
			Program p = c.program();
			for (PropertyResult r : c.properties()) {
				Key k = new Key(p.spec(), p.scenario(), p.arch(), p.patch(), p.loc() == null ? null : p.loc().file(),
						r.property());
				byKey.computeIfAbsent(k, x -> new Checked(p, r.property(), new ArrayList<>())).runs()
						.add(new Run(c, r));
			}
		}
		return byKey.values().stream().map(c -> new Checked(c.program, c.property, List.copyOf(c.runs))).toList();
	}

	/** Whether SARIF reports it: violated, a model error, or not the verdict the spec expects. */
	boolean reported() {
		return runs.stream().anyMatch(r -> r.result().verdict() == Verdict.VIOLATED
				|| r.result().verdict() == Verdict.MODEL_ERROR || !r.result().asExpected());
	}

	boolean modelError() {
		return runs.stream().anyMatch(r -> r.result().verdict() == Verdict.MODEL_ERROR);
	}

	/** Every engine found the violation the spec documents: a known race, not a failure. */
	boolean expectedViolation() {
		return runs.stream().allMatch(
				r -> r.result().verdict() == Verdict.VIOLATED && r.result().expected() == Verdict.VIOLATED);
	}

	boolean enginesAgree() {
		return runs.stream().map(r -> r.result().verdict()).distinct().count() == 1;
	}

	/** The run whose counterexample the result shows: the first with a trace, else the first. */
	Run primary() {
		for (Run r : runs) {
			if (r.result().trace() != null && !r.result().trace().steps().isEmpty()
					&& (r.result().verdict() == Verdict.VIOLATED || r.result().verdict() == Verdict.MODEL_ERROR)) {
				return r;
			}
		}
		return runs.get(0);
	}

	/** The expectation (the same for every engine: it is the spec's). */
	Verdict expected() {
		return runs.stream().map(r -> r.result().expected()).filter(Objects::nonNull).findFirst().orElse(null);
	}
}
