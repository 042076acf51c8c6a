package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.ir.Expr;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.ThreadIr;

/**
 * Which thread-local variables each step of a thread may still read (backward dataflow over the steps). The rules
 * forget a local once it is dead, so that two ways through a path that differ only in a value nobody reads again
 * are one state.
 */
final class Liveness {
	private final Map<Integer, Set<String>> liveIn = new HashMap<>();

	Liveness(ThreadIr t) {
		Map<Integer, Set<String>> reads = new HashMap<>();
		Map<Integer, Set<String>> writes = new HashMap<>();
		Map<Integer, List<Integer>> succ = new HashMap<>();
		for (Step s : t.steps()) {
			Set<String> r = new HashSet<>();
			List<Integer> next = new ArrayList<>();
			stmts(s.body(), r, next);
			reads.put(s.id(), r);
			Set<String> w = new HashSet<>();
			for (Stmt x : s.body()) {
				if (x instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef v && !v.var().isGlobal()
						&& !reads(a.value(), v.var().name())) {
					w.add(v.var().name());
				}
			}
			writes.put(s.id(), w);
			succ.put(s.id(), next);
			liveIn.put(s.id(), new HashSet<>(r));
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Step s : t.steps()) {
				Set<String> in = liveIn.get(s.id());
				for (int n : succ.get(s.id())) {
					for (String v : liveIn.getOrDefault(n, Set.of())) {
						if (!writes.get(s.id()).contains(v) && in.add(v)) {
							changed = true;
						}
					}
				}
			}
		}
	}

	/** The locals step id may read, now or later (nothing after the thread's end). */
	Set<String> at(int step) {
		return liveIn.getOrDefault(step, Set.of());
	}

	private static boolean reads(Expr e, String var) {
		Set<String> r = new HashSet<>();
		expr(e, r);
		return r.contains(var);
	}

	private static void stmts(List<Stmt> body, Set<String> r, List<Integer> next) {
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Assign a -> {
				expr(a.value(), r);
				// a partial update reads the rest of the variable; an index is read
				if (!(a.target() instanceof Expr.VarRef)) {
					expr(a.target(), r);
				}
			}
			case Stmt.Await a -> expr(a.cond(), r);
			case Stmt.Check c -> expr(c.cond(), r);
			case Stmt.Assert a -> expr(a.cond(), r);
			case Stmt.Let l -> expr(l.value(), r);
			case Stmt.If f -> {
				expr(f.cond(), r);
				stmts(f.then(), r, next);
				stmts(f.otherwise(), r, next);
			}
			case Stmt.Either e -> e.branches().forEach(b -> stmts(b, r, next));
			case Stmt.Pick p -> {
				expr(p.lo(), r);
				expr(p.hi(), r);
				if (p.cond() != null) {
					expr(p.cond(), r);
				}
				if (p.target() != null && !(p.target() instanceof Expr.VarRef)) {
					expr(p.target(), r);
				}
			}
			case Stmt.Goto g -> next.add(g.step());
			case Stmt.Halt h -> {
			}
			case Stmt.Mark m -> {
				m.args().forEach(a -> expr(a, r));
				expr(m.result(), r);
			}
			}
		}
	}

	private static void expr(Expr e, Set<String> r) {
		if (e == null) {
			return;
		}
		switch (e) {
		case Expr.VarRef v -> r.add(v.var().name()); // a shared variable too: the rules may keep a stable one
		case Expr.Index x -> {
			expr(x.base(), r);
			expr(x.index(), r);
		}
		case Expr.FieldGet f -> expr(f.base(), r);
		case Expr.Unary u -> expr(u.operand(), r);
		case Expr.Binary b -> {
			expr(b.left(), r);
			expr(b.right(), r);
		}
		case Expr.Cond c -> {
			expr(c.cond(), r);
			expr(c.then(), r);
			expr(c.otherwise(), r);
		}
		case Expr.SetLit l -> l.elems().forEach(x -> expr(x, r));
		case Expr.SetBuilder b -> {
			expr(b.lo(), r);
			expr(b.hi(), r);
			expr(b.cond(), r);
		}
		case Expr.Quant q -> {
			expr(q.lo(), r);
			expr(q.hi(), r);
			expr(q.body(), r);
		}
		case Expr.RecordLit l -> l.values().forEach(x -> expr(x, r));
		default -> {
		}
		}
	}
}
