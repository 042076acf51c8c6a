package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.lang.load.Issue;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.validation.IssueCodes;

/** The static locking rules, each on a small path (the path body starts on line 5). */
class LockingRulesTest {
	private final SpecLoader loader = new SpecLoader();
	@TempDir
	Path dir;

	private List<Issue> paths(String... bodies) throws IOException {
		StringBuilder sb = new StringBuilder("""
				spec rules;
				include "prelude.ptl";
				const N_SLOTS = 1; const N_TABLES = 1; const MAX_GEN = 1;
				""");
		for (int i = 0; i < bodies.length; i++) {
			sb.append("path p").append(i).append("() {\n").append(bodies[i]).append("\n}\n");
		}
		String text = sb.toString();
		Path f = Specs.write(dir, "rules.ptl", text);
		return loader.validateText(f, text).stream().filter(x -> !x.code().equals(IssueCodes.MISSING_EXPECTATION))
				.toList();
	}

	private static List<String> codes(List<Issue> issues) {
		return issues.stream().map(i -> i.code() + "@" + i.line()).toList();
	}

	@Test
	void balancedLockingIsClean() throws IOException {
		assertEquals(List.of(), codes(paths("""
				var ptl: 0..N_LOCKS; var pml: 0..N_LOCKS; var p: PtePtr;
				p = pte_offset_map_lock(1, &ptl);
				if (p.table == 0)
					return;
				pte_unmap_unlock(p, ptl);
				pml = pmd_lock();
				ptl = pte_lockptr(pmd[1]);
				if (ptl != pml)
					spin_lock(ptl);
				if (ptl != pml)
					spin_unlock(ptl);
				spin_unlock(pml);""")));
	}

	@Test
	void pathEndingWithALockHeld() throws IOException {
		List<Issue> issues = paths("""
				spin_lock(1);
				if (pmd[1] == 0)
					return;
				spin_unlock(1);""");
		assertEquals(List.of(IssueCodes.UNBALANCED_LOCK + "@5"), codes(issues));
	}

	@Test
	void unlockOfALockNotHeld() throws IOException {
		assertEquals(List.of(IssueCodes.UNBALANCED_LOCK + "@5"), codes(paths("spin_unlock(1);")));
	}

	@Test
	void mapWithoutUnmapOnSomePath() throws IOException {
		List<Issue> issues = paths("""
				var ptl: 0..N_LOCKS; var p: PtePtr;
				p = pte_offset_map_nolock(1, &ptl);
				if (p.table == 0)
					return;
				if (pmd[1] == 0)
					return;
				pte_unmap(p);""");
		assertEquals(List.of(IssueCodes.UNBALANCED_MAP + "@6"), codes(issues));
	}

	@Test
	void lockOrderInversionBetweenTwoPaths() throws IOException {
		List<Issue> issues = paths("""
				var pml: 0..N_LOCKS; var ptl: 0..N_LOCKS;
				pml = pmd_lock();
				ptl = pte_lockptr(1);
				spin_lock(ptl);
				spin_unlock(ptl);
				spin_unlock(pml);""", """
				var pml: 0..N_LOCKS; var ptl: 0..N_LOCKS;
				ptl = pte_lockptr(1);
				spin_lock(ptl);
				pml = pmd_lock();
				spin_unlock(pml);
				spin_unlock(ptl);""");
		assertEquals(java.util.Set.of(IssueCodes.LOCK_ORDER_INVERSION + "@8", IssueCodes.LOCK_ORDER_INVERSION + "@16"),
				java.util.Set.copyOf(codes(issues)));
		assertEquals(2, issues.size());
	}

	private static final String NOLOCK_FAULT = """
			var ptl: 0..N_LOCKS; var pte: PtePtr; var orig: Pte;
			pte = pte_offset_map_nolock(1, &ptl);
			if (pte.table == 0)
				return;
			orig = ptep_get_lockless(pte);
			%s
			spin_lock(ptl);
			%s
			set_pte_at(pte, RW);
			pte_unmap_unlock(pte, ptl);""";

	@Test
	void jannsRuleFlagsAnUncheckedWriteThroughANolockPointer() throws IOException {
		List<Issue> issues = paths(NOLOCK_FAULT.formatted("", ""));
		assertEquals(List.of(IssueCodes.UNCHECKED_NOLOCK_WRITE + "@13"), codes(issues));
		assertEquals(Issue.Severity.WARNING, issues.get(0).severity());
		assertTrue(issues.get(0).message().contains("pmd_same"), "the message says the fix");
	}

	@Test
	void jannsRuleIsSatisfiedByAPmdSameRecheck() throws IOException {
		assertEquals(List.of(), codes(paths(NOLOCK_FAULT.formatted("",
				"if (!pmd_same(pte)) { pte_unmap_unlock(pte, ptl); return; }"))));
	}

	@Test
	void jannsRuleIsSatisfiedByPteSameAgainstANonNoneValue() throws IOException {
		assertEquals(List.of(), codes(paths(NOLOCK_FAULT.formatted("if (orig == None) { pte_unmap(pte); return; }",
				"if (!pte_same(ptep_get(pte), orig)) { pte_unmap_unlock(pte, ptl); return; }"))));
	}

	@Test
	void pteSameAgainstAValueThatMayBeNoneDoesNotCount() throws IOException {
		// a detached, emptied table holds none entries: an expected none matches it
		List<Issue> issues = paths(NOLOCK_FAULT.formatted("",
				"if (!pte_same(ptep_get(pte), orig)) { pte_unmap_unlock(pte, ptl); return; }"));
		assertEquals(List.of(IssueCodes.UNCHECKED_NOLOCK_WRITE + "@13"), codes(issues));
	}

	@Test
	void theSeedSpecsKeepTheRules() {
		for (String s : List.of("retract_vs_fault", "jann_reuse", "nonempty_detach", "split_ptlocks", "fragments")) {
			List<Issue> issues = loader.load(Specs.root().resolve("specs/seed/" + s + ".ptl")).issues();
			assertEquals(List.of(), issues, s);
		}
		// patch 03's adjust_pte() writes through a pte_offset_map_nolock() pointer without a recheck
		List<Issue> arm = loader.load(Specs.root().resolve("specs/seed/arm_adjust_pte.ptl")).issues();
		assertEquals(List.of(IssueCodes.UNCHECKED_NOLOCK_WRITE), arm.stream().map(Issue::code).toList());
	}

	@Test
	void tagsMustNameParameters() throws IOException {
		String text = """
				@acquires(nope) @bogus
				atomic prim f(l) { }
				""";
		Path f = Specs.write(dir, "tags.ptl", text);
		List<Issue> issues = loader.validateText(f, text);
		assertEquals(2, issues.stream().filter(i -> i.code().equals(IssueCodes.BAD_TAG)).count(), issues.toString());
	}
}
