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
		assertEquals("handle_pte_fault(1)", fault.path());
		// the lookup, the lockless read, the bail-outs and the locked recheck of handle_pte_fault() (paths.ptl), one
		// step per line; pte_offset_map_nolock() and ptep_get_lockless() are atomic, so they are one step each
		assertEquals(List.of("mmap_read_lock(slot_mm[s]);", "pte = pte_offset_map_nolock(s, 1, &ptl);",
				"if (!pte.table)", "mmap_read_unlock(slot_mm[s]);", "orig = ptep_get_lockless(pte);",
				"if (pte_none(orig))", "pte_unmap(pte);", "spin_lock(ptl);",
				"if (unlikely(!pte_same(ptep_get(pte), orig)))", "pte_unmap_unlock(pte, ptl);",
				"if (!pte_write(orig))", "ptep_set_access_flags(pte, maybe_mkwrite(orig, s));",
				"pte_unmap_unlock(pte, ptl);"),
				fault.steps().stream().map(Step::label).toList());
		assertEquals(1, fault.entry());
		assertEquals(List.of("cpu0_ptl", "cpu0_pte", "cpu0_orig"),
				fault.locals().stream().map(v -> v.name()).toList().subList(0, 3), "the path's own locals first");
	}

	@Test
	void constantArgumentsFoldBranches() {
		List<String> khugepaged = seed("free_immediately").thread("cpu1").steps().stream().map(Step::label).toList();
		// khugepaged calls collapse_pte_mapped_thp(s, false): 'if (install_pmd)' and its body are folded away
		assertFalse(khugepaged.stream().anyMatch(l -> l.contains("install_pmd") || l.contains("set_pmd_at")),
				khugepaged.toString());
		// the end of the series: patch 09 removed retract_page_tables()'s mmap_write_trylock(), and patch 11
		// khugepaged's
		assertFalse(khugepaged.stream().anyMatch(l -> l.contains("mmap_write_trylock")), khugepaged.toString());
		List<String> before = seed("at_patch_08").thread("cpu1").steps().stream().map(Step::label).toList();
		assertTrue(before.contains("collapse_file: retract_page_tables: if (!mmap_write_trylock(slot_mm[s]))"),
				"before patch 09 it is there: " + before);
	}

	@Test
	void multiStepPrimitiveStepsNameThePrimitive() {
		List<String> labels = seed("free_deferred").thread("cpu1").steps().stream().map(Step::label).toList();
		assertTrue(labels.contains("collapse_pte_mapped_thp: pte_offset_map_lock: spin_lock(ptl);"), labels.toString());
		assertTrue(labels.contains("collapse_pte_mapped_thp: start_pte = pte_offset_map_lock(s, 1, &ptl);"),
				"the result step reads as the call");
	}

	@Test
	void lockedReadsCarryTheUseAfterFreeAssertion() {
		ThreadIr fault = seed("free_immediately").thread("cpu0");
		Step read = fault.step(5);
		assertTrue(read.body().stream().anyMatch(s -> s instanceof Stmt.Assert a
				&& a.property().equals("no_use_after_free") && a.loc().file().endsWith("lib/pgtable.ptl")));
		assertTrue(read.loc().file().endsWith("seed/paths.ptl"), read.loc().file());
		assertEquals("orig = ptep_get_lockless(pte);", read.label());
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
		assertEquals(List.of("rcu_balance", "lock_balance", "no_use_after_free", "no_write_to_detached", "ptl_held",
				"pmd_locked", "no_torn_pmd_read", "no_bug", "no_rw_in_ro_mapping", "detached_tables_empty",
				"no_deadlock", "model_ok"),
				p.properties().stream().map(Property::name).toList());
		// the lock ids a ptl local holds (0..N_LOCKS, 0: none) index lock_owner[1..N_LOCKS]: checked, expected to hold
		assertEquals(Verdict.HOLDS, p.expectations().get("model_ok"));
		assertEquals(Verdict.VIOLATED, p.expectations().get("no_use_after_free"));
		assertEquals(Verdict.HOLDS, p.expectations().get("no_deadlock"));
		assertEquals(3, p.threads().size());
		assertEquals(List.of(1, 2, 3), p.threads().stream().map(ThreadIr::index).toList());
	}
}
