package ptlock.lang.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
	/** Enough for every shipped path many times over; a larger thread is followed this far. */
	private static final int MAX_STATES = 100_000;

	private final Effects effects;
	private final Findings findings;

	ThreadExplorer(Effects effects, Findings findings) {
		this.effects = effects;
		this.findings = findings;
	}

	void explore(ThreadIr thread) {
		if (thread.entry() == 0) {
			return;
		}
		Map<Integer, Step> steps = new HashMap<>();
		thread.steps().forEach(s -> steps.put(s.id(), s));
		AState init = new AState();
		init.pc = thread.entry();
		for (Var v : thread.locals()) {
			init.locals.put(v.name(), AValue.zero(v.type()));
		}
		Deque<AState> queue = new ArrayDeque<>();
		Set<String> visited = new HashSet<>();
		queue.add(init);
		visited.add(init.key());
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
			exec(step.body(), 0, s, x -> {
			}, next -> {
				next.temps.clear();
				next.bound.clear();
				if (visited.add(next.key())) {
					queue.add(next);
				}
			});
		}
	}

	/** Runs micro-operations from i on; 'rest' continues after the list, 'emit' ends the step (Goto, Halt). */
	private void exec(List<Stmt> body, int i, AState s, Consumer<AState> rest, Consumer<AState> emit) {
		if (i == body.size()) {
			rest.accept(s);
			return;
		}
		Consumer<AState> next = x -> exec(body, i + 1, x, rest, emit);
		switch (body.get(i)) {
		case Stmt.Assign a -> next.accept(assign(a.target(), AbstractEval.eval(a.value(), s), s));
		case Stmt.Await a -> {
			for (AState x : AbstractEval.concretize(s, List.of(a.cond()))) {
				AbstractEval.refine(x, a.cond(), true).forEach(next);
			}
		}
		case Stmt.Assert a -> next.accept(s);
		case Stmt.Let l -> {
			AState c = s.copy();
			c.temps.put(l.temp().name(), AbstractEval.eval(l.value(), s));
			next.accept(c);
		}
		case Stmt.If f -> {
			for (AState x : AbstractEval.concretize(s, List.of(f.cond()))) {
				for (AState yes : AbstractEval.refine(x, f.cond(), true)) {
					exec(f.then(), 0, yes, next, emit);
				}
				for (AState no : AbstractEval.refine(x, f.cond(), false)) {
					exec(f.otherwise(), 0, no, next, emit);
				}
			}
		}
		case Stmt.Either e -> e.branches().forEach(b -> exec(b, 0, s, next, emit));
		case Stmt.Pick p -> {
			AState c = s.copy();
			Integer lo = AbstractEval.intOf(AbstractEval.eval(p.lo(), s));
			Integer hi = AbstractEval.intOf(AbstractEval.eval(p.hi(), s));
			Type t = lo != null && hi != null && lo <= hi ? new Type.Range(lo, hi) : p.bound().type();
			c.temps.put(p.bound().name(), AValue.unknown(t));
			for (AState r : p.cond() == null ? List.of(c) : AbstractEval.refine(c, p.cond(), true)) {
				next.accept(p.target() == null ? r : assign(p.target(), r.temps.get(p.bound().name()), r));
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
		case Stmt.Mark m -> effects.apply(m, s).forEach(next);
		}
	}

	/** An assignment to a local or temp; one to shared state is forgotten (it is unknown when read anyway). */
	private static AState assign(Expr target, AValue v, AState s) {
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
		String prefix = a.root();
		c.provenance.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + ".") || k.startsWith(prefix + "["));
		return c;
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
