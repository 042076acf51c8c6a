package ptlock.sim;

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
	/** per thread (program order): the thread, and the slot of its program counter (looked up once) */
	private final ThreadIr[] threads;
	private final int[] pcSlot;
	/** the slot of ModelChecks.VAR, or -1: nothing runs in an error state (TlaGenerator guards every action) */
	private final int errorSlot;
	final FingerprintSet seen = new FingerprintSet();
	/** per state id: parent, thread and step, fingerprint (the trace is replayed from these) */
	final StateLinks links = new StateLinks();
	private final StatePacking packing;
	/** symmetry reduction: every state is replaced by its orbit's canonical form (null: none) */
	private Canonicalizer canon;
	private ptlock.ir.symmetry.Symmetry symmetry;

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
		this.threads = program.threads().toArray(ThreadIr[]::new);
		this.pcSlot = new int[threads.length];
		for (int i = 0; i < threads.length; i++) {
			pcSlot[i] = layout.offset(threads[i].pc());
		}
		ptlock.ir.Var flag = ptlock.ir.ModelChecks.flag(program);
		this.errorSlot = flag == null ? -1 : layout.offset(flag);
		this.packing = new StatePacking(layout);
	}

	/** Keeps one state per orbit of the symmetry (set before {@link #run}). */
	void reduceBy(ptlock.ir.symmetry.Symmetry sym) {
		this.symmetry = sym;
		this.canon = new Canonicalizer(program, layout, sym);
	}

	ptlock.ir.symmetry.Symmetry symmetry() {
		return symmetry;
	}

	/** The canonical form of s under the symmetry (s itself without one). */
	int[] canonical(int[] s) {
		if (canon == null) {
			return s;
		}
		int[] c = s.clone();
		canon.fresh().canonicalize(c);
		return c;
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
		return run(cancel, progress, deadlineNanos, 1);
	}

	/**
	 * Level-synchronous breadth-first search: each level's states are split between the workers, each with its own
	 * step executor; the set of seen states is shared (under a lock). Every level is finished before the next one
	 * starts, so the first violation recorded for a property is at the least depth.
	 */
	Outcome run(AtomicBoolean cancel, ProgressListener progress, long deadlineNanos, int workers) {
		Map<String, Integer> violations = new LinkedHashMap<>();
		java.util.concurrent.atomic.AtomicLong generated = new java.util.concurrent.atomic.AtomicLong();
		java.util.concurrent.ExecutorService pool = workers > 1
				? java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
					Thread t = new Thread(r, "ptlock-sim-worker");
					t.setDaemon(true);
					return t;
				})
				: null;
		List<StepExecutor> executors = new ArrayList<>();
		executors.add(exec);
		for (int w = 1; w < workers; w++) {
			executors.add(exec.fresh());
		}
		try {
			int[] init = canonical(initialState());
			int id;
			synchronized (this) {
				id = record(init, -1, -1, 0);
			}
			generated.incrementAndGet();
			check(init, id, violations, false, exec);
			PackedStates frontier = new PackedStates(packing, layout.size());
			frontier.add(init, id);
			int depth = 0;
			long lastReport = System.nanoTime();
			long lastCount = 0;
			while (!frontier.isEmpty()) {
				if (cancel.get() || System.nanoTime() > deadlineNanos) {
					return new Outcome(seen.size(), generated.get(), depth, violations, null, true);
				}
				long now = System.nanoTime();
				if (now - lastReport > 1_000_000_000L) {
					long perMinute = (seen.size() - lastCount) * 60_000_000_000L / (now - lastReport);
					progress.progress(program.title(), seen.size(), frontier.size(), perMinute);
					lastReport = now;
					lastCount = seen.size();
				}
				depth++;
				int n = frontier.size();
				int chunks = pool == null || n < 256 ? 1 : workers;
				List<PackedStates> nextStates = new ArrayList<>();
				List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
				for (int c = 0; c < chunks; c++) {
					int from = (int) ((long) c * n / chunks), to = (int) ((long) (c + 1) * n / chunks);
					PackedStates ns = new PackedStates(packing, layout.size());
					nextStates.add(ns);
					StepExecutor ex = executors.get(c);
					PackedStates states = frontier;
					Runnable work = () -> expand(states, from, to, ex, ns, violations, generated, cancel,
							deadlineNanos);
					if (chunks == 1) {
						work.run();
					} else {
						futures.add(pool.submit(work));
					}
				}
				// every worker is waited for, and out of memory wins over what it caused in another worker
				Throwable failure = null;
				for (java.util.concurrent.Future<?> f : futures) {
					try {
						f.get();
					} catch (java.util.concurrent.ExecutionException e) {
						if (failure == null || e.getCause() instanceof OutOfMemoryError) {
							failure = e.getCause();
						}
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return new Outcome(seen.size(), generated.get(), depth, violations, null, true);
					}
				}
				if (failure instanceof OutOfMemoryError oom) {
					throw oom;
				}
				if (failure instanceof EvalException ee) {
					throw ee;
				}
				if (failure != null) {
					throw new IllegalStateException(failure);
				}
				frontier = nextStates.get(0);
				for (int c = 1; c < chunks; c++) {
					frontier.addAll(nextStates.get(c));
				}
			}
			return new Outcome(seen.size(), generated.get(), depth, violations, null, false);
		} catch (EvalException e) {
			return new Outcome(seen.size(), generated.get(), 0, violations, "the model has no value here: "
					+ e.getMessage(), false);
		} catch (OutOfMemoryError e) {
			// the frontier (most of the memory) went with the stack; the count says how far the search got
			int n = seen.size();
			return new Outcome(n, generated.get(), 0, violations, "out of memory after " + n
					+ " distinct states; give the simulator more heap (PTLOCK_JAVA_OPTS=-Xmx8g ./ptlock ...) or use"
					+ " smaller bounds", false);
		} finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
	}

	/** Successors waiting to be looked up in the seen-set, in one locked batch (one lock per successor contends). */
	private static final int BATCH = 256;

	/** Expands states [from, to) of a level: their successors, new ones recorded and checked. */
	private void expand(PackedStates states, int from, int to, StepExecutor ex, PackedStates next,
			Map<String, Integer> violations, java.util.concurrent.atomic.AtomicLong generated, AtomicBoolean cancel,
			long deadlineNanos) {
		List<Env> succ = new ArrayList<>();
		java.util.function.Consumer<Env> sink = succ::add;
		Batch batch = new Batch();
		int[] buffer = new int[layout.size()];
		Canonicalizer orbit = canon == null ? null : canon.fresh();
		long made = 0; // counted locally: one shared atomic per successor would make the cores contend
		for (int k = from; k < to; k++) {
			if ((k & 4095) == 0 && (cancel.get() || System.nanoTime() > deadlineNanos)) {
				break;
			}
			// one buffer: the step executor reads the state during the step only (its successors are copies)
			int[] s = states.get(k, buffer);
			int sid = states.id(k);
			if (errorSlot >= 0 && s[errorSlot] != 0) {
				continue; // an error state ends its behaviour (not a deadlock)
			}
			boolean any = false;
			for (int ti = 0; ti < threads.length; ti++) {
				ThreadIr t = threads[ti];
				int pc = s[pcSlot[ti]];
				if (pc >= t.steps().size()) {
					continue;
				}
				Step st = t.steps().get(pc);
				succ.clear();
				ex.run(t, pc, s, sink);
				for (Env e : succ) {
					any = true;
					made++;
					if (orbit != null) {
						orbit.canonicalize(e.state);
					}
					batch.add(e, FingerprintSet.fingerprint(e.state), sid, ti, st.id());
					if (batch.size == BATCH) {
						flush(batch, next, violations, ex);
					}
				}
			}
			if (!any && checkDeadlock && !terminated(s)) {
				firstViolation(violations, Property.NO_DEADLOCK, sid);
			}
		}
		flush(batch, next, violations, ex);
		generated.addAndGet(made);
	}

	/** Records the batch's new states under the lock, then checks them outside it. */
	private void flush(Batch b, PackedStates next, Map<String, Integer> violations, StepExecutor ex) {
		synchronized (this) {
			for (int i = 0; i < b.size; i++) {
				int nid = seen.add(b.fps[i]);
				b.newIds[i] = seen.isNew() ? nid : -1;
				if (b.newIds[i] >= 0) {
					record(nid, b.envs[i].state, b.parents[i], b.threads[i], b.steps[i], b.fps[i]);
				}
			}
		}
		for (int i = 0; i < b.size; i++) {
			if (b.newIds[i] >= 0) {
				check(b.envs[i].state, b.newIds[i], violations, b.envs[i].typeError, ex);
				next.add(b.envs[i].state, b.newIds[i]);
			}
			// packed (or copied) into the next level, or seen before: the array is free again
			ex.recycle(b.envs[i]);
			b.envs[i] = null;
		}
		b.size = 0;
	}

	/** A worker's successors not yet looked up: the state, its fingerprint and how it was reached. */
	private static final class Batch {
		final Env[] envs = new Env[BATCH];
		final long[] fps = new long[BATCH];
		final int[] parents = new int[BATCH];
		final int[] threads = new int[BATCH];
		final int[] steps = new int[BATCH];
		final int[] newIds = new int[BATCH];
		int size;

		void add(Env e, long fp, int parent, int thread, int step) {
			envs[size] = e;
			fps[size] = fp;
			parents[size] = parent;
			threads[size] = thread;
			steps[size] = step;
			size++;
		}
	}

	private synchronized int record(int[] s, int parentId, int threadIndex, int stepId) {
		long f = FingerprintSet.fingerprint(s);
		int id = seen.add(f);
		record(id, s, parentId, threadIndex, stepId, f);
		return id;
	}

	private void record(int id, int[] s, int parentId, int threadIndex, int stepId, long f) {
		links.set(id, parentId, threadIndex, stepId, f);
	}

	private void check(int[] s, int id, Map<String, Integer> violations, boolean typeError, StepExecutor ex) {
		for (Map.Entry<String, Integer> flag : layout.flags().entrySet()) {
			if (s[flag.getValue()] != 0) {
				firstViolation(violations, flag.getKey(), id);
			}
		}
		if (checkTypes && typeError) {
			firstViolation(violations, SimChecker.TYPE_OK, id);
		}
		if (!invariants.isEmpty()) {
			Env env = ex.scratch(s);
			for (Property inv : invariants) {
				if (ex.evaluator().scalar(inv.invariant(), env) == 0) {
					firstViolation(violations, inv.name(), id);
				}
			}
		}
	}

	/**
	 * Keeps, per property, the violating state of least depth (several workers may find one in the same level). Ids
	 * are given level by level, so the least id is the least depth, and among a level's the first found.
	 */
	private void firstViolation(Map<String, Integer> violations, String property, int id) {
		synchronized (this) {
			Integer old = violations.get(property);
			if (old == null || id < old) {
				violations.put(property, id);
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
