package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.ThreadIr;
import ptlock.ir.Verdict;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Scenario;

/** The seed spec lowered to the IR: one step per line of kernel code, in the order a reader meets them. */
class LoweringTest {

	static Program seed(String scenario) {
		LoadedSpec spec = new SpecLoader().load(Specs.root().resolve("specs/seed/retract_vs_fault.ptl"));
		Scenario s = spec.scenarios().stream().filter(x -> x.getName().equals(scenario)).findFirst().orElseThrow();
		Lowering.Result r = new Lowering().lower(spec.models(), s).get(0);
		assertTrue(r.ok(), r.diagnostics().toString());
		return r.program();
	}

	@Test
	void faultPathStepsAreItsKernelLines() {
		ThreadIr fault = seed("free_immediately").thread("cpu0");
		assertEquals("handle_pte_fault(1, false)", fault.path());
		assertEquals(List.of("mmap_read_lock();", "pte = pte_offset_map_nolock(pmd_slot, &ptl);",
				"if (pte.table == 0)", "mmap_read_unlock();", "orig = ptep_get_lockless(pte);", "if (orig == None)",
				"pte_unmap(pte);", "mmap_read_unlock();", "spin_lock(ptl);", "if (!pte_same(ptep_get(pte), orig))",
				"pte_unmap_unlock(pte, ptl);", "mmap_read_unlock();", "set_pte_at(pte, RW);",
				"pte_unmap_unlock(pte, ptl);", "mmap_read_unlock();"),
				fault.steps().stream().map(Step::label).toList());
		assertEquals(1, fault.entry());
		assertEquals(List.of("cpu0_ptl", "cpu0_pte", "cpu0_orig"), fault.locals().stream().map(v -> v.name()).toList());
	}

	@Test
	void constantArgumentsFoldBranches() {
		ThreadIr immediate = seed("free_immediately").thread("cpu1");
		ThreadIr deferred = seed("free_deferred").thread("cpu1");
		List<String> a = immediate.steps().stream().map(Step::label).toList();
		List<String> b = deferred.steps().stream().map(Step::label).toList();
		assertTrue(a.contains("pte_free(pgt);") && !a.contains("pte_free_defer(pgt);"), a.toString());
		assertTrue(b.contains("pte_free_defer(pgt);") && !b.contains("pte_free(pgt);"), b.toString());
		assertFalse(a.stream().anyMatch(l -> l.startsWith("if (free_by_rcu)")), "a constant condition is no step");
		// end of series: patch 09 removed the mmap_write_trylock()
		assertFalse(a.stream().anyMatch(l -> l.contains("mmap_write_trylock")), a.toString());
		assertTrue(seed("at_patch_08").thread("cpu1").steps().stream()
				.anyMatch(st -> st.label().equals("if (!mmap_write_trylock())")), "before patch 09 it is there");
	}

	@Test
	void multiStepPrimitiveStepsNameThePrimitive() {
		List<String> labels = seed("free_deferred").thread("cpu1").steps().stream().map(Step::label).toList();
		assertTrue(labels.contains("pte_offset_map_lock: spin_lock(ptl);"), labels.toString());
		assertTrue(labels.contains("p = pte_offset_map_lock(pmd_slot, &ptl);"), "the result step reads as the call");
	}

	@Test
	void lockedReadsCarryTheUseAfterFreeAssertion() {
		ThreadIr fault = seed("free_immediately").thread("cpu0");
		Step read = fault.step(5);
		assertTrue(read.body().stream().anyMatch(s -> s instanceof Stmt.Assert a
				&& a.property().equals("no_use_after_free") && a.loc().file().endsWith("prelude.ptl")));
		assertTrue(read.loc().file().endsWith("seed/mm.ptl"), read.loc().file());
		assertEquals(22, read.loc().line());
	}

	@Test
	void daemonLoopsOnOneStep() {
		ThreadIr rcu = seed("free_deferred").thread("rcu");
		assertTrue(rcu.daemon());
		assertEquals(1, rcu.steps().size());
		Step s = rcu.steps().get(0);
		assertTrue(s.body().stream().anyMatch(x -> x instanceof Stmt.Goto g && g.step() == 1), "loops back");
	}

	@Test
	void propertiesAndExpectations() {
		Program p = seed("free_immediately");
		assertEquals(List.of("no_use_after_free", "no_write_to_detached", "ptl_held", "lock_balance", "pmd_lock_held",
				"no_rw_in_ro_mapping", "detached_tables_empty", "no_deadlock"),
				p.properties().stream().map(Property::name).toList());
		assertEquals(Verdict.VIOLATED, p.expectations().get("no_use_after_free"));
		assertEquals(Verdict.HOLDS, p.expectations().get("no_deadlock"));
		assertEquals(3, p.threads().size());
		assertEquals(List.of(1, 2, 3), p.threads().stream().map(ThreadIr::index).toList());
	}
}
