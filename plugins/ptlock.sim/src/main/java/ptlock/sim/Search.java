package ptlock.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import ptlock.check.ProgressListener;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.Step;
import ptlock.ir.ThreadIr;
import ptlock.ir.Var;

/**
 * Breadth-first search of every reachable state (as TLC's model checking does), recording for each property the
 * first state that violates it: the first found is at the least depth, so its trace is a shortest counterexample.
 * The whole state space is explored once, whatever is violated, so that every property gets its verdict in one run.
 */
final class Search {
	/** What the search found. */
	record Outcome(int distinct, long generated, int depth, Map<String, Integer> violations, String error,
			boolean stopped) {
	}

	private final Program program;
	private final Layout layout;
	private final StepExecutor exec;
	private final List<Property> invariants = new ArrayList<>();
	private final boolean checkDeadlock;
	private final boolean checkTypes;
	final FingerprintSet seen = new FingerprintSet();
	// per state index: parent index, thread index (0-based, -1 for initial), step id, and fingerprint
	int[] parent = new int[1024];
	int[] thread = new int[1024];
	int[] step = new int[1024];
	long[] fp = new long[1024];
	int[] depthOf = new int[1024];

	Search(Program program, Layout layout, StepExecutor exec, List<String> checked, boolean checkTypes) {
		this.program = program;
		this.layout = layout;
		this.exec = exec;
		boolean deadlock = false;
		for (Property p : program.properties()) {
			if (!checked.contains(p.name())) {
				continue;
			}
			if (p.kind() == Property.Kind.INVARIANT) {
				invariants.add(p);
			} else if (p.kind() == Property.Kind.DEADLOCK) {
				deadlock = true;
			}
		}
		this.checkDeadlock = deadlock;
		this.checkTypes = checkTypes;
	}

	int[] initialState() {
		int[] s = new int[layout.size()];
		for (Var v : layout.vars()) {
			StepExecutor.fillDefault(v.type(), s, layout.offset(v));
		}
		for (ThreadIr t : program.threads()) {
			s[layout.offset(t.pc())] = t.entry() == 0 ? t.steps().size() : t.entry() - 1;
		}
		exec.runInit(program.init(), s);
		return s;
	}

	Outcome run(AtomicBoolean cancel, ProgressListener progress, long deadlineNanos) {
		Map<String, Integer> violations = new LinkedHashMap<>();
		long generated = 0;
		int maxDepth = 0;
		ArrayDeque<int[]> queue = new ArrayDeque<>();
		ArrayDeque<Integer> queueIds = new ArrayDeque<>();
		try {
			int[] init = initialState();
			int id = record(init, -1, -1, 0);
			generated++;
			check(init, id, violations, false);
			queue.add(init);
			queueIds.add(id);
			long lastReport = System.nanoTime();
			while (!queue.isEmpty()) {
				int[] s = queue.poll();
				int sid = queueIds.poll();
				if ((seen.size() & 1023) == 0) {
					if (cancel.get() || System.nanoTime() > deadlineNanos) {
						return new Outcome(seen.size(), generated, maxDepth, violations, null, true);
					}
					if (System.nanoTime() - lastReport > 1_000_000_000L) {
						progress.progress(program.title(), seen.size(), queue.size(), 0);
						lastReport = System.nanoTime();
					}
				}
				boolean[] any = { false };
				for (int ti = 0; ti < program.threads().size(); ti++) {
					ThreadIr t = program.threads().get(ti);
					int pc = s[layout.offset(t.pc())];
					if (pc >= t.steps().size()) {
						continue;
					}
					Step st = t.steps().get(pc);
					int threadIndex = ti;
					List<Env> next = new ArrayList<>();
					exec.run(t, st, s, next::add);
					for (Env e : next) {
						any[0] = true;
						generated++;
						long f = FingerprintSet.fingerprint(e.state);
						int nid = seen.add(f);
						if (seen.isNew()) {
							record(nid, e.state, sid, threadIndex, st.id(), f);
							maxDepth = Math.max(maxDepth, depthOf[nid]);
							check(e.state, nid, violations, e.typeError);
							queue.add(e.state);
							queueIds.add(nid);
						}
					}
				}
				if (!any[0] && checkDeadlock && !terminated(s) && !violations.containsKey(Property.NO_DEADLOCK)) {
					violations.put(Property.NO_DEADLOCK, sid);
				}
			}
			return new Outcome(seen.size(), generated, maxDepth + 1, violations, null, false);
		} catch (EvalException e) {
			return new Outcome(seen.size(), generated, maxDepth + 1, violations, e.getMessage(), false);
		}
	}

	private int record(int[] s, int parentId, int threadIndex, int stepId) {
		long f = FingerprintSet.fingerprint(s);
		int id = seen.add(f);
		record(id, s, parentId, threadIndex, stepId, f);
		return id;
	}

	private void record(int id, int[] s, int parentId, int threadIndex, int stepId, long f) {
		parent = FingerprintSet.grow(parent, id);
		thread = FingerprintSet.grow(thread, id);
		step = FingerprintSet.grow(step, id);
		depthOf = FingerprintSet.grow(depthOf, id);
		if (id >= fp.length) {
			fp = java.util.Arrays.copyOf(fp, Math.max(id + 1, fp.length * 2));
		}
		parent[id] = parentId;
		thread[id] = threadIndex;
		step[id] = stepId;
		fp[id] = f;
		depthOf[id] = parentId < 0 ? 0 : depthOf[parentId] + 1;
	}

	private void check(int[] s, int id, Map<String, Integer> violations, boolean typeError) {
		for (Map.Entry<String, Integer> flag : layout.flags().entrySet()) {
			if (s[flag.getValue()] != 0) {
				violations.putIfAbsent(flag.getKey(), id);
			}
		}
		if (checkTypes && typeError) {
			violations.putIfAbsent(SimChecker.TYPE_OK, id);
		}
		if (!invariants.isEmpty()) {
			Env env = new Env(s);
			for (Property inv : invariants) {
				if (!violations.containsKey(inv.name()) && exec.evaluator().scalar(inv.invariant(), env) == 0) {
					violations.put(inv.name(), id);
				}
			}
		}
	}

	/** Every thread that must finish has finished (TLA+'s Terminated: a stutter step, not a deadlock). */
	boolean terminated(int[] s) {
		for (ThreadIr t : program.threads()) {
			if (!t.daemon() && s[layout.offset(t.pc())] < t.steps().size()) {
				return false;
			}
		}
		return true;
	}
}
