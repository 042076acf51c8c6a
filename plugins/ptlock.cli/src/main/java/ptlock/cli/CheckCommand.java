package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.ProgressListener;
import ptlock.ir.Program;
import ptlock.report.Json;
import ptlock.report.ResultJson;

/** ptlock check SPEC: checks every scenario (or one) with TLC and compares each verdict with the expectation. */
final class CheckCommand {
	static final Set<String> FLAGS = Set.of("json", "quiet");
	static final Set<String> VALUED = Set.of("scenario", "out", "workers", "heap", "timeout", "engine");

	ExitCode run(Args a, PrintStream out, PrintStream err) throws Args.UsageException, IOException {
		Path file = Specs.onlySpec(a, "check");
		boolean json = a.flag("json");
		boolean quiet = a.flag("quiet") || json;
		int workers = a.intValue("workers", 1);
		int heap = a.intValue("heap", 1024);
		int timeout = a.intValue("timeout", 0);
		Engines engines = Engines.parse(a.value("engine", "sim"));
		List<Program> programs = new Specs().programs(file, a.value("scenario", null), err, !quiet);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		try (WorkDir workDir = WorkDir.of(a)) {
			Path work = workDir.path();
			CheckOptions options = new CheckOptions(work, workers, heap, timeout, new AtomicBoolean(),
					quiet ? ProgressListener.NONE : progress(err));
			ptlock.report.ResultText report = new ptlock.report.ResultText();
			List<CheckResult> results = new ArrayList<>();
			List<Map<String, Object>> findings = new ArrayList<>();
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
				// an engine stopped by the time limit or a failure decided nothing to compare
				if (byEngine.size() == 2 && completed(byEngine.get(0)) && completed(byEngine.get(1))
						&& !Conformance.sameVerdicts(byEngine.get(0), byEngine.get(1))) {
					err.println("ptlock: the simulator and TLC disagree on " + p.title() + ": "
							+ Conformance.differences(byEngine.get(0), byEngine.get(1)));
					code = worse(code, ExitCode.CHECKER_FAILURE);
				}
			}
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
