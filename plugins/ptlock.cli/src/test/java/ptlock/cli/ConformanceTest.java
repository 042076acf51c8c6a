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
 * use-after-free; a file with a deadlock; a published GUP-fast race), and a deliberately broken simulator is caught.
 */
class ConformanceTest {
	@TempDir
	Path work;

	private List<Program> programs(String spec, String scenario) {
		return new Specs().programs(CliRun.root().resolve(spec), scenario, System.err, false);
	}

	@Test
	void enginesAgreeOnStatesVerdictsAndEachOthersTraces() {
		for (String spec : List.of("specs/seed/retract_vs_fault.ptl", "specs/seed/split_ptlocks.ptl",
				"specs/examples/gup_fast_zap.ptl", "plugins/ptlock.lang/src/test/resources/golden/jumps.ptl")) {
			for (Program p : programs(spec, null)) {
				EngineComparison.Report r = new EngineComparison().compare(p, work);
				assertEquals(List.of(), r.disagreements(), p.title());
				assertTrue(r.simStates() > 10, p.title() + " explored " + r.simStates());
			}
		}
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
