package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

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
import ptlock.tlc.TlcChecker;

/**
 * Every shipped spec checks with the verdicts written next to its scenarios (reasoned from the kernel, not copied
 * from the tool), with the simulator (the default engine, with --symmetry); the seed's central verdicts are pinned here too, with TLC.
 */
class ShippedSpecsTest {
	@TempDir
	Path work;

	@Test
	void everyShippedScenarioGetsTheExpectedVerdicts() throws IOException {
		List<Path> specs;
		try (Stream<Path> s = Files.walk(CliRun.root().resolve("specs"))) {
			specs = s.filter(p -> p.toString().endsWith(".ptl") && !p.getFileName().toString().equals("prelude.ptl"))
					.filter(ShippedSpecsTest::hasScenario).sorted().toList();
		}
		assertTrue(specs.size() >= 1);
		for (Path spec : specs) {
			// with symmetry reduction where a model's identical threads allow it (sound: the same verdicts; the
			// four-fault model of specs/bench/faults.ptl would take a minute without it). SymmetryTest compares
			// reduced and full searches; ConformanceTest compares the full search with TLC.
			CliRun r = CliRun.of("check", spec.toString(), "--quiet", "--symmetry", "--out", work.toString());
			assertEquals(ExitCode.OK, r.code(), spec + "\n" + r.out() + r.err());
		}
	}

	private static boolean hasScenario(Path p) {
		try {
			return java.util.regex.Pattern.compile("^scenario ", java.util.regex.Pattern.MULTILINE).matcher(Files.readString(p)).find();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private CheckResult check(String scenario) {
		List<Program> ps = new Specs().programs(CliRun.root().resolve("specs/seed/retract_vs_fault.ptl"), scenario,
				System.err, false);
		return new TlcChecker().check(ps.get(0),
				new CheckOptions(work, 1, 512, 0, new AtomicBoolean(), ProgressListener.NONE));
	}

	private static PropertyResult prop(CheckResult r, String name) {
		return r.properties().stream().filter(p -> p.property().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void pteFreeWithoutGracePeriodIsAUseAfterFreeByTheFaultsLocklessRead() {
		CheckResult r = check("free_immediately");
		assertEquals(CheckStatus.COMPLETED, r.status());
		PropertyResult uaf = prop(r, "no_use_after_free");
		assertEquals(Verdict.VIOLATED, uaf.verdict());
		List<TraceStep> steps = uaf.trace().steps();
		TraceStep last = steps.get(steps.size() - 1);
		// the violating step is the fault's lockless read, after khugepaged freed the table
		assertEquals("cpu0", last.thread());
		assertEquals("orig = ptep_get_lockless(pte);", r.program().thread("cpu0").step(last.step()).label());
		assertEquals("<<\"Free\">>", last.values().get("tstate"));
		assertTrue(steps.stream().anyMatch(s -> "cpu1".equals(s.thread())
				&& r.program().thread("cpu1").step(s.step()).label()
						.equals("collapse_file: retract_page_tables: free_retracted(pmd_pgtable(pgt_pmd));")));
		for (String p : List.of("ptl_held", "lock_balance", "pmd_locked", "no_deadlock")) {
			assertEquals(Verdict.HOLDS, prop(r, p).verdict(), p);
		}
	}

	@Test
	void pteFreeDeferUnderTheFaultsRcuSectionVerifies() {
		CheckResult r = check("free_deferred");
		assertEquals(CheckStatus.COMPLETED, r.status());
		for (PropertyResult p : r.properties()) {
			assertEquals(Verdict.HOLDS, p.verdict(), p.property());
		}
		assertTrue(r.stats().distinctStates() > 50, "the search explored the interleavings");
	}
}
