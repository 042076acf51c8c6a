package ptlock.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.VerdictDiff;
import ptlock.ir.Program;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.matrix.Matrix;
import ptlock.sim.SimChecker;

/**
 * Checks a spec's programs the one way the CLI and Eclipse share: each program with the chosen engine(s), the two
 * engines compared when both completed (a disagreement is a checker failure), cancel and the time limit from the
 * options, and one outcome for the run. The front ends only present what the listener and the report tell them.
 */
public final class CheckService {
	/** Told as the check goes, so a front end can print or update views before the run ends. */
	public interface Listener {
		/** Before a program is checked. */
		default void starting(Program p) {
		}

		/** A program's results, one per engine (the simulator's first). */
		default void checked(Program p, List<CheckResult> byEngine) {
		}

		/** The simulator and TLC completed and disagree on p (each difference in words). */
		default void disagree(Program p, List<String> differences) {
		}
	}

	/** Everything a check found. @param disagreements per program where the engines disagree */
	public record Report(List<CheckResult> results, Map<Program, List<String>> disagreements, Outcome outcome) {
		/**
		 * How many verdicts of completed runs differ from their expectation (a run stopped by cancel, the time limit
		 * or a failure decided nothing: its outcome says so, its unknown verdicts are not surprises).
		 */
		public long unexpected() {
			return results.stream().filter(r -> r.status() == CheckStatus.COMPLETED).flatMap(r -> r.properties()
					.stream()).filter(p -> !p.asExpected()).count();
		}
	}

	private final Engine engine;

	public CheckService(Engine engine) {
		this.engine = engine;
	}

	public Report check(List<Program> programs, CheckOptions options, Listener listener) {
		List<CheckResult> results = new ArrayList<>();
		Map<Program, List<String>> disagreements = new LinkedHashMap<>();
		Outcome outcome = Outcome.AS_EXPECTED;
		for (Program p : programs) {
			if (options.cancel().get()) {
				outcome = outcome.worse(Outcome.CANCELLED);
				break;
			}
			listener.starting(p);
			List<CheckResult> byEngine = engine.check(p, options);
			results.addAll(byEngine);
			for (CheckResult r : byEngine) {
				outcome = outcome.worse(Outcome.of(r));
			}
			listener.checked(p, byEngine);
			List<String> diffs = differences(byEngine);
			if (!diffs.isEmpty()) {
				disagreements.put(p, diffs);
				listener.disagree(p, diffs);
				outcome = outcome.worse(Outcome.CHECKER_FAILURE);
			}
		}
		return new Report(results, disagreements, outcome);
	}

	/**
	 * Where two engines' verdicts differ; none when there is one engine or either did not complete (a run stopped by
	 * the time limit or a failure decided nothing to compare).
	 */
	static List<String> differences(List<CheckResult> byEngine) {
		if (byEngine.size() != 2 || byEngine.stream().anyMatch(r -> r.status() != CheckStatus.COMPLETED)) {
			return List.of();
		}
		return VerdictDiff.differences(byEngine.get(0), byEngine.get(1));
	}

	/**
	 * The verdict matrix of the spec's series (every prefix of order x every architecture), each distinct lowered
	 * cell checked once with the simulator.
	 */
	public static Matrix matrix(LoadedSpec spec, List<String> order, List<String> archs, CheckOptions options,
			Matrix.Progress progress, BooleanSupplier cancelled) {
		return Matrix.compute(spec.models(), spec.scenarios(), order, archs, p -> new SimChecker().check(p, options),
				progress, cancelled);
	}
}
