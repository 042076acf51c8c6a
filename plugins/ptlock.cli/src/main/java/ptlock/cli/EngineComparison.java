package ptlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.ProgressListener;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.sim.Mutation;
import ptlock.sim.SimChecker;
import ptlock.tlc.TlcChecker;
import ptlock.tlc.TraceReplay;

/**
 * The conformance of the simulator with TLC on one scenario: (a) the same number of distinct states, (b) the same
 * verdict for every property, (c) every counterexample of either is a behaviour of the other.
 */
final class EngineComparison {
	/** One scenario's comparison: a list of disagreements (empty: conformant). */
	record Report(Program program, long simStates, long tlcStates, List<String> disagreements) {
	}

	private final Mutation mutation;

	EngineComparison() {
		this(Mutation.NONE);
	}

	/** With a deliberately broken simulator: only the test that proves conformance catches it uses this. */
	EngineComparison(Mutation mutation) {
		this.mutation = mutation;
	}

	Report compare(Program p, Path work) {
		return compare(p, work, 1024);
	}

	/** @param heapMb TLC's heap (the four-thread seed scenarios with an RCU daemon need about 4000) */
	Report compare(Program p, Path work, int heapMb) {
		CheckOptions options = new CheckOptions(work, 1, heapMb, 0, new AtomicBoolean(), ProgressListener.NONE);
		SimChecker sim = new SimChecker(mutation);
		TlcChecker tlc = new TlcChecker();
		List<String> problems = new ArrayList<>();
		long simStates = sim.countStates(p);
		long tlcStates = tlc.countStates(p, options);
		if (simStates != tlcStates) {
			problems.add("distinct states differ: sim " + simStates + ", tlc " + tlcStates);
		}
		CheckResult s = sim.check(p, options);
		CheckResult t = tlc.check(p, options);
		problems.addAll(ptlock.check.VerdictDiff.differences(s, t));
		TraceReplay replay = new TraceReplay();
		for (PropertyResult pr : s.properties()) {
			if (pr.trace() != null && !replay.replays(p, pr.trace(), options)) {
				problems.add("the simulator's counterexample for " + pr.property() + " is not a behaviour of the TLA+ spec");
			}
		}
		for (PropertyResult pr : t.properties()) {
			if (pr.trace() != null && !sim.replays(p, pr.trace())) {
				problems.add("TLC's counterexample for " + pr.property() + " is not a behaviour of the simulator");
			}
		}
		return new Report(p, simStates, tlcStates, problems);
	}
}
