package ptlock.report.sarif;

import java.util.LinkedHashMap;
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

/**
 * A hand-built scenario: cpu0 (zap) and cpu1 (fault) race on x, four steps interleaved cpu0, cpu1, cpu0, cpu1; the
 * last step (cpu1's second, specs/seed/mm.ptl:31:5) breaks property "safe".
 */
final class Races {
	static final String FILE = "specs/seed/mm.ptl";

	private Races() {
	}

	static Program program(Map<String, Verdict> expectations) {
		return program(FILE, expectations);
	}

	static Program program(String file, Map<String, Verdict> expectations) {
		Type r = new Type.Range(0, 3);
		ThreadIr cpu0 = thread(1, "cpu0", "zap(1)", file, 20, r);
		ThreadIr cpu1 = thread(2, "cpu1", "fault(1)", file, 30, r);
		List<Property> props = List.of(
				new Property("safe", Property.Kind.ASSERTION, "no PTE is written after its table is freed", null,
						new SourceLoc(file, 32, 3, "\tassert(x != 3) as safe;")),
				new Property(Property.NO_DEADLOCK, Property.Kind.DEADLOCK, null, null, SourceLoc.NONE));
		return new Program("mm", "race", "x86_64", "p03", null, new SourceLoc(file, 40, 1, "scenario race {"),
				List.of(new Var("x", "x", r, null)), List.of(), List.of(cpu0, cpu1), props, expectations, Map.of());
	}

	private static ThreadIr thread(int index, String name, String path, String file, int line, Type r) {
		Var pc = new Var("pc_" + name, "pc", r, name);
		List<Step> steps = List.of(new Step(1, name + "_first();", new SourceLoc(file, line, 2, "\tfirst();"), List.of()),
				new Step(2, name + "_second(x);", new SourceLoc(file, line + 1, 5, "\t\tsecond(x);"), List.of()));
		return new ThreadIr(index, name, path, false, pc, List.of(), steps, 1);
	}

	/** The race: x goes 0, 1, 1, 2, 3 (cpu1's first step changes nothing but its pc). */
	static Trace race() {
		return new Trace(List.of(state(null, 0, "0", "s1", "s1"), state("cpu0", 1, "1", "s2", "s1"),
				state("cpu1", 1, "1", "s2", "s2"), state("cpu0", 2, "2", "Done", "s2"),
				state("cpu1", 2, "3", "Done", "Done")));
	}

	private static TraceStep state(String thread, int step, String x, String pc0, String pc1) {
		Map<String, String> v = new LinkedHashMap<>();
		v.put("x", x);
		v.put("pc_cpu0", "\"" + pc0 + "\"");
		v.put("pc_cpu1", "\"" + pc1 + "\"");
		return new TraceStep(thread, step, v);
	}

	static CheckResult check(Program p, String engine, PropertyResult... results) {
		return new CheckResult(p, engine, CheckStatus.COMPLETED, List.of(results), Stats.NONE, null);
	}
}
