package ptlock.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.report.RaceRenderer;
import ptlock.sim.RandomWalk;

/**
 * ptlock simulate SPEC: random behaviours (for models too big to explore), each checked as it goes. The seed is
 * printed; the same seed gives the same runs.
 */
@Command(name = "simulate", description = "Random behaviours of each scenario, checked as they go, for models too"
		+ " big to explore. The seed is printed; the same seed gives the same runs.")
final class SimulateCommand extends Subcommand {
	@Parameters(paramLabel = "SPEC.ptl")
	Path file;
	@Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario")
	String scenario;
	@Option(names = "--seed", paramLabel = "N", converter = Count.class, description = "the seed (default: a new one)")
	Integer seedOption;
	@Option(names = "--runs", paramLabel = "N", defaultValue = "1000", converter = Count.class,
			description = "how many runs (default ${DEFAULT-VALUE})")
	int runs;
	@Option(names = "--depth", paramLabel = "N", defaultValue = "1000", converter = Count.class,
			description = "at most this many steps per run (default ${DEFAULT-VALUE})")
	int depth;

	@picocli.CommandLine.Mixin
	RaceWidth raceWidth;

	SimulateCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws UsageException {
		PrintStream out = io.out();
		long seed = seedOption != null ? seedOption : (int) (System.nanoTime() & 0x7fffffff);
		List<Program> programs = new Specs(io).programs(file, scenario, io.err(), false);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		RaceRenderer races = new RaceRenderer(raceWidth.width());
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
