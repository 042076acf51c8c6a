package ptlock.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.check.Stats;
import ptlock.check.Trace;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.Verdict;
import ptlock.tla.TlaGenerator;
import ptlock.tla.TlaModule;
import ptlock.tla.TlaNames;

/**
 * Checks a scenario with TLC. TLC stops at the first violation, so to give every property its own verdict the
 * check runs again without each property found violated, until a run completes (one JVM and folder per run).
 */
public final class TlcChecker {
	/** The pseudo-property reported when a variable leaves its declared range (a bug in the spec). */
	public static final String TYPE_OK = ptlock.check.ModelErrors.TYPE_OK;

	private static final Pattern VIOLATED = Pattern.compile("Invariant (\\S+) is violated");
	private static final Pattern STATS = Pattern.compile("([\\d,]+) states generated.*?([\\d,]+) distinct states found");
	private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is (\\d+)");
	private static final Pattern PROGRESS = Pattern
			.compile("([\\d,]+) states generated \\(([\\d,]+) s/min\\), ([\\d,]+) distinct states found.*?([\\d,]+) states left on queue");

	private final TlaGenerator generator = new TlaGenerator();
	private final TlcProcess process = new TlcProcess();

	public CheckResult check(Program program, CheckOptions options) {
		Set<String> remaining = new LinkedHashSet<>();
		program.properties().forEach(p -> remaining.add(p.name()));
		Map<String, PropertyResult> results = new LinkedHashMap<>();
		boolean typeOk = true;
		long start = System.currentTimeMillis();
		Stats stats = Stats.NONE;
		Path base;
		try {
			base = freshDir(options.workDir(), TlaGenerator.moduleName(program));
		} catch (IOException e) {
			return finish(program, results, remaining, CheckStatus.FAILED, stats, start,
					"cannot write TLC's files: " + e.getMessage());
		}
		int runNo = 0;
		while (true) {
			if (options.pastDeadline()) {
				return finish(program, results, remaining, CheckStatus.TIMEOUT, stats, start,
						"time limit of " + options.timeoutSeconds() + " s reached");
			}
			TlaModule module = generator.generate(program, remaining, typeOk);
			Path dir = base.resolve("run" + (++runNo));
			TlcRun run;
			try {
				write(dir, module);
				options.progress().message("TLC run " + runNo + " of " + program.scenario() + ": checking "
						+ String.join(", ", module.checked()));
				run = process.run(dir, module.name(), module.checkDeadlock(), options, program.scenario(),
						m -> live(m, program.scenario(), options));
			} catch (IOException e) {
				return finish(program, results, remaining, CheckStatus.FAILED, stats, start,
						"cannot run TLC: " + e.getMessage());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return finish(program, results, remaining, CheckStatus.CANCELLED, stats, start, "interrupted");
			}
			if (run.end() == TlcRun.End.WORKERS_LOST) {
				return finish(program, results, remaining, CheckStatus.FAILED, stats, start,
						"every distributed TLC worker was lost, and no other is left to go on with");
			}
			if (run.end() != TlcRun.End.EXITED) {
				CheckStatus s = run.end() == TlcRun.End.TIMEOUT ? CheckStatus.TIMEOUT : CheckStatus.CANCELLED;
				return finish(program, results, remaining, s, stats, start,
						s == CheckStatus.TIMEOUT ? "time limit of " + options.timeoutSeconds() + " s reached" : "cancelled");
			}
			Outcome o = analyze(run, module, options.distribution().enabled());
			if (o.unnamedAt != null) {
				try {
					o = nameAndTrace(program, module, o, dir, options);
				} catch (IOException e) {
					return finish(program, results, remaining, CheckStatus.FAILED, stats, start,
							"cannot run TLC: " + e.getMessage());
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return finish(program, results, remaining, CheckStatus.CANCELLED, stats, start, "interrupted");
				}
			}
			stats = o.stats == null ? stats : o.stats;
			if (o.violated != null) {
				if (o.violated.equals(TYPE_OK)) {
					typeOk = false;
					results.put(TYPE_OK, new PropertyResult(TYPE_OK, Verdict.VIOLATED, Verdict.HOLDS, o.trace,
							"a variable took a value outside its declared type"));
				} else {
					remaining.remove(o.violated);
					results.put(o.violated, result(program, o.violated, Verdict.VIOLATED, o.trace));
				}
				if (remaining.isEmpty()) {
					return finish(program, results, remaining, CheckStatus.COMPLETED, stats, start, null);
				}
				continue;
			}
			if (o.error != null) {
				return finish(program, results, remaining, CheckStatus.FAILED, stats, start,
						o.error + (run.stderr().isBlank() ? "" : "\n" + tail(run.stderr())));
			}
			for (String p : remaining) {
				results.put(p, result(program, p, Verdict.HOLDS, null));
			}
			remaining.clear();
			return finish(program, results, remaining, CheckStatus.COMPLETED, stats, start, null);
		}
	}

	/**
	 * The number of distinct reachable states with every property's variables present and nothing checked (TLC
	 * explores everything): what the simulator's count is compared with. -1 if TLC failed.
	 */
	public long countStates(Program program, CheckOptions options) {
		return count(program, options).states();
	}

	/** A full exploration: distinct states (-1 if TLC failed), wall time of the TLC JVM, its peak memory. */
	public record Count(long states, long millis, long peakRssKb) {
	}

	public Count count(Program program, CheckOptions options) {
		long start = System.currentTimeMillis();
		Set<String> all = new LinkedHashSet<>();
		program.properties().forEach(p -> all.add(p.name()));
		TlaModule m = generator.generate(program, all, false);
		TlaModule counting = new TlaModule(m.name(), m.tla(), "INIT Init\nNEXT Next\n", m.actions(), m.checked(),
				false);
		try {
			Path dir = freshDir(options.workDir(), TlaGenerator.moduleName(program) + "-count");
			write(dir, counting);
			TlcRun run = process.run(dir, counting.name(), false, options, program.scenario(), x -> {
			});
			Outcome o = analyze(run, counting, options.distribution().enabled());
			long states = o.error == null && o.stats != null ? o.stats.distinctStates() : -1;
			return new Count(states, System.currentTimeMillis() - start, run.peakRssKb());
		} catch (IOException e) {
			return new Count(-1, 0, 0);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Count(-1, 0, 0);
		}
	}

	/**
	 * What a TLC run found. {@code unnamedAt}: distributed TLC found a violation at this state (values by variable)
	 * without naming the property, and printed only the last step of its trace.
	 */
	private record Outcome(String violated, Trace trace, String error, Stats stats, Map<String, String> unnamedAt) {
		Outcome(String violated, Trace trace, String error, Stats stats) {
			this(violated, trace, error, stats, null);
		}
	}

	/**
	 * Completes a violation of distributed TLC with local TLC: which property the state violates
	 * ({@link ViolatedProperty}), then that property's counterexample, from a local run checking it alone. That run
	 * stops at the property's first violation in breadth-first order, so the trace is the one local TLC gives; it costs
	 * the states above that violation, which the distributed run explored too.
	 */
	private Outcome nameAndTrace(Program program, TlaModule module, Outcome o, Path dir, CheckOptions options)
			throws IOException, InterruptedException {
		options.progress().message("distributed TLC found a violation in " + program.scenario()
				+ "; naming it and rebuilding its counterexample with local TLC");
		String name = new ViolatedProperty().in(module, o.unnamedAt, dir.resolve("name"), options);
		// no property fails in that state: a step from it failed to evaluate; local TLC on the whole module says how
		TlaModule alone = name == null ? module
				: name.equals(TYPE_OK) ? generator.generate(program, Set.of(), true)
						: generator.generate(program, Set.of(name), false);
		Path traceDir = dir.resolve("trace");
		write(traceDir, alone);
		TlcRun run = process.runLocal(traceDir, alone.name(), alone.checkDeadlock(), options, m -> {
		});
		if (run.end() != TlcRun.End.EXITED) {
			return new Outcome(null, null, run.end() == TlcRun.End.TIMEOUT ? "time limit reached while rebuilding the"
					+ " counterexample of " + name : "cancelled", o.stats);
		}
		Outcome local = analyze(run, alone, false);
		if (name == null) {
			return new Outcome(local.violated, local.trace, local.error, o.stats);
		}
		if (!name.equals(local.violated)) {
			return new Outcome(null, null, "local TLC does not find the violation of " + name
					+ " that distributed TLC found" + (local.error == null ? "" : ": " + local.error), o.stats);
		}
		return new Outcome(name, local.trace, null, o.stats);
	}

	/** {@code distributed}: a trace without a violation message is distributed TLC's unnamed violation. */
	private static Outcome analyze(TlcRun run, TlaModule module, boolean distributed) {
		String violated = null;
		String error = null;
		long distinct = -1, generated = 0;
		int depth = 0;
		boolean success = false;
		boolean traced = false;
		long lastDistinct = -1; // from the last progress report: how far a run that died got
		Trace initial = null;
		List<ToolMessage> states = new ArrayList<>();
		for (ToolMessage m : run.messages()) {
			switch (m.code()) {
			case TlcCodes.INVARIANT_VIOLATED_BEHAVIOR, TlcCodes.INVARIANT_VIOLATED_INITIAL -> {
				Matcher v = VIOLATED.matcher(m.body());
				if (v.find()) {
					String inv = v.group(1);
					violated = inv.equals(TlaNames.TYPE_OK) ? TYPE_OK : inv.replaceFirst("^Inv_", "");
				}
				if (m.code() == TlcCodes.INVARIANT_VIOLATED_INITIAL) {
					// the initial state is in the message itself, not in a state message after it
					initial = new Trace(List.of(new ptlock.check.TraceStep(null, 0,
							TraceParser.values(m.body().split("\n")))));
				}
			}
			case TlcCodes.DEADLOCK_REACHED -> violated = Property.NO_DEADLOCK;
			case TlcCodes.STATE_PRINT2 -> states.add(m);
			case TlcCodes.TRACE_BEHAVIOR -> traced = true;
			case TlcCodes.STATS -> {
				Matcher s = STATS.matcher(m.body());
				if (s.find()) {
					generated = num(s.group(1));
					distinct = num(s.group(2));
				}
			}
			case TlcCodes.SEARCH_DEPTH -> {
				Matcher d = DEPTH.matcher(m.body());
				if (d.find()) {
					depth = Integer.parseInt(d.group(1));
				}
			}
			case TlcCodes.SUCCESS -> success = true;
			case TlcCodes.PROGRESS_STATS -> {
				Matcher p = PROGRESS.matcher(m.body());
				if (p.find()) {
					lastDistinct = num(p.group(3));
				}
			}
			default -> {
				if (m.severity() == ToolMessage.ERROR || m.severity() == ToolMessage.TLC_BUG) {
					error = error == null ? m.body() : error + "\n" + m.body();
				}
			}
			}
		}
		Stats stats = distinct < 0 ? null : new Stats(distinct, generated, depth, 0);
		if (violated != null) {
			return new Outcome(violated, initial != null ? initial : TraceParser.parse(states, module), null, stats);
		}
		if (distributed && violated == null && traced && !states.isEmpty()) {
			String[] last = states.get(states.size() - 1).body().split("\n");
			return new Outcome(null, null, null, stats, TraceParser.values(last));
		}
		if (error != null && error.contains("Port already in use")) {
			error = "the TLC server cannot listen on its port: it is in use (another distributed check, or a TLC"
					+ " server?); choose another port (--port)";
		}
		if (error == null && (!success || run.exitCode() != 0)) {
			error = "TLC ended without a result (exit code " + run.exitCode() + ")";
			if (run.stderr().contains("OutOfMemoryError")) {
				error = "TLC ran out of memory" + (lastDistinct >= 0 ? " after " + lastDistinct + " distinct states" : "")
						+ "; try a larger --heap MB or smaller bounds";
			}
		}
		return new Outcome(null, null, error, stats);
	}

	private static void live(ToolMessage m, String scenario, CheckOptions options) {
		if (m.code() == TlcCodes.PROGRESS_STATS) {
			Matcher p = PROGRESS.matcher(m.body());
			if (p.find()) {
				options.progress().progress(scenario, num(p.group(3)), num(p.group(4)), num(p.group(2)));
			}
		}
	}

	private static PropertyResult result(Program program, String property, Verdict v, Trace trace) {
		return new PropertyResult(property, v, program.expectations().get(property), trace, null);
	}

	private static CheckResult finish(Program program, Map<String, PropertyResult> results, Set<String> remaining,
			CheckStatus status, Stats stats, long start, String message) {
		for (String p : remaining) {
			results.put(p, result(program, p, Verdict.UNKNOWN, null));
		}
		List<PropertyResult> ordered = new ArrayList<>();
		for (Property p : program.properties()) {
			if (results.containsKey(p.name())) {
				ordered.add(results.get(p.name()));
			}
		}
		if (results.containsKey(TYPE_OK)) {
			ordered.add(results.get(TYPE_OK));
		}
		Stats s = new Stats(stats.distinctStates(), stats.statesGenerated(), stats.depth(),
				System.currentTimeMillis() - start);
		return ptlock.check.ModelErrors.interpret(new CheckResult(program, "tlc", status, ordered, s, message));
	}

	/**
	 * A folder of its own for one check under the work folder: NAME, or NAME-2, NAME-3... if an earlier check (of
	 * this command or another one sharing --out) has it. TLC refuses a folder that already holds its states.
	 */
	static Path freshDir(Path workDir, String name) throws IOException {
		Files.createDirectories(workDir);
		for (int i = 1;; i++) {
			Path dir = workDir.resolve(i == 1 ? name : name + "-" + i);
			try {
				return Files.createDirectory(dir);
			} catch (java.nio.file.FileAlreadyExistsException taken) {
				// next name
			}
		}
	}

	private static void write(Path dir, TlaModule module) throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve(module.name() + ".tla"), module.tla());
		Files.writeString(dir.resolve(module.name() + ".cfg"), module.cfg());
	}

	private static long num(String s) {
		return Long.parseLong(s.replace(",", ""));
	}

	private static String tail(String s) {
		String[] lines = s.strip().split("\n");
		return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
	}
}
