package ptlock.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.ProgressListener;
import ptlock.check.PropertyResult;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.ir.symmetry.Symmetry;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.sim.SimChecker;

/**
 * Symmetry reduction of identical threads: state counts reasoned by hand in the specs' comments (test resources
 * symmetry/*.ptl), verdicts and counterexamples unchanged, and a refusal, with the place, wherever a model can
 * tell its identical threads apart.
 */
class SymmetryTest {
	@TempDir
	Path work;

	private static Program program(String file, String scenario) {
		Path spec = Path.of("src/test/resources/symmetry", file);
		assertTrue(Files.isRegularFile(spec), spec.toString());
		LoadedSpec loaded = new SpecLoader().withoutStaticRules().load(spec);
		assertFalse(loaded.hasErrors(), loaded.issues().toString());
		Scenarios.Lowered lowered = Scenarios.lower(loaded, scenario);
		assertTrue(lowered.ok(), lowered.problem());
		assertEquals(1, lowered.programs().size());
		return lowered.programs().get(0);
	}

	private CheckResult check(Program p, boolean symmetry) {
		CheckResult r = new SimChecker().check(p,
				new CheckOptions(work, 1, 1024, 0, new AtomicBoolean(), ProgressListener.NONE).withSymmetry(symmetry));
		assertEquals(CheckStatus.COMPLETED, r.status(), r.message());
		return r;
	}

	private static Map<String, String> verdicts(CheckResult r) {
		Map<String, String> out = new LinkedHashMap<>();
		for (PropertyResult p : r.properties()) {
			out.put(p.property(), p.verdict().code() + (p.note() == null ? "" : ": " + p.note()));
		}
		return out;
	}

	@Test
	void identicalThreadsMarkingAFlagCountAsTheNumberDone() {
		assertEquals(4, check(program("marks.ptl", "two"), false).stats().distinctStates());
		CheckResult two = check(program("marks.ptl", "two"), true);
		assertEquals(3, two.stats().distinctStates());
		assertEquals("symmetry: a, b interchangeable (states counted up to exchanging them)", two.stats().reduction());
		assertEquals(8, check(program("marks.ptl", "three"), false).stats().distinctStates());
		assertEquals(4, check(program("marks.ptl", "three"), true).stats().distinctStates());
	}

	@Test
	void theLockHolderIsRenamedWithTheThreads() {
		Program p = program("lock.ptl", "two");
		assertEquals(8, check(p, false).stats().distinctStates());
		CheckResult reduced = check(p, true);
		assertEquals(5, reduced.stats().distinctStates());
		assertEquals(verdicts(check(p, false)), verdicts(reduced));
		assertTrue(reduced.allAsExpected());
	}

	@Test
	void theLostUpdateIsFoundWithAConcreteCounterexampleOfTheSameLength() {
		Program p = program("lost_update.ptl", "two");
		CheckResult full = check(p, false), reduced = check(p, true);
		assertTrue(reduced.stats().distinctStates() < full.stats().distinctStates());
		assertEquals(verdicts(full), verdicts(reduced));
		PropertyResult lost = reduced.properties().stream().filter(r -> r.property().equals("lost_update"))
				.findFirst().orElseThrow();
		assertEquals(Verdict.VIOLATED, lost.verdict());
		PropertyResult lostFull = full.properties().stream().filter(r -> r.property().equals("lost_update"))
				.findFirst().orElseThrow();
		assertEquals(lostFull.trace().steps().size(), lost.trace().steps().size());
		assertEquals(7, lost.trace().steps().size(), "the initial state, then three steps of each thread");
		// a behaviour of the concrete threads: the simulator replays it from the initial state, step by step
		assertTrue(new SimChecker().replays(p, lost.trace()));
		for (TraceStep s : lost.trace().steps().subList(1, lost.trace().steps().size())) {
			assertTrue(List.of("a", "b").contains(s.thread()), s.thread());
		}
		assertEquals("1", lost.trace().steps().get(6).values().get("count"));
	}

	@Test
	void aModelErrorInIdenticalThreadsIsReportedTheSameWay() {
		Program p = program("model_error.ptl", "two");
		CheckResult full = check(p, false), reduced = check(p, true);
		assertTrue(verdicts(full).containsValue(verdicts(full).values().stream()
				.filter(v -> v.startsWith(Verdict.MODEL_ERROR.code())).findFirst().orElse("no model error")));
		assertEquals(verdicts(full), verdicts(reduced));
		assertTrue(reduced.stats().distinctStates() < full.stats().distinctStates());
	}

	@Test
	void aModelThatTellsItsThreadsApartIsNotReduced() {
		Symmetry named = Symmetry.of(program("refused.ptl", "names_a_thread"));
		assertFalse(named.active());
		assertTrue(named.refusal().startsWith("invariant not_second: compares a thread id with a literal that names"
				+ " a thread of the group"), named.refusal());
		Symmetry computes = Symmetry.of(program("refused.ptl", "computes"));
		assertFalse(computes.active());
		assertTrue(computes.refusal().startsWith("thread a, step "), computes.refusal());
		assertTrue(computes.refusal().contains("computes with a thread id"), computes.refusal());
		Symmetry args = Symmetry.of(program("refused.ptl", "different_arguments"));
		assertEquals("no two threads run the same path with the same arguments", args.refusal());
		// refused: counted one by one, and the check says why
		Program p = program("refused.ptl", "names_a_thread");
		CheckResult r = check(p, true);
		assertEquals(check(p, false).stats().distinctStates(), r.stats().distinctStates());
		assertEquals("no symmetry reduction: " + named.refusal(), r.stats().reduction());
		assertNull(check(p, false).stats().reduction());
	}

	@Test
	void aLoopOverTheThreadsIsSymmetricWhenEachIterationWritesItsOwnElement() {
		Program p = program("loops.ptl", "symmetric");
		assertEquals(4, check(p, false).stats().distinctStates());
		assertEquals(3, check(p, true).stats().distinctStates());
		Program q = program("loops.ptl", "quantified");
		assertTrue(Symmetry.of(q).active(), Symmetry.of(q).refusal());
		assertEquals(8, check(q, false).stats().distinctStates());
		assertEquals(5, check(q, true).stats().distinctStates());
		Symmetry last = Symmetry.of(program("loops.ptl", "last_one"));
		assertFalse(last.active());
		assertTrue(last.refusal().startsWith("thread a, step "), last.refusal());
		assertTrue(last.refusal().contains("stores a literal that names a thread of the group where a thread id is"
				+ " held"), last.refusal());
	}

	/** The kernel library's seed paths: two identical faults (specs/bench/faults.ptl, reasoned there). */
	@Test
	void identicalFaultsOfTheKernelLibraryAreReducedWithTheSameVerdicts() {
		Path spec = Path.of("../../specs/bench/faults.ptl");
		LoadedSpec loaded = new SpecLoader().withoutStaticRules().load(spec);
		assertFalse(loaded.hasErrors(), loaded.issues().toString());
		Program p = Scenarios.lower(loaded, "faults2").programs().get(0);
		Symmetry s = Symmetry.of(p);
		assertTrue(s.active(), s.refusal());
		CheckResult full = check(p, false), reduced = check(p, true);
		assertEquals(verdicts(full), verdicts(reduced));
		assertTrue(reduced.allAsExpected());
		// two faults: each state and its mirror image are one, except the states the faults share exactly
		assertTrue(reduced.stats().distinctStates() * 2 > full.stats().distinctStates());
		assertTrue(reduced.stats().distinctStates() < full.stats().distinctStates() * 0.6);
	}

	/** specs/bench/scaled.ptl without patch 08: the use after free, found up to symmetry, replays concretely. */
	@Test
	void theSeedRaceFoundUpToSymmetryIsARaceOfTheConcreteCpus() {
		LoadedSpec loaded = new SpecLoader().withoutStaticRules().load(Path.of("../../specs/bench/scaled.ptl"));
		assertFalse(loaded.hasErrors(), loaded.issues().toString());
		Program p = Scenarios.lower(loaded, "scaled_pte_free").programs().get(0);
		assertTrue(Symmetry.of(p).active(), Symmetry.of(p).refusal());
		CheckResult full = check(p, false), reduced = check(p, true);
		assertEquals(verdicts(full), verdicts(reduced));
		assertTrue(reduced.allAsExpected());
		for (PropertyResult r : reduced.properties()) {
			if (r.verdict() == Verdict.VIOLATED) {
				PropertyResult f = full.properties().stream().filter(x -> x.property().equals(r.property()))
						.findFirst().orElseThrow();
				assertEquals(f.trace().steps().size(), r.trace().steps().size(), r.property());
				assertTrue(new SimChecker().replays(p, r.trace()), r.property());
			}
		}
	}

	@Test
	void theLockIsSymmetricAndItsGroupIsBothThreads() {
		Symmetry s = Symmetry.of(program("lock.ptl", "two"));
		assertTrue(s.active(), s.refusal());
		assertEquals(1, s.groups().size());
		assertNotNull(s.groups().get(0));
		assertEquals(List.of(0, 1), java.util.Arrays.stream(s.groups().get(0)).boxed().toList());
	}
}
