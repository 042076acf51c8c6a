package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.ProgressListener;
import ptlock.ir.Program;
import ptlock.lang.rules.Finding;
import ptlock.report.Json;
import ptlock.report.ResultJson;
import ptlock.report.ResultText;
import ptlock.service.CheckService;
import ptlock.service.Engine;
import ptlock.service.Outcome;

/** ptlock check SPEC: checks every scenario (or one) and compares each verdict with the expectation. */
@Command(name = "check", sortOptions = false, description = { "Model-check each scenario of SPEC and compare every"
		+ " property's verdict with the one the spec expects; counterexamples are printed as races (one column per"
		+ " CPU)." })
final class CheckCommand extends Subcommand {
	@Parameters(paramLabel = "SPEC.ptl", description = "the spec to check")
	Path file;
	@Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "sim", completionCandidates = EngineNames.class,
			description = "sim (the simulator, default), tlc, or both (each confirms the other): ${COMPLETION-CANDIDATES}")
	String engine;
	@Option(names = "--scenario", paramLabel = "NAME", description = "check only this scenario")
	String scenario;
	@Option(names = "--json", description = "print the results as JSON on stdout (docs/JSON.md), nothing else")
	boolean json;
	@Option(names = "--quiet", description = "no progress and no rule warnings")
	boolean quietOption;
	@Option(names = "--symmetry", description = "the simulator counts states up to exchanging identical threads (same"
			+ " path, same arguments) when nothing in the model tells them apart, and says why not otherwise;"
			+ " verdicts and counterexamples are the same, state counts smaller (TLC counts every state)")
	boolean symmetry;
	@Mixin
	TlcOptions tlcOptions;
	@Mixin
	DistributedOptions distributedOptions;
	@Mixin
	ReportFiles reports;
	@Mixin
	RaceWidth raceWidth;

	CheckCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws UsageException, IOException {
		PrintStream out = io.out();
		PrintStream err = io.err();
		boolean quiet = quietOption || json;
		Engine engines = Engine.of(engine);
		if (engines == null) {
			throw new UsageException("--engine is " + String.join(", ", Engine.codes()) + ", not '" + engine + "'");
		}
		ptlock.check.TlcDistribution distribution = distributedOptions.distribution(engines, tlcOptions.workers);
		Specs specs = new Specs(io);
		List<Program> programs = specs.programs(file, scenario, err, !quiet);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		try (WorkDir workDir = WorkDir.of(tlcOptions.out)) {
			CheckOptions options = new CheckOptions(workDir.path(), tlcOptions.workers, tlcOptions.heap,
					tlcOptions.timeout, new AtomicBoolean(), quiet ? ProgressListener.NONE : progress(err))
					.withDistribution(distribution).withSymmetry(symmetry);
			ResultText report = new ResultText(raceWidth.width());
			List<Map<String, Object>> findings = new ArrayList<>();
			List<RuleFindings.Of> ruleFindings = new ArrayList<>();
			CheckService.Report checked = new CheckService(engines).check(programs, options, new CheckService.Listener() {
				@Override
				public void checked(Program p, List<CheckResult> byEngine) {
					List<Finding> rules = RuleFindings.of(p, specs.ruleMemo());
					if (!json) {
						for (CheckResult r : byEngine) {
							report.print(r, out);
							RuleFindings.print(rules, r, out);
						}
					}
					findings.addAll(RuleFindings.json(rules, byEngine.get(0)));
					ruleFindings.add(new RuleFindings.Of(byEngine.get(0), rules));
				}

				@Override
				public void disagree(Program p, List<String> differences) {
					err.println("ptlock: the simulator and TLC disagree on " + p.title() + ": " + differences);
				}
			});
			ExitCode code = exitCode(checked.outcome());
			reports.write(checked.results(), ruleFindings);
			if (json) {
				out.println(Json.write(ResultJson.document(checked.results(), findings)));
			} else {
				out.println(summary(checked, code));
			}
			return code;
		}
	}

	/** The documented exit code of a check's outcome (a cancelled CLI check is one stopped by its time limit). */
	static ExitCode exitCode(Outcome o) {
		return switch (o) {
		case AS_EXPECTED -> ExitCode.OK;
		case UNEXPECTED -> ExitCode.UNEXPECTED_VERDICT;
		case CHECKER_FAILURE -> ExitCode.CHECKER_FAILURE;
		case TIMEOUT, CANCELLED -> ExitCode.TIMEOUT;
		case MODEL_ERROR -> ExitCode.MODEL_ERROR;
		case SPEC_ERROR -> ExitCode.SPEC_ERROR;
		};
	}

	private static String summary(CheckService.Report checked, ExitCode code) {
		long props = checked.results().stream().mapToLong(r -> r.properties().size()).sum();
		String status = code == ExitCode.OK ? "all as expected" : code.name().toLowerCase(java.util.Locale.ROOT);
		return checked.results().size() + " scenario(s), " + props + " verdict(s), " + checked.unexpected()
				+ " unexpected: " + status;
	}

	private static ProgressListener progress(PrintStream err) {
		return new ProgressListener() {
			@Override
			public void progress(String scenario, long distinct, long queue, long rate) {
				err.printf("  [%s] %d distinct states, %d on queue, %d states/min%n", scenario, distinct, queue, rate);
			}

			@Override
			public void message(String text) {
				err.println("  " + text);
			}

			@Override
			public void workers(String scenario, int connected) {
				err.printf("  [%s] %d TLC worker(s) connected%n", scenario, connected);
			}
		};
	}
}
