package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
import ptlock.check.CheckStatus;
import ptlock.check.ProgressListener;
import ptlock.ir.Program;
import ptlock.report.Json;
import ptlock.report.ResultJson;

/** ptlock check SPEC: checks every scenario (or one) and compares each verdict with the expectation. */
@Command(name = "check", sortOptions = false, description = { "Model-check each scenario of SPEC and compare every"
		+ " property's verdict with the one the spec expects; counterexamples are printed as races (one column per"
		+ " CPU)." })
final class CheckCommand extends Subcommand {
	@Parameters(paramLabel = "SPEC.ptl", description = "the spec to check")
	Path file;
	@Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "sim", completionCandidates = Engines.Names.class,
			description = "sim (the simulator, default), tlc, or both (each confirms the other): ${COMPLETION-CANDIDATES}")
	String engine;
	@Option(names = "--scenario", paramLabel = "NAME", description = "check only this scenario")
	String scenario;
	@Option(names = "--json", description = "print the results as JSON on stdout (docs/JSON.md), nothing else")
	boolean json;
	@Option(names = "--quiet", description = "no progress and no rule warnings")
	boolean quietOption;
	@Mixin
	TlcOptions tlcOptions;
	@Mixin
	ReportFiles reports;

	CheckCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws UsageException, IOException {
		PrintStream out = io.out();
		PrintStream err = io.err();
		boolean quiet = quietOption || json;
		Engines engines = Engines.parse(engine);
		List<Program> programs = new Specs().programs(file, scenario, err, !quiet);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		try (WorkDir workDir = WorkDir.of(tlcOptions.out)) {
			Path work = workDir.path();
			CheckOptions options = new CheckOptions(work, tlcOptions.workers, tlcOptions.heap, tlcOptions.timeout,
					new AtomicBoolean(),
					quiet ? ProgressListener.NONE : progress(err));
			ptlock.report.ResultText report = new ptlock.report.ResultText();
			List<CheckResult> results = new ArrayList<>();
			List<Map<String, Object>> findings = new ArrayList<>();
			List<RuleFindings.Of> ruleFindings = new ArrayList<>();
			ExitCode code = ExitCode.OK;
			for (Program p : programs) {
				List<CheckResult> byEngine = engines.check(p, options);
				List<ptlock.lang.rules.Finding> rules = RuleFindings.of(p);
				for (CheckResult r : byEngine) {
					results.add(r);
					if (!json) {
						report.print(r, out);
						RuleFindings.print(rules, r, out);
					}
					code = worse(code, exitCode(r));
				}
				findings.addAll(RuleFindings.json(rules, byEngine.get(0)));
				ruleFindings.add(new RuleFindings.Of(byEngine.get(0), rules));
				// an engine stopped by the time limit or a failure decided nothing to compare
				if (byEngine.size() == 2 && completed(byEngine.get(0)) && completed(byEngine.get(1))
						&& !Conformance.sameVerdicts(byEngine.get(0), byEngine.get(1))) {
					err.println("ptlock: the simulator and TLC disagree on " + p.title() + ": "
							+ Conformance.differences(byEngine.get(0), byEngine.get(1)));
					code = worse(code, ExitCode.CHECKER_FAILURE);
				}
			}
			reports.write(results, ruleFindings);
			if (json) {
				out.println(Json.write(ResultJson.document(results, findings)));
			} else {
				out.println(summary(results, code));
			}
			return code;
		}
	}

	static ExitCode exitCode(CheckResult r) {
		return switch (r.status()) {
		case FAILED -> ExitCode.CHECKER_FAILURE;
		case TIMEOUT, CANCELLED -> ExitCode.TIMEOUT;
		case COMPLETED -> ptlock.check.ModelErrors.any(r) ? ExitCode.MODEL_ERROR
				: r.allAsExpected() ? ExitCode.OK : ExitCode.UNEXPECTED_VERDICT;
		};
	}

	private static ExitCode worse(ExitCode a, ExitCode b) {
		return b.code > a.code ? b : a;
	}

	private static String summary(List<CheckResult> results, ExitCode code) {
		long props = results.stream().mapToLong(r -> r.properties().size()).sum();
		long unexpected = results.stream().flatMap(r -> r.properties().stream()).filter(p -> !p.asExpected()).count();
		String status = code == ExitCode.OK ? "all as expected" : code.name().toLowerCase(java.util.Locale.ROOT);
		return results.size() + " scenario(s), " + props + " verdict(s), " + unexpected + " unexpected: " + status;
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
		};
	}

	static boolean completed(CheckResult r) {
		return r.status() == CheckStatus.COMPLETED;
	}
}
