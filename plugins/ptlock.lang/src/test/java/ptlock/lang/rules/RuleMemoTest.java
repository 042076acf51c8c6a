package ptlock.lang.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.ir.Program;
import ptlock.lang.load.BatchCache;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.validation.IssueCodes;

/**
 * A check computes the lowering and the static rules once (BatchCache, RuleMemo): what the validator did is reused
 * for the scenario's report, with the same findings as computing them afresh, and never for an editor's text.
 */
class RuleMemoTest {
	// two CPUs taking the PMD lock and the PTE lock in opposite orders (an ABBA inversion: lock orders recorded),
	// and one that can return holding a spinlock (a finding of one thread)
	private static final String SPEC = """
			spec memo;
			include "prelude.ptl";
			const N_SLOTS = 1; const N_TABLES = 1; const MAX_GEN = 1;
			path ab() {
				var pml: 0..N_LOCKS; var ptl: 0..N_LOCKS;
				pml = pmd_lock();
				ptl = pte_lockptr(1);
				spin_lock(ptl);
				spin_unlock(ptl);
				spin_unlock(pml);
			}
			path ba() {
				var pml: 0..N_LOCKS; var ptl: 0..N_LOCKS;
				ptl = pte_lockptr(1);
				spin_lock(ptl);
				pml = pmd_lock();
				spin_unlock(pml);
				spin_unlock(ptl);
			}
			path leak() {
				spin_lock(1);
				if (pmd[1] == 0)
					return;
				spin_unlock(1);
			}
			scenario abba "the inversion" {
				thread cpu0 = ab();
				thread cpu1 = ba();
				thread cpu2 = leak();
				expect others holds;
			}
			""";

	@TempDir
	Path dir;

	private Path write() throws IOException {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(root.resolve("specs"))) {
			root = root.getParent();
		}
		Files.copy(root.resolve("specs/prelude.ptl"), dir.resolve("prelude.ptl"));
		Path f = dir.resolve("memo.ptl");
		Files.writeString(f, SPEC);
		return f;
	}

	@Test
	void theReportReplaysWhatTheValidatorFoundAndFindsTheSame() throws IOException {
		LoadedSpec spec = new SpecLoader().load(write());
		assertFalse(spec.hasErrors(), spec.issues().toString());
		Scenario s = spec.scenarios().get(0);
		List<Lowering.Result> lowered = BatchCache.lower(spec.models(), s);
		assertSame(lowered, BatchCache.lower(spec.models(), s), "one lowering per scenario of a batch load");
		Program p = lowered.get(0).program();

		RuleMemo memo = BatchCache.rules(spec.main());
		assertEquals(3, memo.size(), "the validator followed the scenario's three threads into the memo");
		List<Finding> replayed = new LockingRules(memo).check(p).findings();
		List<Finding> afresh = new LockingRules().check(p).findings();
		assertEquals(afresh, replayed);
		List<String> codes = replayed.stream().map(Finding::code).toList();
		assertEquals(2, codes.stream().filter(IssueCodes.LOCK_ORDER_INVERSION::equals).count(), codes.toString());
		assertTrue(codes.contains(IssueCodes.UNBALANCED_LOCK), codes.toString());
		assertEquals(3, memo.size(), "replaying follows no thread again");
	}

	@Test
	void anEditorsTextIsLoweredAfreshEachTime() throws IOException {
		Path f = write();
		LoadedSpec spec = new SpecLoader().loadText(f, SPEC);
		Scenario s = spec.scenarios().get(0);
		assertNotSame(BatchCache.lower(spec.models(), s), BatchCache.lower(spec.models(), s));
		assertEquals(0, BatchCache.rules(spec.main()).size());
	}
}
