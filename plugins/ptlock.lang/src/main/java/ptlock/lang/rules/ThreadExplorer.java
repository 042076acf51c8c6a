package ptlock.lang.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import ptlock.ir.Expr;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.ThreadIr;
import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.lang.validation.IssueCodes;

/**
 * Follows one thread alone through its lowered steps, every way its branches can go, with shared state unknown:
 * the control-flow graph the back ends run, after parameter binding and constant folding. Each micro-operation
 * has the meaning StepExecutor gives it, on what the thread knows ({@link AbstractEval}); marks go to
 * {@link Effects}. At the end of the thread, what it still holds is a finding.
 */
final class ThreadExplorer {
	/** A thread with more abstract states is followed this far only: its findings are then incomplete, never wrong. */
	private static final int MAX_STATES = 20_000;

	/**
	 * Abstract states alive at once inside one step: beyond it (three unknown PMD values put together from halves in
	 * one atomic block) the thread is followed no further, like MAX_STATES.
	 */
	private static final int MAX_IN_STEP = 4_000;

	/** The thread's abstract states grew past a bound: what was found so far stands. */
	private static final class OverBudget extends RuntimeException {
		private static final long serialVersionUID = 1L;

		OverBudget() {
			super(null, null, false, false);
		}
	}

	private final Effects effects;
	private final Findings findings;

	ThreadExplorer(Effects effects, Findings findings) {
		this.effects = effects;
		this.findings = findings;
	}

	void explore(ThreadIr thread, Set<String> stable) {
		if (thread.entry() == 0) {
			return;
		}
		Map<Integer, Step> steps = new HashMap<>();
		thread.steps().forEach(s -> steps.put(s.id(), s));
		AState init = new AState();
		init.stable = stable;
		init.pc = thread.entry();
		for (Var v : thread.locals()) {
			init.locals.put(v.name(), AValue.zero(v.type()));
		}
		Liveness live = new Liveness(thread);
		Deque<AState> queue = new ArrayDeque<>();
		Set<AState.Key> visited = new HashSet<>();
		queue.add(init);
		visited.add(init.key());
		try {
			follow(queue, visited, steps, live);
		} catch (OverBudget e) {
			// incomplete, never wrong
		}
	}

	private void follow(Deque<AState> queue, Set<AState.Key> visited, Map<Integer, Step> steps, Liveness live) {
		while (!queue.isEmpty() && visited.size() < MAX_STATES) {
			AState s = queue.poll();
			if (s.pc == 0) {
				end(s);
				continue;
			}
			Step step = steps.get(s.pc);
			if (step == null) {
				continue;
			}
			run(step.body(), List.of(s), next -> {
				next.temps.clear();
				next.bound.clear();
				next.aliases.clear();
				forgetDead(next, live.at(next.pc));
				if (visited.add(next.key())) {
					queue.add(next);
				}
			});
		}
	}

	/**
	 * Runs a list of micro-operations on each of the states, one operation at a time: the states that fall through
	 * the end are returned, those that leave the step (Goto, Halt) go to 'emit'. After each operation the states
	 * that became equal are merged, so that a step of k sequential ifs costs k, not 2^k, paths (flush_tlb_range()'s
	 * loop over the CPUs, rcu_free_tables()' loop over the tables).
	 */
	private List<AState> run(List<Stmt> body, List<AState> in, Consumer<AState> emit) {
		List<AState> cur = in;
		for (Stmt op : body) {
			List<AState> out = new ArrayList<>();
			for (AState s : cur) {
				out.addAll(exec(op, s, emit));
			}
			cur = merged(out);
			if (cur.size() > MAX_IN_STEP) {
				throw new OverBudget();
			}
			if (cur.isEmpty()) {
				break;
			}
		}
		return cur;
	}

	private static List<AState> merged(List<AState> states) {
		if (states.size() < 2) {
			return states;
		}
		Map<AState.KeyInStep, AState> byKey = new LinkedHashMap<>();
		for (AState s : states) {
			byKey.putIfAbsent(s.keyInStep(), s);
		}
		return new ArrayList<>(byKey.values());
	}

	/** One micro-operation: the states it falls through to. */
	private List<AState> exec(Stmt op, AState s, Consumer<AState> emit) {
		List<AState> out = new ArrayList<>();
		switch (op) {
		// a copy of an unknown local is split first, so that the copy and the original stay the same value
		case Stmt.Assign a -> AbstractEval.concretizeCopy(s, a.value())
				.forEach(x -> out.add(assign(a.target(), a.value(), AbstractEval.eval(a.value(), x), x)));
		case Stmt.Await a -> out.addAll(AbstractEval.refine(s, a.cond(), true));
		case Stmt.Assert a -> out.add(s);
		case Stmt.Let l -> {
			for (AState x : AbstractEval.concretizeCopy(s, l.value())) {
				AState c = x.copy();
				AValue v = AbstractEval.eval(l.value(), x);
				if (v instanceof AValue.Unknown u && finite(l.temp().type())) {
					v = new AValue.Unknown(l.temp().type(), u.excluded());
				}
				c.temps.put(l.temp().name(), v);
				// a copy of a local (a call's argument) keeps the identity of where it was copied from
				AbstractEval.Access from = AbstractEval.access(l.value(), x);
				if (from != null) {
					c.aliases.put(l.temp().name(), AbstractEval.name(from, x));
				}
				out.add(c);
			}
		}
		case Stmt.If f -> {
			out.addAll(run(f.then(), AbstractEval.refine(s, f.cond(), true), emit));
			out.addAll(run(f.otherwise(), AbstractEval.refine(s, f.cond(), false), emit));
		}
		case Stmt.Either e -> e.branches().forEach(b -> out.addAll(run(b, List.of(s), emit)));
		case Stmt.Pick p -> {
			AState c = s.copy();
			Integer lo = AbstractEval.intOf(AbstractEval.eval(p.lo(), s));
			Integer hi = AbstractEval.intOf(AbstractEval.eval(p.hi(), s));
			Type t = lo != null && hi != null && lo <= hi ? new Type.Range(lo, hi) : p.bound().type();
			c.temps.put(p.bound().name(), AValue.unknown(t));
			for (AState r : p.cond() == null ? List.of(c) : AbstractEval.refine(c, p.cond(), true)) {
				out.add(p.target() == null ? r : assign(p.target(), null, r.temps.get(p.bound().name()), r));
			}
		}
		case Stmt.Goto g -> {
			AState c = s.copy();
			c.pc = g.step();
			emit.accept(c);
		}
		case Stmt.Halt h -> {
			AState c = s.copy();
			c.pc = 0;
			emit.accept(c);
		}
		case Stmt.Mark m -> out.addAll(effects.apply(m, s));
		// a model error is a bug of the spec, not a kernel behaviour: the rules follow the path that has a value
		case Stmt.Check c -> out.add(s);
		}
		return out;
	}

	/** Locals no later step reads are forgotten (they are what the kernel's compiler would reuse the register of). */
	private static void forgetDead(AState s, Set<String> live) {
		s.locals.keySet().removeIf(v -> !live.contains(v) && !v.contains("_arg_"));
		s.provenance.keySet().removeIf(k -> !live.contains(root(k)));
		s.notNone.removeIf(k -> !live.contains(root(k)));
		// what was established about a pointer kept in a local nobody reads again is of no use any more
		s.nolock.keySet().removeIf(k -> k.startsWith("@") && !live.contains(root(k.substring(1))));
		s.verified.removeIf(k -> k.startsWith("@") && !live.contains(root(k.substring(1))));
		// the class of a lock id matters while it is held or a live local may still name it
		if (!s.classes.isEmpty()) {
			Set<Object> named = new HashSet<>();
			s.locals.values().forEach(v -> knownScalars(v, named));
			s.classes.keySet().removeIf(k -> !s.holds(k) && !(k.startsWith("#") && named.contains(id(k))));
		}
	}

	private static Integer id(String lockKey) {
		try {
			return Integer.valueOf(lockKey.substring(1));
		} catch (NumberFormatException e) {
			return null;
		}
	}

	private static void knownScalars(AValue v, Set<Object> out) {
		switch (v) {
		case AValue.Known k -> out.add(k.value());
		case AValue.Rec r -> r.fields().forEach(f -> knownScalars(f, out));
		case AValue.Arr a -> a.elems().forEach(e -> knownScalars(e, out));
		case AValue.Unknown u -> {
		}
		}
	}

	private static String root(String access) {
		int i = 0;
		while (i < access.length() && access.charAt(i) != '.' && access.charAt(i) != '[') {
			i++;
		}
		return access.substring(0, i);
	}

	/**
	 * An assignment to a local or temp; one to shared state is forgotten (it is unknown when read anyway). A copy of
	 * a pointer (a callee's 'return p' into its caller's local) carries what was established about it: its *_nolock
	 * map and whether it was rechecked.
	 */
	private static AState assign(Expr target, Expr source, AValue value, AState s) {
		// an unknown takes the type of where it is stored (an int result into a 0..N_SPINLOCKS local can be split)
		AValue v = value instanceof AValue.Unknown u && finite(target.type())
				? new AValue.Unknown(target.type(), u.excluded()) : value;
		AbstractEval.Access a = AbstractEval.access(target, s);
		Expr root = root(target);
		if (a == null && !(root instanceof Expr.TempRef) && !(root instanceof Expr.VarRef r && !r.var().isGlobal())) {
			return s;
		}
		AState c = s.copy();
		if (a == null) {
			// an element at an unknown index of a local array: the whole array is unknown now
			a = AbstractEval.access(root, c);
			AbstractEval.set(c, a, AValue.unknown(root.type()));
		} else {
			AbstractEval.set(c, a, v);
		}
		pointerFacts(source, s, "@" + AbstractEval.name(a, c), c);
		String prefix = a.root();
		c.provenance.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + ".") || k.startsWith(prefix + "["));
		c.notNone.removeIf(k -> k.equals(prefix) || k.startsWith(prefix + ".") || k.startsWith(prefix + "["));
		return c;
	}

	private static void pointerFacts(Expr source, AState before, String to, AState c) {
		c.nolock.remove(to);
		c.verified.remove(to);
		AbstractEval.Access f = source == null ? null : AbstractEval.access(source, before);
		if (f == null) {
			return;
		}
		String from = "@" + AbstractEval.name(f, before);
		AState.Nolock n = before.nolock.get(from);
		if (n != null) {
			c.nolock.put(to, n);
		}
		if (before.verified.contains(from)) {
			c.verified.add(to);
		}
	}

	private static boolean finite(ptlock.ir.Type t) {
		return t instanceof ptlock.ir.Type.Bool || t instanceof ptlock.ir.Type.Enum || t instanceof ptlock.ir.Type.Record
				|| (t instanceof ptlock.ir.Type.Range r && (long) r.hi() - r.lo() <= 64);
	}

	private static Expr root(Expr e) {
		return switch (e) {
		case Expr.Index x -> root(x.base());
		case Expr.FieldGet f -> root(f.base());
		default -> e;
		};
	}

	/** The thread has finished: every lock it took and every table it mapped must have been given back. */
	private void end(AState s) {
		for (AState.Hold h : s.holds) {
			findings.add(IssueCodes.UNBALANCED_LOCK, "a path from here can end still holding " + h.shown(),
					h.at());
		}
		for (AState.Mapped m : s.maps) {
			findings.add(IssueCodes.UNBALANCED_MAP, "a path from here can end with '" + m.shown()
					+ "' still mapped (its RCU read section never ends)", m.at());
		}
	}
}
