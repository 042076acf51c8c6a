package ptlock.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.check.Stats;
import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.ThreadIr;
import ptlock.ir.Verdict;

/**
 * Checks a scenario with the simulator: one breadth-first search over every reachable state gives every property
 * its verdict and each violated one a shortest counterexample. Instance-based: several checks may run in one JVM.
 */
public final class SimChecker {
	/** The pseudo-property reported when a variable leaves its declared type (as TLC's TypeOK). */
	public static final String TYPE_OK = ptlock.check.ModelErrors.TYPE_OK;

	private final Mutation mutation;

	public SimChecker() {
		this(Mutation.NONE);
	}

	/** A checker with one micro-operation deliberately broken (tests of the conformance check only). */
	public SimChecker(Mutation mutation) {
		this.mutation = mutation;
	}

	public CheckResult check(Program program, CheckOptions options) {
		long start = System.currentTimeMillis();
		List<String> checked = program.properties().stream().map(Property::name).toList();
		List<String> assertions = program.properties().stream().filter(p -> p.kind() == Property.Kind.ASSERTION)
				.map(Property::name).toList();
		Layout layout = new Layout(program, assertions);
		StepExecutor exec = new StepExecutor(layout, mutation);
		Search search = new Search(program, layout, exec, checked, true);
		String reduction = null;
		if (options.symmetry()) {
			ptlock.ir.symmetry.Symmetry sym = ptlock.ir.symmetry.Symmetry.of(program);
			reduction = sym.describe(program);
			if (sym.active()) {
				search.reduceBy(sym);
			}
		}
		long deadline = options.deadlineNanos();
		Search.Outcome o = search.run(options.cancel(), options.progress(), deadline, workers());
		CheckStatus status = o.error() != null ? CheckStatus.FAILED
				: o.stopped() ? (options.cancel().get() ? CheckStatus.CANCELLED : CheckStatus.TIMEOUT)
						: CheckStatus.COMPLETED;
		Map<String, PropertyResult> results = new LinkedHashMap<>();
		for (Property p : program.properties()) {
			Integer at = o.violations().get(p.name());
			Verdict v = at != null ? Verdict.VIOLATED : status == CheckStatus.COMPLETED ? Verdict.HOLDS : Verdict.UNKNOWN;
			results.put(p.name(), new PropertyResult(p.name(), v, program.expectations().get(p.name()),
					at == null ? null : trace(program, layout, exec, search, at), null));
		}
		Integer typeAt = o.violations().get(TYPE_OK);
		if (typeAt != null) {
			results.put(TYPE_OK, new PropertyResult(TYPE_OK, Verdict.VIOLATED, Verdict.HOLDS,
					trace(program, layout, exec, search, typeAt), "a variable took a value outside its declared type"));
		}
		String message = o.error() != null ? o.error()
				: status == CheckStatus.TIMEOUT ? "time limit of " + options.timeoutSeconds() + " s reached"
						: status == CheckStatus.CANCELLED ? "cancelled" : null;
		return ptlock.check.ModelErrors.interpret(new CheckResult(program, "sim", status,
				new ArrayList<>(results.values()),
				new Stats(o.distinct(), o.generated(), o.depth(), System.currentTimeMillis() - start, reduction),
				message));
	}

	/** Distinct reachable states with every property checked (for conformance with TLC's count). */
	public long countStates(Program program) {
		List<String> assertions = program.properties().stream().filter(p -> p.kind() == Property.Kind.ASSERTION)
				.map(Property::name).toList();
		Layout layout = new Layout(program, assertions);
		Search search = new Search(program, layout, new StepExecutor(layout, mutation), List.of(), false);
		return search.run(new java.util.concurrent.atomic.AtomicBoolean(), ptlock.check.ProgressListener.NONE,
				Long.MAX_VALUE, workers()).distinct();
	}

	/** The search uses every core (at most 8): levels are split between workers. */
	static int workers() {
		return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * Whether a trace found by another engine (thread, step and state values at each step) is a behaviour of the
	 * simulator: from the initial state, each step must have a successor whose values equal the trace's next state.
	 */
	public boolean replays(Program program, Trace trace) {
		List<String> assertions = program.properties().stream().filter(p -> p.kind() == Property.Kind.ASSERTION)
				.map(Property::name).toList();
		Layout layout = new Layout(program, assertions);
		StepExecutor exec = new StepExecutor(layout, mutation);
		Search search = new Search(program, layout, exec, List.of(), false);
		int[] s = search.initialState();
		if (trace.steps().isEmpty() || !same(Values.render(layout, s), trace.steps().get(0).values())) {
			return false;
		}
		for (TraceStep step : trace.steps().subList(1, trace.steps().size())) {
			if (step.thread() == null) {
				return false;
			}
			ThreadIr t = program.thread(step.thread());
			if (s[layout.offset(t.pc())] != step.step() - 1) {
				return false;
			}
			int[][] found = new int[1][];
			exec.run(t, t.step(step.step()), s, e -> {
				if (found[0] == null && same(Values.render(layout, e.state), step.values())) {
					found[0] = e.state;
				}
			});
			if (found[0] == null) {
				return false;
			}
			s = found[0];
		}
		return true;
	}

	private static boolean same(Map<String, String> sim, Map<String, String> other) {
		for (Map.Entry<String, String> e : other.entrySet()) {
			String mine = sim.get(e.getKey());
			if (mine == null || !ValueText.normalize(mine).equals(ValueText.normalize(e.getValue()))) {
				return false;
			}
		}
		return true;
	}

	/** The thread a link names, then (under symmetry) the threads identical to it. */
	private static List<ThreadIr> candidates(Program program, Search search, ThreadIr recorded) {
		List<ThreadIr> out = new ArrayList<>(List.of(recorded));
		if (search.symmetry() != null) {
			int at = program.threads().indexOf(recorded);
			for (int[] g : search.symmetry().groups()) {
				if (java.util.Arrays.stream(g).anyMatch(x -> x == at)) {
					for (int x : g) {
						if (x != at) {
							out.add(program.threads().get(x));
						}
					}
				}
			}
		}
		return out;
	}

	/** Rebuilds the states from the initial one to the given one by replaying the recorded steps. */
	private static Trace trace(Program program, Layout layout, StepExecutor exec, Search search, int id) {
		Deque<Integer> chain = new ArrayDeque<>();
		for (int i = id; i >= 0; i = search.links.parent(i)) {
			chain.push(i);
		}
		List<TraceStep> steps = new ArrayList<>();
		int[] s = search.initialState();
		chain.pop();
		steps.add(new TraceStep(null, 0, Values.render(layout, s)));
		while (!chain.isEmpty()) {
			int next = chain.pop();
			ThreadIr recorded = program.threads().get(search.links.thread(next));
			int stepId = search.links.step(next);
			long want = search.links.fingerprint(next);
			int[][] found = new int[1][];
			ThreadIr[] by = new ThreadIr[1];
			// under symmetry the links hold canonical states: the concrete step is one of an identical thread's
			for (ThreadIr t : candidates(program, search, recorded)) {
				int[] from = s;
				if (found[0] != null || from[layout.offset(t.pc())] != t.steps().indexOf(t.step(stepId))) {
					continue;
				}
				exec.run(t, t.step(stepId), from, e -> {
					if (found[0] == null && FingerprintSet.fingerprint(search.canonical(e.state)) == want) {
						found[0] = e.state;
						by[0] = t;
					}
				});
			}
			if (found[0] == null) {
				throw new IllegalStateException("cannot replay step " + stepId + " of " + recorded.name());
			}
			s = found[0];
			steps.add(new TraceStep(by[0].name(), stepId, Values.render(layout, s)));
		}
		return new Trace(steps);
	}
}
