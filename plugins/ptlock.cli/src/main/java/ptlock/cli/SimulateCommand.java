package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.report.RaceRenderer;
import ptlock.sim.RandomWalk;

/**
 * ptlock simulate SPEC: random behaviours (for models too big to explore), each checked as it goes. The seed is
 * printed; the same seed gives the same runs.
 */
final class SimulateCommand {
	static final Set<String> FLAGS = Set.of();
	static final Set<String> VALUED = Set.of("scenario", "seed", "runs", "depth");

	ExitCode run(Args a, PrintStream out, PrintStream err) throws Args.UsageException, IOException {
		long seed = a.intValue("seed", (int) (System.nanoTime() & 0x7fffffff));
		int runs = a.intValue("runs", 1000);
		int depth = a.intValue("depth", 1000);
		List<Program> programs = new Specs().programs(Specs.onlySpec(a, "simulate"), a.value("scenario", null), err,
				false);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		RaceRenderer races = new RaceRenderer();
		for (Program p : programs) {
			RandomWalk.Result r = new RandomWalk(p).run(seed, runs, depth);
			out.printf("scenario %s: %d random runs (--seed %d), %d steps, %d violation(s)%n", p.title(), r.runs(),
					seed, r.steps(), r.findings().size());
			java.util.Set<String> shown = new java.util.HashSet<>();
			for (RandomWalk.Finding f : r.findings()) {
				if (!shown.add(f.property())) {
					continue;
				}
				out.println("  " + f.property() + " violated in run " + f.run() + " (--seed " + f.seed()
						+ " --runs 1 repeats it):");
				out.print(races.render(p, new PropertyResult(f.property(), Verdict.VIOLATED, null, f.trace(), null)));
			}
		}
		return ExitCode.OK;
	}
}
