package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.ir.Program;
import ptlock.sim.Mutation;

/**
 * The simulator and TLC agree on the shipped specs (a CI subset: the seed race on the kernel library, with its
 * use-after-free; a file with a deadlock; a published GUP-fast race), on the generator's golden specs and on two
 * corpus specs (the operators the shipped specs hardly use; edge values: zero values, set bits), the corpus gets
 * its reasoned verdicts, and a deliberately broken simulator is caught.
 */
class ConformanceTest {
	@TempDir
	Path work;

	private List<Program> programs(String spec, String scenario) {
		return new Specs().programs(CliRun.root().resolve(spec), scenario, System.err, false);
	}

	/** (a) same distinct states, (b) same verdicts, (c) each counterexample replays on the other engine. */
	private void enginesAgreeOn(String spec) {
		for (Program p : programs(spec, null)) {
			EngineComparison.Report r = new EngineComparison().compare(p, work);
			assertEquals(List.of(), r.disagreements(), p.title());
			assertTrue(r.simStates() > 10, p.title() + " explored " + r.simStates());
		}
	}

	// One test per spec, not one loop: a mutation run (docs/TESTING.md) stops at the first test that kills a
	// mutant, and PIT runs the fastest first.

	@Test
	void enginesAgreeOnTheSeedRace() {
		enginesAgreeOn("specs/seed/retract_vs_fault.ptl");
	}

	@Test
	void enginesAgreeOnSplitPtlocksAndItsDeadlock() {
		enginesAgreeOn("specs/seed/split_ptlocks.ptl");
	}

	@Test
	void enginesAgreeOnTheGupFastRace() {
		enginesAgreeOn("specs/examples/gup_fast_zap.ptl");
	}

	@Test
	void enginesAgreeOnJumps() {
		enginesAgreeOn("plugins/ptlock.lang/src/test/resources/golden/jumps.ptl");
	}

	@Test
	void enginesAgreeOnTheGoldenSpec() {
		enginesAgreeOn("plugins/ptlock.lang/src/test/resources/golden/golden.ptl");
	}

	@Test
	void enginesAgreeOnTheOperatorCorpus() {
		// struct equality, arrays of structs, 2-D arrays, sets with 0, / and %, a 1-based range, composite temps
		enginesAgreeOn("plugins/ptlock.cli/src/test/resources/conformance/operators.ptl");
	}

	@Test
	void theCorpusGetsTheVerdictsReasonedInItsHeaders() {
		// agreement alone would pass two engines that are wrong the same way (the shared lowering)
		for (String spec : List.of("operators.ptl", "edges.ptl")) {
			CliRun r = CliRun.of("check",
					CliRun.root().resolve("plugins/ptlock.cli/src/test/resources/conformance/" + spec).toString(), "--quiet",
					"--out", work.toString());
			assertEquals(ExitCode.OK, r.code(), spec + "\n" + r.out() + r.err());
		}
	}

	@Test
	void enginesAgreeOnTheEdgeCorpus() {
		// zero values that are not a lower bound, an array in a struct in an array, 0 and 30 in sets, pick without where
		enginesAgreeOn("plugins/ptlock.cli/src/test/resources/conformance/edges.ptl");
	}

	@Test
	void aBrokenAwaitIsCaught() {
		// spin_lock() that never blocks: the self-deadlock disappears and more states are reachable
		Program p = programs("specs/seed/split_ptlocks.ptl", "e_unchecked_same_lock").get(0);
		EngineComparison.Report r = new EngineComparison(Mutation.AWAIT_NEVER_BLOCKS).compare(p, work);
		assertFalse(r.disagreements().isEmpty(), "the mutation must be noticed");
		assertTrue(r.disagreements().stream().anyMatch(d -> d.startsWith("distinct states differ")), r.disagreements().toString());
		assertTrue(r.disagreements().stream().anyMatch(d -> d.startsWith("no_deadlock: sim=holds tlc=violated")),
				r.disagreements().toString());
	}

	@Test
	void aBrokenChoiceIsCaught() {
		// an 'either' that explores only its first branch reaches fewer states than the TLA+ it compiles to
		Program g = new Specs().programs(CliRun.root().resolve("plugins/ptlock.lang/src/test/resources/golden/golden.ptl"),
				null, System.err, false).get(0);
		EngineComparison.Report r = new EngineComparison(Mutation.EITHER_FIRST_ONLY).compare(g, work);
		assertFalse(r.disagreements().isEmpty(), "the mutation must be noticed");
	}
}
