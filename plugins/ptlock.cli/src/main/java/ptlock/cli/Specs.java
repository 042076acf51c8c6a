package ptlock.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import ptlock.ir.Program;
import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.service.Scenarios;

/** Loads a spec and lowers its scenarios, printing problems as file:line:column messages. */
final class Specs {
	private final SpecLoader loader;

	Specs() {
		this(new SpecLoader());
	}

	/** With the run's loader (started while the command line was parsed). */
	Specs(Io io) {
		this(io.loaders().get());
	}

	private Specs(SpecLoader loader) {
		this.loader = loader;
	}
	/** what the validator's static rules did on the last spec loaded (replayed for each scenario's report) */
	private ptlock.lang.rules.RuleMemo ruleMemo = new ptlock.lang.rules.RuleMemo();

	private static boolean sameFile(Issue i, Path file) {
		try {
			return i.file() == null || Path.of(i.file()).toAbsolutePath().normalize()
					.equals(file.toAbsolutePath().normalize());
		} catch (java.nio.file.InvalidPathException e) {
			return true;
		}
	}

	/**
	 * The lowered scenarios (all, or the one named), or null after printing the errors. Without warnings the static
	 * locking rules (warnings only, seconds on the seed specs) are not run.
	 */
	List<Program> programs(Path file, String scenario, PrintStream err, boolean warnings) {
		LoadedSpec spec = (warnings ? loader : loader.withoutStaticRules()).load(file);
		for (Issue i : spec.issues()) {
			// an included file's own warnings (its paths checked alone) are that file's: shown when it is checked;
			// what a scenario here runs of it is reported on the scenario's thread line, in this file
			if (i.severity() == Issue.Severity.ERROR || (warnings && sameFile(i, file))) {
				err.println(i.message().startsWith("Error executing EValidator") ? new Issue(i.severity(), i.code(),
						i.file(), i.line(), i.column(), i.offset(), i.length(), "the validator failed on this file (out"
								+ " of memory, or an internal error): nothing was checked; try a larger heap,"
								+ " JAVA_TOOL_OPTIONS=-Xmx8g") : i);
			}
		}
		if (spec.hasErrors() || spec.main() == null) {
			return null;
		}
		ruleMemo = ptlock.lang.load.BatchCache.rules(spec.main());
		Scenarios.Lowered lowered = Scenarios.lower(spec, scenario);
		if (!lowered.ok()) {
			err.println(file + ":1:1: error: " + lowered.problem() + " [" + lowered.code() + "]");
			return null;
		}
		return lowered.programs();
	}

	/** The static rules' memo of the last spec loaded: {@link RuleFindings#of} replays what the validator did. */
	ptlock.lang.rules.RuleMemo ruleMemo() {
		return ruleMemo;
	}
}
