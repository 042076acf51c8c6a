package ptlock.ir.symmetry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.ir.Expr;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.Temp;
import ptlock.ir.ThreadIr;
import ptlock.ir.ThreadShape;
import ptlock.ir.Type;

/**
 * Checks that nothing in the model tells the threads of a group apart, so that exchanging them maps behaviours to
 * behaviours and keeps every property's verdict: every expression of the initial assignments, of every thread's
 * steps and of every invariant gets a kind, and a thread id may only be used where its kind allows. A thread id
 * is compared for equality with another or with a fixed value (0, or a thread outside every group), stored where
 * a 'thread' is declared, indexes an array declared '[THREADS]', is an element of a set of threads, or is bound by
 * a quantifier over a range holding every thread of the groups. Anything else (arithmetic or ordering on thread
 * ids, a literal that names a thread of a group where a thread id is expected) refuses the reduction, with the
 * place. Sound, not complete: a model that is symmetric in a way this does not see just gets no reduction.
 */
final class ThreadUse {
	/** The kind of a value: what a permutation of group threads does to it. */
	private sealed interface K {
	}

	/** Unchanged by every permutation: a literal that is no group thread's id, a boolean, an empty set. */
	private record Fixed() implements K {
	}

	/** A number that is a group thread's id: fine as a number, not as a thread. */
	private record Num() implements K {
	}

	/** A value that holds no thread id. */
	private record Plain() implements K {
	}

	/** A thread id (permuted). */
	private record Tid() implements K {
	}

	/** A set of thread ids (its members permuted). */
	private record Tset() implements K {
	}

	/** A whole array or struct value of this shape. */
	private record Whole(ThreadShape shape) implements K {
	}

	private static final K FIXED = new Fixed(), NUM = new Num(), PLAIN = new Plain(), TID = new Tid(),
			TSET = new Tset();

	private static final class Refused extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Refused(String why) {
			super(why, null, false, false);
		}
	}

	private final Program program;
	private final Set<Expr.IntLit> self;
	private final Set<Integer> groupIds = new HashSet<>();
	private final int minId, maxId;
	private final Map<Temp, K> temps = new HashMap<>();
	private final Map<String, K> bound = new HashMap<>();
	/** the loop variable's literals in the first iteration of the unrolled loop being checked */
	private final Set<Expr.IntLit> loopTids = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
	private final GroupDiff diff;

	ThreadUse(Program program, List<int[]> groups, Set<Expr.IntLit> self) {
		this.program = program;
		this.diff = new GroupDiff(program);
		this.self = self;
		int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
		for (int[] g : groups) {
			for (int t : g) {
				int id = program.threads().get(t).index();
				groupIds.add(id);
				lo = Math.min(lo, id);
				hi = Math.max(hi, id);
			}
		}
		this.minId = lo;
		this.maxId = hi;
	}

	/** null if the groups are a symmetry of the model; else where a thread is told apart. */
	String check() {
		String where = "the initial assignments";
		try {
			stmts(program.init());
			for (ThreadIr t : program.threads()) {
				for (Step s : t.steps()) {
					where = "thread " + t.name() + ", step '" + s.label() + "'";
					temps.clear();
					stmts(s.body());
				}
			}
			for (Property p : program.properties()) {
				if (p.kind() == Property.Kind.INVARIANT) {
					where = "invariant " + p.name();
					plain(p.invariant());
				}
			}
			return null;
		} catch (Refused r) {
			return where + ": " + r.getMessage();
		}
	}

	private void stmts(List<Stmt> body) {
		for (int i = 0; i < body.size(); i++) {
			if (body.get(i) instanceof Stmt.Mark m && Stmt.Mark.ITERATION.equals(m.effect())) {
				int end = i + 1;
				while (end < body.size() && !(body.get(end) instanceof Stmt.Mark e
						&& Stmt.Mark.LOOP_END.equals(e.effect()) && e.name().equals(m.name()))) {
					end++;
				}
				if (end == body.size()) {
					continue; // no end in this list: its statements are checked one by one
				}
				loop(body.subList(i, end), m.name());
				i = end;
				continue;
			}
			stmt(body.get(i));
		}
	}

	/**
	 * An unrolled 'for' over a range holding every group thread: symmetric as a whole when its iterations are copies
	 * of one body with the loop variable as a thread id, and each iteration writes only its own thread's elements
	 * of arrays declared '[THREADS]' (so the iterations commute, and exchanging threads exchanges iterations).
	 * Otherwise its statements are checked one by one, as any others.
	 */
	private void loop(List<Stmt> marked, String name) {
		List<List<Stmt>> iterations = new java.util.ArrayList<>();
		List<Integer> values = new java.util.ArrayList<>();
		for (Stmt s : marked) {
			if (s instanceof Stmt.Mark m && Stmt.Mark.ITERATION.equals(m.effect()) && m.name().equals(name)) {
				iterations.add(new java.util.ArrayList<>());
				values.add(((Expr.IntLit) m.args().get(0)).value());
			} else {
				iterations.get(iterations.size() - 1).add(s);
			}
		}
		Set<Expr.IntLit> positions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		boolean copies = values.get(0) <= minId && values.get(values.size() - 1) >= maxId;
		for (int k = 1; copies && k < iterations.size(); k++) {
			copies = diff.copies(iterations.get(0), iterations.get(k), values.get(0), values.get(k), positions);
		}
		if (copies && !positions.isEmpty()) {
			Map<Temp, K> before = new HashMap<>(temps);
			loopTids.addAll(positions);
			try {
				stmts(iterations.get(0));
				ownRowsOnly(iterations.get(0), positions);
				return;
			} catch (Refused r) {
				// not a loop over the threads: checked statement by statement below
				temps.clear();
				temps.putAll(before);
			} finally {
				loopTids.removeAll(positions);
			}
		}
		for (List<Stmt> it : iterations) {
			stmts(it);
		}
	}

	/** Every write of the body is to an element, at the loop variable, of an array declared '[THREADS]'. */
	private void ownRowsOnly(List<Stmt> body, Set<Expr.IntLit> loopVar) {
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Assign a -> {
				if (!ownRow(a.target(), loopVar)) {
					throw new Refused("an iteration of a loop over the threads writes "
							+ ptlock.ir.ExprText.of(a.target()) + ", not its own thread's element");
				}
			}
			case Stmt.If f -> {
				ownRowsOnly(f.then(), loopVar);
				ownRowsOnly(f.otherwise(), loopVar);
			}
			case Stmt.Pick p -> throw new Refused("a loop over the threads picks a value");
			case Stmt.Either e -> throw new Refused("a loop over the threads chooses");
			default -> {
			}
			}
		}
	}

	private boolean ownRow(Expr target, Set<Expr.IntLit> loopVar) {
		for (Expr t = target; t != null;) {
			if (t instanceof Expr.Index x) {
				if (x.index() instanceof Expr.IntLit i && loopVar.contains(i) && kind(x.base()) instanceof Whole w
						&& w.shape() instanceof ThreadShape.Array a && a.byThread()) {
					return true;
				}
				t = x.base();
			} else if (t instanceof Expr.FieldGet f) {
				t = f.base();
			} else {
				return false;
			}
		}
		return false;
	}

	private void stmt(Stmt s) {
		switch (s) {
		case Stmt.Assign a -> assign(kind(a.target()), kind(a.value()));
		case Stmt.Await a -> plain(a.cond());
		case Stmt.Assert a -> plain(a.cond());
		case Stmt.Check c -> plain(c.cond());
		case Stmt.If f -> {
			plain(f.cond());
			stmts(f.then());
			stmts(f.otherwise());
		}
		case Stmt.Either e -> e.branches().forEach(this::stmts);
		case Stmt.Let l -> temps.put(l.temp(), kind(l.value()));
		case Stmt.Pick p -> pick(p);
		case Stmt.Goto g -> {
		}
		case Stmt.Halt h -> {
		}
		case Stmt.Mark m -> {
		}
		}
	}

	/** The picked value is a number, or (if the range holds every group thread) a thread id: whichever fits. */
	private void pick(Stmt.Pick p) {
		plain(p.lo());
		plain(p.hi());
		K target = p.target() == null ? null : kind(p.target());
		Refused last = null;
		for (K k : invariantRange(p.lo(), p.hi()) ? List.of(PLAIN, TID) : List.of(PLAIN)) {
			if (target != null && !accepts(target, k)) {
				continue;
			}
			try {
				temps.put(p.bound(), k);
				if (p.cond() != null) {
					plain(p.cond());
				}
				return;
			} catch (Refused r) {
				last = r;
			}
		}
		throw last != null ? last : new Refused("picks a value of a kind its target cannot hold");
	}

	private void assign(K target, K value) {
		if (!accepts(target, value)) {
			throw new Refused("stores " + name(value) + " where " + name(target) + " is held");
		}
	}

	private static boolean accepts(K target, K value) {
		return switch (target) {
		case Tid t -> value instanceof Tid || value instanceof Fixed;
		case Tset t -> value instanceof Tset || value instanceof Fixed;
		case Whole w -> value.equals(w) || value instanceof Fixed;
		default -> plainOk(value);
		};
	}

	private static boolean plainOk(K k) {
		return k instanceof Plain || k instanceof Fixed || k instanceof Num;
	}

	private void plain(Expr e) {
		K k = kind(e);
		if (!plainOk(k)) {
			throw new Refused("uses " + name(k) + " as a value (" + ptlock.ir.ExprText.of(e) + ")");
		}
	}

	private static String name(K k) {
		return switch (k) {
		case Tid t -> "a thread id";
		case Tset t -> "a set of threads";
		case Whole w -> "an array or struct holding thread ids";
		case Num n -> "a literal that names a thread of the group";
		default -> "a number";
		};
	}

	/** The range lo..hi holds every group thread (a permutation of them maps it onto itself). */
	private boolean invariantRange(Expr lo, Expr hi) {
		return lo instanceof Expr.IntLit l && kind(l) != TID && l.value() <= minId && hi instanceof Expr.IntLit h
				&& kind(h) != TID && h.value() >= maxId;
	}

	private K kind(Expr e) {
		return switch (e) {
		case Expr.IntLit i -> self.contains(i) || loopTids.contains(i) ? TID
				: groupIds.contains(i.value()) ? NUM : FIXED;
		case Expr.BoolLit b -> FIXED;
		case Expr.EnumLit x -> FIXED;
		case Expr.VarRef v -> ofShape(program.shape(v.var().name()));
		case Expr.TempRef t -> temps.getOrDefault(t.temp(), PLAIN);
		case Expr.BoundRef b -> bound.getOrDefault(b.name(), PLAIN);
		case Expr.Index x -> index(x);
		case Expr.FieldGet f -> field(f);
		case Expr.Unary u -> {
			plain(u.operand());
			yield PLAIN;
		}
		case Expr.Binary b -> binary(b);
		case Expr.Cond c -> {
			plain(c.cond());
			yield join(kind(c.then()), kind(c.otherwise()), e);
		}
		case Expr.SetLit s -> setLit(s);
		case Expr.SetBuilder b -> {
			plain(b.lo());
			plain(b.hi());
			yield binder(b.name(), b.lo(), b.hi(), b.cond()) == TID ? TSET : PLAIN;
		}
		case Expr.Quant q -> {
			plain(q.lo());
			plain(q.hi());
			binder(q.name(), q.lo(), q.hi(), q.body());
			yield PLAIN;
		}
		case Expr.RecordLit r -> {
			boolean fixed = true;
			for (Expr v : r.values()) {
				K k = kind(v);
				if (!plainOk(k)) {
					throw new Refused("puts " + name(k) + " in a struct literal");
				}
				fixed &= k instanceof Fixed;
			}
			yield fixed ? FIXED : PLAIN;
		}
		};
	}

	/** Checks body with the bound name as a number, else (over every group thread) as a thread id: the kind used. */
	private K binder(String name, Expr lo, Expr hi, Expr body) {
		K outer = bound.get(name);
		try {
			for (K k : invariantRange(lo, hi) ? List.of(PLAIN, TID) : List.of(PLAIN)) {
				bound.put(name, k);
				try {
					plain(body);
					return k;
				} catch (Refused r) {
					if (k == TID || !invariantRange(lo, hi)) {
						throw r;
					}
				}
			}
			throw new IllegalStateException();
		} finally {
			if (outer == null) {
				bound.remove(name);
			} else {
				bound.put(name, outer);
			}
		}
	}

	private static K ofShape(ThreadShape s) {
		return switch (s) {
		case ThreadShape.Plain p -> PLAIN;
		case ThreadShape.Id i -> TID;
		case ThreadShape.IdSet x -> TSET;
		default -> new Whole(s);
		};
	}

	private K index(Expr.Index x) {
		K base = kind(x.base());
		K i = kind(x.index());
		if (base instanceof Whole w && w.shape() instanceof ThreadShape.Array a) {
			if (a.byThread() ? !(i instanceof Tid || i instanceof Fixed) : !plainOk(i)) {
				throw new Refused((a.byThread() ? "indexes an array of the threads with " : "indexes with ")
						+ name(i) + " (" + ptlock.ir.ExprText.of(x) + ")");
			}
			return ofShape(a.elem());
		}
		if (!plainOk(base) || !plainOk(i)) {
			throw new Refused("indexes with " + name(i) + " (" + ptlock.ir.ExprText.of(x) + ")");
		}
		return PLAIN;
	}

	private K field(Expr.FieldGet f) {
		K base = kind(f.base());
		if (base instanceof Whole w && w.shape() instanceof ThreadShape.Record r
				&& f.base().type() instanceof Type.Record t) {
			for (int i = 0; i < t.fields().size(); i++) {
				if (t.fields().get(i).name().equals(f.field())) {
					return ofShape(r.fields().get(i));
				}
			}
		}
		if (!plainOk(base)) {
			throw new Refused("reads a field of " + name(base));
		}
		return PLAIN;
	}

	private K binary(Expr.Binary b) {
		K l = kind(b.left()), r = kind(b.right());
		switch (b.op()) {
		case EQ, NE -> {
			boolean ok = plainOk(l) && plainOk(r) || (l instanceof Tid || l instanceof Fixed)
					&& (r instanceof Tid || r instanceof Fixed)
					|| (l instanceof Tset || l instanceof Fixed) && (r instanceof Tset || r instanceof Fixed)
					|| l instanceof Whole && l.equals(r);
			if (!ok) {
				throw new Refused("compares " + name(l) + " with " + name(r) + " (" + ptlock.ir.ExprText.of(b) + ")");
			}
			return l instanceof Fixed && r instanceof Fixed ? FIXED : PLAIN;
		}
		case UNION, DIFF -> {
			if (l instanceof Fixed && r instanceof Fixed) {
				return FIXED;
			}
			if ((l instanceof Tset || l instanceof Fixed) && (r instanceof Tset || r instanceof Fixed)) {
				return TSET;
			}
			if (plainOk(l) && plainOk(r)) {
				return PLAIN;
			}
			throw new Refused("combines " + name(l) + " with " + name(r) + " (" + ptlock.ir.ExprText.of(b) + ")");
		}
		case IN -> {
			boolean ok = r instanceof Tset ? l instanceof Tid || l instanceof Fixed
					: r instanceof Fixed ? !(l instanceof Whole) : plainOk(r) && plainOk(l);
			if (!ok) {
				throw new Refused("asks whether " + name(l) + " is in " + name(r) + " ("
						+ ptlock.ir.ExprText.of(b) + ")");
			}
			return PLAIN;
		}
		case LT, LE, GT, GE -> {
			if (plainOk(l) && plainOk(r) || constantOverGroup(b)) {
				return PLAIN;
			}
			throw new Refused("orders " + name(plainOk(l) ? r : l) + " (" + ptlock.ir.ExprText.of(b) + ")");
		}
		default -> {
			if (!plainOk(l) || !plainOk(r)) {
				throw new Refused("computes with " + name(plainOk(l) ? r : l) + " ("
						+ ptlock.ir.ExprText.of(b) + ")");
			}
			return PLAIN;
		}
		}
	}

	/**
	 * A thread id against a literal bound (the model checks' '1 <= t && t <= THREADS'): symmetric when it is
	 * true for every group thread or for none.
	 */
	private boolean constantOverGroup(Expr.Binary b) {
		boolean leftTid = kind(b.left()) instanceof Tid;
		Expr other = leftTid ? b.right() : b.left();
		if (!(other instanceof Expr.IntLit c) || kind(c) == TID || !(kind(leftTid ? b.left() : b.right())
				instanceof Tid)) {
			return false;
		}
		Boolean seen = null;
		for (int id : groupIds) {
			int x = leftTid ? id : c.value(), y = leftTid ? c.value() : id;
			boolean v = switch (b.op()) {
			case LT -> x < y;
			case LE -> x <= y;
			case GT -> x > y;
			default -> x >= y;
			};
			if (seen != null && seen != v) {
				return false;
			}
			seen = v;
		}
		return true;
	}

	private K join(K a, K b, Expr at) {
		if (a.equals(b)) {
			return a;
		}
		if (a instanceof Fixed) {
			return b;
		}
		if (b instanceof Fixed) {
			return a;
		}
		if (plainOk(a) && plainOk(b)) {
			return PLAIN;
		}
		throw new Refused("chooses between " + name(a) + " and " + name(b) + " (" + ptlock.ir.ExprText.of(at) + ")");
	}

	private K setLit(Expr.SetLit s) {
		boolean fixed = true, tid = false, plain = true;
		for (Expr x : s.elems()) {
			K k = kind(x);
			fixed &= k instanceof Fixed;
			tid |= k instanceof Tid;
			plain &= plainOk(k);
			if (!(plainOk(k) || k instanceof Tid)) {
				throw new Refused("puts " + name(k) + " in a set");
			}
		}
		if (fixed) {
			return FIXED;
		}
		if (tid) {
			for (Expr x : s.elems()) {
				K k = kind(x);
				if (!(k instanceof Tid || k instanceof Fixed)) {
					throw new Refused("mixes thread ids with " + name(k) + " in a set (" + ptlock.ir.ExprText.of(s)
							+ ")");
				}
			}
			return TSET;
		}
		return PLAIN;
	}
}
