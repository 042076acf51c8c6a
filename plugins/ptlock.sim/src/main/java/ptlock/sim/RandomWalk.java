package ptlock.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.ThreadIr;

/**
 * Random simulation: behaviours chosen at random among every enabled step and every nondeterministic outcome, each
 * checked as it goes. For models too big to explore exhaustively; a seed makes a run reproducible.
 */
public final class RandomWalk {
	/** One violation found: the property, the run and seed that found it, and its trace. */
	public record Finding(String property, int run, long seed, Trace trace) {
	}

	/** What the runs found, and how many steps they took in all. */
	public record Result(int runs, long steps, List<Finding> findings) {
	}

	private final Program program;

	public RandomWalk(Program program) {
		this.program = program;
	}

	/** Runs behaviours of at most maxDepth steps; run r uses the seed seed + r. Stops a run at its first violation. */
	public Result run(long seed, int runs, int maxDepth) {
		List<String> assertions = program.properties().stream().filter(p -> p.kind() == Property.Kind.ASSERTION)
				.map(Property::name).toList();
		List<String> checked = program.properties().stream().map(Property::name).toList();
		Layout layout = new Layout(program, assertions);
		StepExecutor exec = new StepExecutor(layout, Mutation.NONE);
		Search search = new Search(program, layout, exec, checked, true);
		List<Finding> findings = new ArrayList<>();
		long steps = 0;
		for (int r = 0; r < runs; r++) {
			Random rnd = new Random(seed + r);
			int[] s = search.initialState();
			List<TraceStep> trace = new ArrayList<>();
			trace.add(new TraceStep(null, 0, Values.render(layout, s)));
			for (int d = 0; d < maxDepth; d++) {
				List<int[]> next = new ArrayList<>();
				List<String> threads = new ArrayList<>();
				List<Integer> stepIds = new ArrayList<>();
				List<Boolean> typeErrors = new ArrayList<>();
				for (ThreadIr t : program.threads()) {
					int pc = s[layout.offset(t.pc())];
					if (pc >= t.steps().size()) {
						continue;
					}
					int stepId = t.steps().get(pc).id();
					exec.run(t, t.steps().get(pc), s, e -> {
						next.add(e.state);
						threads.add(t.name());
						stepIds.add(stepId);
						typeErrors.add(e.typeError);
					});
				}
				if (next.isEmpty()) {
					if (!search.terminated(s) && checked.contains(Property.NO_DEADLOCK)) {
						findings.add(new Finding(Property.NO_DEADLOCK, r, seed + r, new Trace(List.copyOf(trace))));
					}
					break;
				}
				int k = rnd.nextInt(next.size());
				s = next.get(k);
				steps++;
				trace.add(new TraceStep(threads.get(k), stepIds.get(k), Values.render(layout, s)));
				String violated = firstViolated(layout, exec, s, typeErrors.get(k));
				if (violated != null) {
					findings.add(new Finding(violated, r, seed + r, new Trace(List.copyOf(trace))));
					break;
				}
			}
		}
		return new Result(runs, steps, findings);
	}

	private String firstViolated(Layout layout, StepExecutor exec, int[] s, boolean typeError) {
		for (var flag : layout.flags().entrySet()) {
			if (s[flag.getValue()] != 0) {
				return flag.getKey();
			}
		}
		if (typeError) {
			return SimChecker.TYPE_OK;
		}
		Env env = new Env(s);
		for (Property p : program.properties()) {
			if (p.kind() == Property.Kind.INVARIANT && exec.evaluator().scalar(p.invariant(), env) == 0) {
				return p.name();
			}
		}
		return null;
	}
}
