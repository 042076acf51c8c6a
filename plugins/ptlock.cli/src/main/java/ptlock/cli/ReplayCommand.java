package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import ptlock.check.PropertyResult;
import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.ThreadIr;
import ptlock.ir.Verdict;
import ptlock.report.Json;
import ptlock.report.RaceRenderer;
import ptlock.report.json.CheckDocument;
import ptlock.report.json.JsonDocumentException;
import ptlock.sim.SimChecker;

/**
 * ptlock replay SPEC RESULT.json: replays the counterexamples that 'ptlock check --json' saved, step by step in the
 * simulator, and says whether each is still a behaviour of the spec (after the spec changed, say).
 */
@Command(name = "replay", description = "Replay the counterexamples that 'ptlock check --json' saved, step by step in"
		+ " the simulator, and say whether each is still a behaviour of the spec.")
final class ReplayCommand extends Subcommand {
	@Parameters(index = "0", paramLabel = "SPEC.ptl")
	Path spec;
	@Parameters(index = "1", paramLabel = "RESULT.json", description = "what 'ptlock check --json' wrote")
	String result;

	@picocli.CommandLine.Mixin
	RaceWidth raceWidth;

	ReplayCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws IOException, UsageException {
		PrintStream out = io.out();
		PrintStream err = io.err();
		List<Program> programs = new Specs(io).programs(spec, null, err, false);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		CheckDocument doc;
		try {
			doc = CheckDocument.read(Json.parse(Path.of(result)));
		} catch (JsonDocumentException e) {
			err.println(e.describe(result));
			return ExitCode.USAGE;
		}
		ExitCode code = ExitCode.OK;
		int replayed = 0;
		for (CheckDocument.Result r : doc.results()) {
			Program p = programs.stream().filter(x -> x.scenario().equals(r.scenario())
					&& java.util.Objects.equals(x.arch(), r.arch())).findFirst().orElse(null);
			if (p == null) {
				err.println("the spec has no scenario " + r.scenario() + (r.arch() == null ? "" : "@" + r.arch()));
				code = ExitCode.SPEC_ERROR;
				continue;
			}
			for (CheckDocument.Counterexample c : r.counterexamples()) {
				Trace t = c.trace();
				String missing = unknownStep(p, t);
				boolean ok = missing == null && new SimChecker().replays(p, t);
				replayed++;
				out.println(p.title() + ": the counterexample for " + c.property()
						+ (ok ? " replays" : " does NOT replay") + " (" + (t.steps().size() - 1) + " steps"
						+ (missing == null ? "" : "; " + missing) + ")");
				if (ok) {
					out.print(new RaceRenderer(raceWidth.width()).render(p,
							new PropertyResult(c.property(), Verdict.VIOLATED, null, t, null)));
				} else {
					code = ExitCode.UNEXPECTED_VERDICT;
				}
			}
		}
		if (replayed == 0) {
			out.println("no counterexample in " + result);
		}
		return code;
	}

	/** Why the trace cannot be a behaviour of this program at all (a thread or step it lacks: the spec changed). */
	private static String unknownStep(Program p, Trace t) {
		for (TraceStep s : t.steps().subList(1, t.steps().size())) {
			ThreadIr thread = p.threads().stream().filter(x -> x.name().equals(s.thread())).findFirst().orElse(null);
			if (thread == null) {
				return "the scenario has no thread " + s.thread();
			}
			if (thread.steps().stream().noneMatch(x -> x.id() == s.step())) {
				return s.thread() + " has no step " + s.step();
			}
		}
		return null;
	}
}
