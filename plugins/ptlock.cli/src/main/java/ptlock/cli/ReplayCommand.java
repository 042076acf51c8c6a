package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.check.PropertyResult;
import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.report.JsonReader;
import ptlock.report.RaceRenderer;
import ptlock.sim.SimChecker;

/**
 * ptlock replay SPEC RESULT.json: replays the counterexamples that 'ptlock check --json' saved, step by step in the
 * simulator, and says whether each is still a behaviour of the spec (after the spec changed, say).
 */
final class ReplayCommand {
	static final Set<String> FLAGS = Set.of();
	static final Set<String> VALUED = Set.of();

	ExitCode run(Args a, PrintStream out, PrintStream err) throws Args.UsageException, IOException {
		if (a.positional.size() != 2) {
			throw new Args.UsageException("replay needs a .ptl file and the JSON that 'ptlock check --json' wrote");
		}
		List<Program> programs = new Specs().programs(Path.of(a.positional.get(0)), null, err, false);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		Object json;
		try {
			json = JsonReader.parse(Files.readString(Path.of(a.positional.get(1))));
		} catch (IllegalArgumentException e) {
			err.println(a.positional.get(1) + ": " + e.getMessage());
			return ExitCode.USAGE;
		}
		ExitCode code = ExitCode.OK;
		int replayed = 0;
		for (Object result : list(map(json).get("results"))) {
			Map<String, Object> r = map(result);
			Program p = programs.stream().filter(x -> x.scenario().equals(r.get("scenario"))
					&& java.util.Objects.equals(x.arch(), r.get("arch"))).findFirst().orElse(null);
			if (p == null) {
				err.println("the spec has no scenario " + r.get("scenario") + (r.get("arch") == null ? "" : "@" + r.get("arch")));
				code = ExitCode.SPEC_ERROR;
				continue;
			}
			for (Object prop : list(r.get("properties"))) {
				Map<String, Object> pm = map(prop);
				if (pm.get("trace") == null) {
					continue;
				}
				Trace t = trace(list(pm.get("trace")));
				boolean ok = new SimChecker().replays(p, t);
				replayed++;
				out.println(p.title() + ": the counterexample for " + pm.get("property")
						+ (ok ? " replays" : " does NOT replay") + " (" + (t.steps().size() - 1) + " steps)");
				if (ok) {
					out.print(new RaceRenderer().render(p,
							new PropertyResult((String) pm.get("property"), Verdict.VIOLATED, null, t, null)));
				} else {
					code = ExitCode.UNEXPECTED_VERDICT;
				}
			}
		}
		if (replayed == 0) {
			out.println("no counterexample in " + a.positional.get(1));
		}
		return code;
	}

	private static Trace trace(List<Object> steps) {
		List<TraceStep> out = new ArrayList<>();
		for (Object o : steps) {
			Map<String, Object> s = map(o);
			Map<String, String> values = new LinkedHashMap<>();
			map(s.get("state")).forEach((k, v) -> values.put(k, String.valueOf(v)));
			Object step = s.get("step");
			out.add(new TraceStep((String) s.get("thread"), step == null ? 0 : ((Number) step).intValue(), values));
		}
		return new Trace(out);
	}

	private static Map<String, Object> map(Object o) {
		return JsonReader.asMap(o);
	}

	private static List<Object> list(Object o) {
		return JsonReader.asList(o);
	}
}
