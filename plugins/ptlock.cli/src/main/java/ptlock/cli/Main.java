package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The ptlock command line. Each run is independent: no static state besides what the JVM gives. */
public final class Main {
	static final String USAGE = """
			usage: ptlock <command> [options]
			  check SPEC.ptl [--engine sim|tlc|both] [--scenario NAME] [--json] [--quiet] [--out DIR] [--workers N]
			                 [--heap MB] [--timeout S]
			      model-check each scenario (default engine: the simulator; tlc: TLC; both: each confirms the other);
			      print every property's verdict, whether it is the one the spec expects, and counterexamples as
			      races (one column per CPU)
			  conform SPEC.ptl [--scenario NAME | --matrix] [--heap MB] [--out DIR]
			      compare the simulator with TLC: state counts, verdicts, and each other's counterexamples
			      (--matrix: in every cell of the spec's series matrix)
			  matrix SPEC.ptl [--order p01,p02,...] [--archs a,b] [--json FILE] [--html FILE] [--quiet]
			      every prefix of the series x every architecture: which properties hold (simulator)
			  diff-matrix A.json B.json [--json]
			      the cells that flipped between two 'matrix --json' results, each with the patch responsible
			  import PAGE.txt|SERIES.mbox [--out SERIES.xmi]
			      read a patchwork "mbox series" page saved as text, or an mbox, into a Series model
			  simulate SPEC.ptl [--scenario NAME] [--seed N] [--runs N] [--depth N]
			      random behaviours checked as they go (the seed reproduces them), for models too big to explore
			  replay SPEC.ptl RESULT.json
			      replay the counterexamples saved by 'check --json' in the simulator
			  bench [--quick] [--out DIR]
			      measure the simulator against TLC on the seed models and a scaled-up one (docs/BENCHMARKS.md)
			  tla SPEC.ptl [--scenario NAME] [--out DIR]
			      write the generated TLA+ module and .cfg of each scenario
			exit codes: 0 all as expected, 1 unexpected verdict, 2 spec error, 3 checker failure, 4 timeout,
			            5 engines do not conform, 64 usage
			""";

	public static void main(String[] argv) {
		// Xtext's bundled log4j.properties logs a failing validator (an OutOfMemoryError) with its stack trace on the
		// console; the failure reaches the user as a located error instead (Specs)
		org.apache.log4j.LogManager.getRootLogger().setLevel(org.apache.log4j.Level.OFF);
		System.exit(run(Arrays.asList(argv), System.out, System.err).code);
	}

	public static ExitCode run(List<String> argv, PrintStream out, PrintStream err) {
		if (argv.isEmpty() || argv.get(0).equals("help") || argv.get(0).equals("--help")) {
			out.print(USAGE);
			return argv.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
		}
		String cmd = argv.get(0);
		List<String> rest = argv.subList(1, argv.size());
		try {
			return switch (cmd) {
			case "check" -> new CheckCommand().run(Args.parse(rest, CheckCommand.FLAGS, CheckCommand.VALUED), out, err);
			case "tla" -> new TlaCommand().run(Args.parse(rest, TlaCommand.FLAGS, TlaCommand.VALUED), out, err);
			case "conform" -> new ConformCommand().run(Args.parse(rest, ConformCommand.FLAGS, ConformCommand.VALUED),
					out, err);
			case "bench" -> new BenchCommand().run(Args.parse(rest, BenchCommand.FLAGS, BenchCommand.VALUED), out, err);
			case "matrix" -> new MatrixCommand().run(Args.parse(rest, MatrixCommand.FLAGS, MatrixCommand.VALUED), out,
					err);
			case "diff-matrix" -> new DiffMatrixCommand().run(Args.parse(rest, DiffMatrixCommand.FLAGS,
					DiffMatrixCommand.VALUED), out, err);
			case "import" -> new ImportCommand().run(Args.parse(rest, ImportCommand.FLAGS, ImportCommand.VALUED), out,
					err);
			case "simulate" -> new SimulateCommand().run(Args.parse(rest, SimulateCommand.FLAGS,
					SimulateCommand.VALUED), out, err);
			case "replay" -> new ReplayCommand().run(Args.parse(rest, ReplayCommand.FLAGS, ReplayCommand.VALUED), out,
					err);
			default -> throw new Args.UsageException("unknown command '" + cmd + "'");
			};
		} catch (Args.UsageException e) {
			err.println("ptlock: " + e.getMessage());
			err.print(USAGE);
			return ExitCode.USAGE;
		} catch (IOException e) {
			err.println("ptlock: " + CrashReport.fileError(e));
			return ExitCode.CHECKER_FAILURE;
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
			// the one top-level handler: a located error was not possible, so say what happened, not how
			err.println(CrashReport.of(e));
			return ExitCode.CHECKER_FAILURE;
		}
	}
}
