package ptlock.cli;

import java.util.List;

import ptlock.check.CheckResult;

/** Compares two engines' results on one scenario. */
final class Conformance {
	private Conformance() {
	}

	static boolean sameVerdicts(CheckResult a, CheckResult b) {
		return differences(a, b).isEmpty();
	}

	/** The properties whose verdicts differ, as "property: sim=holds tlc=violated". */
	static List<String> differences(CheckResult a, CheckResult b) {
		return ptlock.check.VerdictDiff.differences(a, b);
	}
}
