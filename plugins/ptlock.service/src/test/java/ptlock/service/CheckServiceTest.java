package ptlock.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.ProgressListener;
import ptlock.check.Stats;
import ptlock.ir.Program;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;

/** The one check flow of the CLI and Eclipse: engines, their comparison, cancel, the run's outcome. */
class CheckServiceTest {
	@TempDir
	Path work;

	private static Path root() {
		Path p = Path.of("").toAbsolutePath();
		while (p != null && !Files.isDirectory(p.resolve("specs"))) {
			p = p.getParent();
		}
		return p;
	}

	private static LoadedSpec seed() {
		LoadedSpec spec = new SpecLoader().withoutStaticRules().load(root().resolve("specs/seed/retract_vs_fault.ptl"));
		assertFalse(spec.hasErrors(), spec.issues().toString());
		return spec;
	}

	private CheckOptions options(AtomicBoolean cancel) {
		return new CheckOptions(work, 1, 1024, 0, cancel, ProgressListener.NONE);
	}

	@Test
	void bothEnginesCheckEachProgramSimulatorFirstAndAgreeOnTheSeed() {
		// free_immediately: the table is freed at once while the fault's lockless walk reads it: both engines find
		// the use after free the spec expects, so they agree and the outcome is as expected
		Scenarios.Lowered lowered = Scenarios.lower(seed(), "free_immediately");
		assertTrue(lowered.ok(), lowered.problem());
		List<String> told = new ArrayList<>();
		CheckService.Report r = new CheckService(Engine.BOTH).check(lowered.programs(), options(new AtomicBoolean()),
				new CheckService.Listener() {
					@Override
					public void starting(Program p) {
						told.add("starting " + p.scenario());
					}

					@Override
					public void checked(Program p, List<CheckResult> byEngine) {
						told.add("checked " + byEngine.stream().map(CheckResult::engine).toList());
					}

					@Override
					public void disagree(Program p, List<String> differences) {
						told.add("disagree");
					}
				});
		assertEquals(Outcome.AS_EXPECTED, r.outcome());
		assertEquals(List.of("starting free_immediately", "checked [sim, tlc]"), told);
		assertEquals(0, r.unexpected());
		assertTrue(r.disagreements().isEmpty());
	}

	@Test
	void aCancelledCheckStopsBeforeTheNextProgram() {
		Scenarios.Lowered lowered = Scenarios.lower(seed(), null);
		assertTrue(lowered.programs().size() > 1);
		AtomicBoolean cancel = new AtomicBoolean(true);
		CheckService.Report r = new CheckService(Engine.SIM).check(lowered.programs(), options(cancel),
				new CheckService.Listener() {
				});
		assertEquals(Outcome.CANCELLED, r.outcome());
		assertTrue(r.results().isEmpty());
	}

	@Test
	void unknownScenariosAndNoScenarioAreProblemsWithACode() {
		Scenarios.Lowered none = Scenarios.lower(seed(), "no_such_scenario");
		assertFalse(none.ok());
		assertEquals("ptlock.no-scenario", none.code());
		assertTrue(none.problem().contains("no_such_scenario"), none.problem());
	}

	@Test
	void enginesAreComparedOnlyWhenBothCompleted() {
		Program p = Scenarios.lower(seed(), "free_immediately").programs().get(0);
		CheckResult sim = new CheckService(Engine.SIM).check(List.of(p), options(new AtomicBoolean()),
				new CheckService.Listener() {
				}).results().get(0);
		CheckResult stopped = new CheckResult(p, "tlc", CheckStatus.TIMEOUT, sim.properties().stream()
				.map(x -> new ptlock.check.PropertyResult(x.property(), ptlock.ir.Verdict.UNKNOWN, x.expected(), null,
						null))
				.toList(), sim.stats(), "time limit");
		assertEquals(List.of(), CheckService.differences(List.of(sim, stopped)), "a stopped run decided nothing");
		assertEquals(0, new CheckService.Report(List.of(sim, stopped), java.util.Map.of(), Outcome.TIMEOUT)
				.unexpected(), "and its unknown verdicts are no surprises");
		CheckResult nothing = new CheckResult(p, "tlc", CheckStatus.COMPLETED, List.of(), new Stats(0, 0, 0, 0), null);
		assertFalse(CheckService.differences(List.of(sim, nothing)).isEmpty(), "a completed run that differs does");
	}

	@Test
	void theOutcomeOfARunIsItsMostImportantOne() {
		assertEquals(Outcome.UNEXPECTED, Outcome.AS_EXPECTED.worse(Outcome.UNEXPECTED));
		assertEquals(Outcome.MODEL_ERROR, Outcome.TIMEOUT.worse(Outcome.MODEL_ERROR));
		assertEquals(Outcome.CANCELLED, Outcome.CANCELLED.worse(Outcome.CHECKER_FAILURE));
		assertEquals(Engine.TLC, Engine.of("tlc"));
		assertEquals(null, Engine.of("spin"));
		assertEquals(List.of("sim", "tlc", "both"), Engine.codes());
	}
}
