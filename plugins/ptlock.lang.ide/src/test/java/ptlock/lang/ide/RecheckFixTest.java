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

	@Test
	void notACallIsNoFix() {
		assertTrue(RecheckFix.at("x = 1;", 0).isEmpty());
	}
}
