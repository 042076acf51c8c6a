package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ptlock.lang.ide.fix.RecheckFix;
import ptlock.lang.load.Issue;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.validation.IssueCodes;

/** The quick fix for Jann Horn's rule on the seed's adjust_pte(): the warning goes, and nothing else appears. */
class RecheckFixTest {
	@Test
	void guardingTheWriteWithPmdSameSatisfiesTheRule(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(root.resolve("specs/seed"))) {
			root = root.getParent();
		}
		Files.copy(root.resolve("specs/prelude.ptl"), dir.resolve("prelude.ptl"));
		Path spec = dir.resolve("t.ptl");
		// a fault-around style write through a nolock pointer, locked but not rechecked
		String text = """
				spec t;
				include "prelude.ptl";
				const N_SLOTS = 1; const N_TABLES = 1; const MAX_GEN = 1;
				path writer(s) {
					var ptl: 0..N_LOCKS;
					var p: PtePtr;
					p = pte_offset_map_nolock(s, &ptl);
					if (p.table == 0)
						return;
					spin_lock(ptl);
					set_pte_at(p, RW);
					pte_unmap_unlock(p, ptl);
				}
				""";
		Files.writeString(spec, text);
		SpecLoader loader = new SpecLoader();
		List<Issue> before = loader.validateText(spec, text);
		Issue w = before.stream().filter(i -> i.code().equals(IssueCodes.UNCHECKED_NOLOCK_WRITE)).findFirst()
				.orElseThrow(() -> new AssertionError("the rule flags the write: " + before));
		assertEquals(11, w.line());
		String fixed = RecheckFix.at(text, w.offset()).orElseThrow().applyTo(text);
		assertTrue(fixed.contains("\tif (pmd_same(p))\n\t\tset_pte_at(p, RW);"), fixed);
		assertEquals(List.of(), loader.validateText(spec, fixed), "no warning and no error after the fix");
	}

	/** A path on the library (specs/lib/pgtable.ptl), its body from line 5. */
	private static String onTheLibrary(String body) {
		return """
				spec t;
				include "%s";
				const N_SLOTS = 1; const N_TABLES = 1; const MAX_GEN = 1; const N_PAGES = 1;
				path writer(s) {
					var ptl: 0..N_SPINLOCKS;
					var pte: PtePtr;
				%s
					pte_unmap_unlock(pte, ptl);
				}
				""".formatted(root().resolve("specs/lib/pgtable.ptl"),
				String.join("\n", body.lines().map(l -> "\t" + l).toList()));
	}

	private static Path root() {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(root.resolve("specs/seed"))) {
			root = root.getParent();
		}
		return root;
	}

	private static List<Issue> validate(SpecLoader loader, Path spec, String text) {
		return loader.validateText(spec, text).stream()
				.filter(i -> !i.code().equals(IssueCodes.MISSING_EXPECTATION)).toList();
	}

	@Test
	void aPtlFromPteLockptrIsReplacedByTheMapsPtlThenRechecked(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		// arm's adjust_pte() before patch 03: pte_offset_map(), then pte_lockptr() reads the PMD entry again. A
		// pmd_same() under that ptl would not do (it may be another table's lock); the fix takes the ptl the map gave
		Path spec = dir.resolve("t.ptl");
		String text = onTheLibrary("""
					pte = pte_offset_map(s, 1);
					if (!pte.table)
						return;
					// not ptl = pte_lockptr(s) in a comment
					ptl = pte_lockptr(s);
					spin_lock(ptl);
					set_pte_at(pte, mk_pte(1, false));""");
		SpecLoader loader = new SpecLoader();
		List<Issue> before = validate(loader, spec, text);
		Issue w = before.stream().filter(i -> i.code().equals(IssueCodes.UNCHECKED_NOLOCK_WRITE)).findFirst()
				.orElseThrow(() -> new AssertionError("the rule flags the write: " + before));
		String fixed = RecheckFix.at(text, w.offset()).orElseThrow().applyTo(text);
		assertTrue(fixed.contains("\tvar pmdval: Pmd;\n"), fixed);
		assertTrue(fixed.contains("pte = pte_offset_map_rw_nolock(s, 1, &pmdval, &ptl);"), fixed);
		assertTrue(!fixed.contains("\tptl = pte_lockptr(s);") && fixed.contains("// not ptl = pte_lockptr(s)"), fixed);
		assertTrue(fixed.contains("\tif (pmd_same(pmdval, pmdp_get_lockless(s)))\n\t\tset_pte_at(pte, mk_pte(1, false));"),
				fixed);
		assertEquals(List.of(), validate(loader, spec, fixed), "no warning and no error after the fix:\n" + fixed);
	}

	@Test
	void noPtlTakenIsNoFix(@org.junit.jupiter.api.io.TempDir Path dir) {
		// a recheck without the ptl proves nothing: no fix rather than one that leaves the warning
		Path spec = dir.resolve("t.ptl");
		String text = onTheLibrary("""
					pte = pte_offset_map_nolock(s, 1, &ptl);
					if (!pte.table)
						return;
					set_pte_at(pte, mk_pte(1, false));
					spin_lock(ptl);""");
		Issue w = validate(new SpecLoader(), spec, text).stream()
				.filter(i -> i.code().equals(IssueCodes.UNCHECKED_NOLOCK_WRITE)).findFirst().orElseThrow();
		assertTrue(RecheckFix.at(text, w.offset()).isEmpty());
	}

	@Test
	void notACallIsNoFix() {
		assertTrue(RecheckFix.at("x = 1;", 0).isEmpty());
	}
}
