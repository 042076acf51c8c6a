package ptlock.report.junit;

import java.util.List;
import java.util.Map;

import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.check.Stats;
import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.SourceLoc;
import ptlock.ir.Step;
import ptlock.ir.ThreadIr;
import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.ir.Verdict;

/** Small hand-built programs and results: two CPUs racing on one page-table entry. */
final class JunitPrograms {
	static final String FILE = "specs/mremap.ptl";

	private JunitPrograms() {
	}

	static Program program(String file, String spec, String scenario, String arch, String patch,
			Map<String, String> ignored) {
		SourceLoc at = new SourceLoc(file, 3, 1, "scenario " + scenario);
		Var pte = new Var("pte", "pte", new Type.Range(0, 2), null);
		List<Property> props = List.of(new Property("no_stale_tlb", Property.Kind.INVARIANT, null, null, at),
				new Property("no_deadlock", Property.Kind.DEADLOCK, null, null, at));
		return new Program(spec, scenario, arch, patch, "the doc", at, List.of(pte), List.of(),
				List.of(thread(1, "zap", "zap_pte_range()", "pte_clear(ptep);", file, 10),
						thread(2, "fault", "do_anonymous_page()", "set_pte_at(ptep, 2);", file, 20)),
				props, Map.of(), ignored);
	}

	static Program program() {
		return program(FILE, "mremap", "move_race", "x86", null, Map.of());
	}

	private static ThreadIr thread(int index, String name, String path, String label, String file, int line) {
		Var pc = new Var("pc_" + name, "pc", new Type.Range(0, 1), name);
		Step step = new Step(1, label, new SourceLoc(file, line, 5, label), List.of());
		return new ThreadIr(index, name, path, false, pc, List.of(), List.of(step), 1);
	}

	/** zap clears the entry, then fault installs one: the trace the renderer draws. */
	static Trace race() {
		return new Trace(List.of(new TraceStep(null, 0, Map.of("pte", "1")), new TraceStep("zap", 1, Map.of("pte", "0")),
				new TraceStep("fault", 1, Map.of("pte", "2"))));
	}

	static PropertyResult verdict(String property, Verdict verdict, Verdict expected) {
		return new PropertyResult(property, verdict, expected, verdict == Verdict.VIOLATED ? race() : null, null);
	}

	static CheckResult result(Program p, String engine, CheckStatus status, long millis, String message,
			PropertyResult... properties) {
		return new CheckResult(p, engine, status, List.of(properties), new Stats(12, 30, 3, millis), message);
	}
}
