package ptlock.sim;

import java.util.List;
import java.util.function.Consumer;

import ptlock.ir.Expr;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.ThreadIr;
import ptlock.ir.Type;

/**
 * Runs one step of a thread on a state and yields every successor state: one per path through the step's
 * micro-operations. Each method is named after the Stmt record it executes and has the meaning of the method of
 * the same name in ptlock.tla.StepCompiler, which compiles it to TLA+.
 */
final class StepExecutor {
	private final Layout layout;
	private final Evaluator eval;
	private final Mutation mutation;

	StepExecutor(Layout layout, Mutation mutation) {
		this.layout = layout;
		this.eval = new Evaluator(layout);
		this.mutation = mutation;
	}

	Evaluator evaluator() {
		return eval;
	}

	/** An executor for another worker thread (the evaluator's caches are not shared). */
	StepExecutor fresh() {
		return new StepExecutor(layout, mutation);
	}

	// the step being run: its state before (a failed Check's successor is that state) and where successors go. One
	// executor per worker thread, so these are not shared.
	private int[] before;
	private Consumer<Env> successors;

	/**
	 * Successors (an Env and its state array) the search is done with ({@link #recycle}), reused for the next ones:
	 * most successors are states seen before, and allocating each anew made the young generation most of the
	 * simulator's heap.
	 */
	private final java.util.ArrayDeque<Env> spare = new java.util.ArrayDeque<>();
	private static final int MAX_SPARE = 4096;
	/** The Env the search's invariant checks evaluate in (one per executor, so per worker). */
	private final Env scratch = new Env(null);

	/** Gives back a successor that nothing refers to any more, with its state array. */
	void recycle(Env e) {
		if (spare.size() < MAX_SPARE) {
			spare.push(e);
		}
	}

	/** An Env on the state s for evaluating an expression, valid until the next call. */
	Env scratch(int[] s) {
		scratch.reset();
		scratch.state = s;
		return scratch;
	}

	/** Runs the step from the given state; each successor's pc is already set. */
	void run(ThreadIr thread, Step step, int[] state, Consumer<Env> successors) {
		run(thread, position(thread, step), state, successors);
	}

	/** As run(thread, step, ...), for the step at position pc of the thread (the search knows it: the pc). */
	void run(ThreadIr thread, int pc, int[] state, Consumer<Env> successors) {
		Env env = spare.poll();
		if (env == null || env.state.length != state.length) {
			env = new Env(state.clone());
		} else {
			env.reset();
			System.arraycopy(state, 0, env.state, 0, state.length);
		}
		this.before = state;
		this.successors = successors;
		this.origin = env;
		this.target = successors;
		this.handedOn = false;
		execPlan(plan(thread, pc), 0, env, thread, emit);
		if (!handedOn) {
			// the step was disabled on this path, or only copies went on: nothing refers to the array
			recycle(env);
		}
	}

	// whether run()'s own Env reached the successors (then the search owns its array; else run() recycles it)
	private Env origin;
	private Consumer<Env> target;
	private boolean handedOn;
	private final Consumer<Env> emit = e -> {
		if (e == origin) {
			handedOn = true;
		}
		target.accept(e);
	};

	/** Runs straight-line statements (the init block) on a state. */
	void runInit(List<Stmt> init, int[] state) {
		Env env = new Env(state);
		exec(init, 0, env, null, e -> System.arraycopy(e.state, 0, state, 0, state.length));
	}

	/**
	 * Runs stmts[i..] on env, then hands env to done. Straight-line statements run in a loop; only a statement that
	 * may fork the path (if, either, pick) gets a continuation for the rest, so a plain step allocates none.
	 */
	private void exec(List<Stmt> stmts, int i, Env env, ThreadIr thread, Consumer<Env> done) {
		for (;; i++) {
			if (i == stmts.size()) {
				done.accept(env);
				return;
			}
			Stmt st = stmts.get(i);
			switch (st) {
			case Stmt.Assign a -> assign(a, env);
			case Stmt.Await a -> {
				if (!await(a, env)) {
					return;
				}
			}
			case Stmt.Assert a -> assertion(a, env);
			case Stmt.Let l -> let(l, env);
			case Stmt.Check c -> {
				if (!check(c, env)) {
					return;
				}
			}
			case Stmt.If f -> {
				ifThenElse(f, env, thread, rest(stmts, i + 1, thread, done));
				return;
			}
			case Stmt.Either e -> {
				either(e, env, thread, rest(stmts, i + 1, thread, done));
				return;
			}
			case Stmt.Pick p -> {
				pick(p, env, rest(stmts, i + 1, thread, done));
				return;
			}
			case Stmt.Goto g -> {
				jump(thread, g.step() - 1, env);
				done.accept(env);
				return;
			}
			case Stmt.Halt h -> {
				jump(thread, thread.steps().size(), env);
				done.accept(env);
				return;
			}
			// for the static rules only: changes no state (StepCompiler.exec skips it too)
			case Stmt.Mark m -> {
			}
			}
		}
	}

	/**
	 * Each step's statements compiled once, per thread (by identity) and step position: no lookup per statement, and
	 * only a scan of the few threads per step run.
	 */
	private ThreadIr[] planThreads = new ThreadIr[0];
	private Ops.Op[][][] planSteps = new Ops.Op[0][][];

	private Ops.Op[] plan(ThreadIr thread, int pc) {
		int ti = 0;
		while (ti < planThreads.length && planThreads[ti] != thread) {
			ti++;
		}
		if (ti == planThreads.length) {
			planThreads = java.util.Arrays.copyOf(planThreads, ti + 1);
			planSteps = java.util.Arrays.copyOf(planSteps, ti + 1);
			planThreads[ti] = thread;
			planSteps[ti] = new Ops.Op[thread.steps().size()][];
		}
		Ops.Op[] p = planSteps[ti][pc];
		if (p == null) {
			p = plan(thread, thread.steps().get(pc).body());
			planSteps[ti][pc] = p;
		}
		return p;
	}

	/** The position of a step in its thread (by identity). */
	private static int position(ThreadIr thread, Step step) {
		List<Step> steps = thread.steps();
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i) == step) {
				return i;
			}
		}
		throw new IllegalArgumentException("step " + step.id() + " is not one of " + thread.name() + "'s");
	}

	/** The ops of a statement list; a statement whose closures cannot be made now runs as it would uncompiled. */
	private Ops.Op[] plan(ThreadIr thread, List<Stmt> stmts) {
		List<Ops.Op> ops = new java.util.ArrayList<>();
		for (Stmt st : stmts) {
			if (st instanceof Stmt.Mark) {
				continue; // changes no state
			}
			try {
				ops.add(op(thread, st));
			} catch (RuntimeException e) {
				ops.add(new Ops.Other(st));
			}
		}
		return ops.toArray(Ops.Op[]::new);
	}

	private Ops.Op op(ThreadIr thread, Stmt st) {
		return switch (st) {
		case Stmt.Assign a -> {
			Evaluator.IntEval slot = !Evaluator.composite(a.target().type()) && !(a.target() instanceof Expr.TempRef)
					? eval.slotEval(a.target())
					: null;
			yield slot == null ? new Ops.Other(a) : new Ops.SetSlot(eval.scalarEval(a.value()), slot, a.target().type());
		}
		case Stmt.Await a -> new Ops.Await(eval.scalarEval(a.cond()));
		case Stmt.Assert a -> {
			Integer flag = layout.flag(a.property());
			yield flag == null ? new Ops.Assert(null, -1) : new Ops.Assert(eval.scalarEval(a.cond()), flag);
		}
		case Stmt.Let l -> Evaluator.composite(l.value().type()) ? new Ops.Other(l)
				: new Ops.LetScalar(l.temp(), eval.scalarEval(l.value()));
		case Stmt.Check c -> new Ops.Check(eval.scalarEval(c.cond()), layout.offset(c.flag()), c.code());
		case Stmt.If f -> new Ops.If(eval.scalarEval(f.cond()), plan(thread, f.then()), plan(thread, f.otherwise()));
		case Stmt.Either e -> new Ops.Either(e.branches().stream().map(b -> plan(thread, b)).toArray(Ops.Op[][]::new));
		case Stmt.Goto g -> new Ops.Jump(layout.offset(thread.pc()), g.step() - 1);
		case Stmt.Halt h -> new Ops.Jump(layout.offset(thread.pc()), thread.steps().size());
		case Stmt.Pick p -> new Ops.Pick(p, eval.scalarEval(p.lo()), eval.scalarEval(p.hi()),
				p.cond() == null ? null : eval.scalarEval(p.cond()));
		default -> new Ops.Other(st);
		};
	}

	/** Runs ops[i..] on env, then hands env to done: exec(), compiled (each op names the method it stands for). */
	private void execPlan(Ops.Op[] ops, int i, Env env, ThreadIr thread, Consumer<Env> done) {
		for (;; i++) {
			if (i == ops.length) {
				done.accept(env);
				return;
			}
			switch (ops[i]) {
			case Ops.SetSlot a -> {
				int v = a.value().eval(env);
				if (!fitsScalar(a.type(), v)) {
					env.typeError = true;
				}
				env.state[a.slot().eval(env)] = v;
			}
			case Ops.Await a -> {
				if (mutation != Mutation.AWAIT_NEVER_BLOCKS && a.cond().eval(env) == 0) {
					return;
				}
			}
			case Ops.Assert a -> {
				if (a.flag() >= 0 && a.cond().eval(env) == 0) {
					env.state[a.flag()] = 1;
				}
			}
			case Ops.LetScalar l -> env.setTemp(l.temp(), new int[] { l.value().eval(env) });
			case Ops.Check c -> {
				if (c.cond().eval(env) == 0) {
					Env error = new Env(before.clone());
					error.state[c.flagSlot()] = c.code();
					successors.accept(error);
					return;
				}
			}
			case Ops.If f -> {
				execPlan(f.cond().eval(env) != 0 ? f.then() : f.otherwise(), 0, env, thread, restPlan(ops, i + 1, thread, done));
				return;
			}
			case Ops.Either e -> {
				int n = mutation == Mutation.EITHER_FIRST_ONLY ? 1 : e.branches().length;
				Consumer<Env> next = restPlan(ops, i + 1, thread, done);
				for (int b = 0; b < n; b++) {
					execPlan(e.branches()[b], 0, b == n - 1 ? env : env.copy(), thread, next);
				}
				return;
			}
			case Ops.Jump j -> {
				env.state[j.pcSlot()] = j.ordinal();
				done.accept(env);
				return;
			}
			case Ops.Pick p -> {
				pick(p, env, restPlan(ops, i + 1, thread, done));
				return;
			}
			case Ops.Other o -> {
				if (o.stmt() instanceof Stmt.Assign a) {
					assign(a, env);
				} else if (o.stmt() instanceof Stmt.Let l) {
					let(l, env);
				} else {
					// a statement left uncompiled runs through exec() itself, then the ops after it
					exec(List.of(o.stmt()), 0, env, thread, restPlan(ops, i + 1, thread, done));
					return;
				}
			}
			}
		}
	}

	private Consumer<Env> restPlan(Ops.Op[] ops, int i, ThreadIr thread, Consumer<Env> done) {
		return i == ops.length ? done : e -> execPlan(ops, i, e, thread, done);
	}

	/** The continuation after a forking statement: the statements from i on, then done. */
	private Consumer<Env> rest(List<Stmt> stmts, int i, ThreadIr thread, Consumer<Env> done) {
		return i == stmts.size() ? done : e -> exec(stmts, i, e, thread, done);
	}

	/** Assign (StepCompiler.assign): copy the value into the target's slots; a value outside the type is a TypeOK error. */
	void assign(Stmt.Assign a, Env env) {
		if (!Evaluator.composite(a.target().type()) && !(a.target() instanceof Expr.TempRef)) {
			// the common case: one slot, no allocation
			int v = eval.scalar(a.value(), env);
			int slot = eval.stateSlot(a.target(), env);
			if (slot >= 0) {
				if (!fitsScalar(a.target().type(), v)) {
					env.typeError = true;
				}
				env.state[slot] = v;
				return;
			}
			Evaluator.Loc l = eval.locate(a.target(), env);
			if (!(root(a.target()) instanceof Expr.TempRef) && !fitsScalar(a.target().type(), v)) {
				env.typeError = true;
			}
			l.storage()[l.offset()] = v;
			return;
		}
		int[] v = eval.value(a.value(), env);
		Evaluator.Loc l = eval.locate(a.target(), env);
		if (a.target() instanceof Expr.TempRef t && env.temp(t.temp()).length != v.length) {
			env.setTemp(t.temp(), v.clone());
			return;
		}
		// temps are not state: TLA+ substitutes them, and TypeOK never sees them
		if (!(root(a.target()) instanceof Expr.TempRef) && !fits(a.target().type(), v, 0)) {
			env.typeError = true;
		}
		System.arraycopy(v, 0, l.storage(), l.offset(), v.length);
	}

	/** Await (StepCompiler.await): the path exists only if the condition holds. */
	boolean await(Stmt.Await a, Env env) {
		return mutation == Mutation.AWAIT_NEVER_BLOCKS || eval.scalar(a.cond(), env) != 0;
	}

	/** Assert (StepCompiler.assertion): a false condition sets the property's violation flag, if it is checked. */
	void assertion(Stmt.Assert a, Env env) {
		Integer flag = layout.flag(a.property());
		if (flag != null && eval.scalar(a.cond(), env) == 0) {
			env.state[flag] = 1;
		}
	}

	/**
	 * Check (StepCompiler.check): true if the path goes on; if not, the step's successor is the error state, the
	 * state before the step with the error flag set to the check's code (ptlock.ir.ModelChecks).
	 */
	boolean check(Stmt.Check c, Env env) {
		if (eval.scalar(c.cond(), env) != 0) {
			return true;
		}
		Env error = new Env(before.clone());
		error.state[layout.offset(c.flag())] = c.code();
		successors.accept(error);
		return false;
	}

	/** Let (StepCompiler.let): a step-local value. */
	void let(Stmt.Let l, Env env) {
		env.setTemp(l.temp(), eval.value(l.value(), env));
	}

	/** If (StepCompiler.ifThenElse): one path, decided by the condition. */
	void ifThenElse(Stmt.If f, Env env, ThreadIr thread, Consumer<Env> next) {
		exec(eval.scalar(f.cond(), env) != 0 ? f.then() : f.otherwise(), 0, env, thread, next);
	}

	/** Either (StepCompiler.either): one path per branch. */
	void either(Stmt.Either e, Env env, ThreadIr thread, Consumer<Env> next) {
		int n = mutation == Mutation.EITHER_FIRST_ONLY ? 1 : e.branches().size();
		for (int b = 0; b < n; b++) {
			exec(e.branches().get(b), 0, b == n - 1 ? env : env.copy(), thread, next);
		}
	}

	/** Pick (StepCompiler.pick), compiled (Ops.Pick): one path per value of lo..hi that satisfies the condition. */
	private void pick(Ops.Pick op, Env env, Consumer<Env> next) {
		Stmt.Pick p = op.stmt();
		int lo = op.lo().eval(env);
		int hi = op.hi().eval(env);
		for (int v = lo; v <= hi; v++) {
			if (op.cond() != null) {
				// test the candidate in place; copy only the ones that pass
				env.setTemp(p.bound(), new int[] { v });
				if (op.cond().eval(env) == 0) {
					continue;
				}
			}
			Env e = env.copy();
			e.setTemp(p.bound(), new int[] { v });
			if (p.target() != null) {
				assign(new Stmt.Assign(p.target(), new Expr.TempRef(p.bound())), e);
			}
			next.accept(e);
		}
	}

	/** Pick (StepCompiler.pick): one path per value of lo..hi that satisfies the condition. */
	void pick(Stmt.Pick p, Env env, Consumer<Env> next) {
		pick(new Ops.Pick(p, eval.scalarEval(p.lo()), eval.scalarEval(p.hi()),
				p.cond() == null ? null : eval.scalarEval(p.cond())), env, next);
	}

	/** Goto / Halt (StepCompiler.jump): the thread's next pc (an ordinal: step id - 1, or the step count for Done). */
	void jump(ThreadIr thread, int pcOrdinal, Env env) {
		if (thread != null) {
			env.state[layout.offset(thread.pc())] = pcOrdinal;
		}
	}

	private static boolean fitsScalar(Type t, int v) {
		return switch (t) {
		case Type.Bool b -> v == 0 || v == 1;
		case Type.Range r -> v >= r.lo() && v <= r.hi();
		case Type.Enum e -> v >= 0 && v < e.literals().size();
		case Type.Set s -> (v & ~rangeMask(s.elem())) == 0;
		default -> true;
		};
	}

	/** Whether a value is inside its declared type (TypeOK). */
	static boolean fits(Type t, int[] v, int at) {
		return switch (t) {
		case Type.Bool b -> v[at] == 0 || v[at] == 1;
		case Type.Range r -> v[at] >= r.lo() && v[at] <= r.hi();
		case Type.Enum e -> v[at] >= 0 && v[at] < e.literals().size();
		case Type.Set s -> (v[at] & ~rangeMask(s.elem())) == 0;
		case Type.Array a -> {
			int w = Layout.width(a.elem());
			for (int i = 0; i < a.size(); i++) {
				if (!fits(a.elem(), v, at + i * w)) {
					yield false;
				}
			}
			yield true;
		}
		case Type.Record r -> {
			int off = at;
			for (Type.Field f : r.fields()) {
				if (!fits(f.type(), v, off)) {
					yield false;
				}
				off += Layout.width(f.type());
			}
			yield true;
		}
		};
	}

	private static int rangeMask(Type.Range r) {
		int m = 0;
		for (int v = Math.max(0, r.lo()); v <= Math.min(30, r.hi()); v++) {
			m |= 1 << v;
		}
		return m;
	}

	private static Expr root(Expr e) {
		return switch (e) {
		case Expr.Index x -> root(x.base());
		case Expr.FieldGet f -> root(f.base());
		default -> e;
		};
	}

	/** Writes a type's default value (ptlock.tla.ExprPrinter.defaultValue) at an offset. */
	static void fillDefault(Type t, int[] s, int at) {
		switch (t) {
		case Type.Range r -> s[at] = r.lo() <= 0 && r.hi() >= 0 ? 0 : r.lo();
		case Type.Array a -> {
			int w = Layout.width(a.elem());
			for (int i = 0; i < a.size(); i++) {
				fillDefault(a.elem(), s, at + i * w);
			}
		}
		case Type.Record r -> {
			int off = at;
			for (Type.Field f : r.fields()) {
				fillDefault(f.type(), s, off);
				off += Layout.width(f.type());
			}
		}
		default -> s[at] = 0;
		}
	}
}
