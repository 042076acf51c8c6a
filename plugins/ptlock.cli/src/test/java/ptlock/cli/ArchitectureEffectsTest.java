package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.sim.SimChecker;

/**
 * Every attribute of the architecture models changes what the model checker sees: specs/arch/effects.ptl has a pair
 * of scenarios per attribute, differing in the one library constant it sets, with the verdicts reasoned there from
 * the kernel. Here: each pair differs in a verdict or in the number of distinct states.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureEffectsTest {
	@TempDir
	Path work;
	/** the spec loaded (and validated) once for all the tests */
	private List<Program> programs;

	private List<CheckResult> run(String scenario) {
		if (programs == null) {
			programs = new Specs().programs(CliRun.root().resolve("specs/arch/effects.ptl"), null, System.err, false);
		}
		List<Program> ps = programs.stream().filter(p -> p.scenario().equals(scenario)).toList();
		assertTrue(!ps.isEmpty(), scenario);
		return ps.stream().map(p -> {
			CheckResult r = new SimChecker().check(p, CheckOptions.defaults(work));
			assertEquals(CheckStatus.COMPLETED, r.status(), scenario);
			return r;
		}).toList();
	}

	private CheckResult one(String scenario) {
		List<CheckResult> rs = run(scenario);
		assertEquals(1, rs.size(), scenario);
		return rs.get(0);
	}

	private static Verdict verdict(CheckResult r, String property) {
		return r.properties().stream().filter(p -> p.property().equals(property)).findFirst().orElseThrow().verdict();
	}

	@Test
	void pteTablesPerPageDecidesWhetherTheFreedTableCanBeHandedOut() {
		// one table per page: the reuser gets the freed table (Jann Horn's writable PTE in a read-only VMA);
		// two per page, a freed fragment kept while its sibling lives (powerpc): it cannot
		assertEquals(Verdict.VIOLATED, verdict(one("frag_one_per_page"), "no_rw_in_ro_mapping"));
		assertEquals(Verdict.HOLDS, verdict(one("frag_shared_never_reused"), "no_rw_in_ro_mapping"));
	}

	@Test
	void fragmentReuseHandsTheFreedHalfOutAgain() {
		// s390's page_table_free() puts the page at the head of the list: the freed half is the next allocation
		assertEquals(Verdict.HOLDS, verdict(one("frag_shared_never_reused"), "no_rw_in_ro_mapping"));
		assertEquals(Verdict.VIOLATED, verdict(one("frag_shared_reused"), "no_rw_in_ro_mapping"));
	}

	@Test
	void deferredFreeingFromNamesThePatchThatBringsPteFreeDefer() {
		// without patch 08: x86_64 (generic pte_free_defer() of patch 08) frees at once, an architecture with its
		// own patch (07) defers the free behind the fault's RCU read section
		assertEquals(Verdict.VIOLATED, verdict(one("defer_generic"), "no_use_after_free"));
		assertEquals(Verdict.HOLDS, verdict(one("defer_own_patch"), "no_use_after_free"));
	}

	@Test
	void splitPtlocksDecidesWhetherThePtlIsThePmdLock() {
		assertEquals(Verdict.HOLDS, verdict(one("nested_split"), "no_deadlock"));
		assertEquals(Verdict.VIOLATED, verdict(one("nested_mm_wide"), "no_deadlock"));
	}

	@Test
	void emptyPteDecidesWhatATestForZeroFinds() {
		// x86_64: the cleared entry is 0 and the '!pte_val()' test maps into it; s390: it is _PAGE_INVALID
		long zero = one("zero_test").stats().distinctStates();
		long invalid = one("zero_test_invalid").stats().distinctStates();
		assertEquals(zero - 1, invalid, "the mapping step is not taken where the empty entry is not 0");
	}

	@Test
	void atomicEntryReadsDecidesHowManyLoadsAPmdReadIs() {
		List<CheckResult> rs = run("lookup");
		assertEquals(List.of("x86_64", "x86_pae"), rs.stream().map(r -> r.program().arch()).toList());
		assertTrue(rs.get(1).stats().distinctStates() > rs.get(0).stats().distinctStates(),
				"PAE reads low, high, low, with interrupts off: more steps than one 64-bit load");
	}

	@Test
	void rcuTableFreeMakesTableSyncAnIpi() {
		long noop = one("table_sync_noop").stats().distinctStates();
		long ipi = one("table_sync_ipi").stats().distinctStates();
		assertNotEquals(noop, ipi);
		assertTrue(ipi > noop, "the IPI's steps interleave with the walker's; the no-op has none");
	}
}
