package ptlock.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the places where the model may have no value explicit, so that both engines find them the same way: before
 * each statement with an index that may fall outside its array, a divisor that may be 0, a set element the encoding
 * cannot hold or a pick over a range that may be empty, a {@link Stmt.Check} of exactly that. A failed check is a
 * state of its own (the state before the step, with {@value #VAR} = the check's code) that every engine reaches by
 * the same rule and from which no step runs, and the invariant {@value #PROPERTY} ({@value #VAR} = 0) reports it
 * with its trace. Without this, TLC silently drops an out-of-range EXCEPT and the simulator throws: two verdicts.
 * <p>
 * A statically safe expression (an index whose type lies inside the array, a literal divisor) gets no check, so
 * specs without such places lower exactly as before.
 */
public final class ModelChecks {
	/** The pseudo-property violated in an error state (reported only when violated, as type_ok). */
	public static final String PROPERTY = "model_ok";
	/** The state variable holding the code of the failed check (0: none). */
	public static final String VAR = "model_error";
	/** Set elements the engines can hold (the simulator's sets are bit masks of one int). */
	public static final int SET_MAX = 30;

	private static final String DOC = "every step the model reaches has a value (indices inside their arrays, divisors"
			+ " not 0)";
	/** Marks, in model_ok's doc, the invariants that may have no value (ModelErrors names them). */
	public static final String INVARIANT_GAPS = "; invariant ";

	private final Var flag;
	private int count;
	private final List<String> invariantGaps = new ArrayList<>();
	/** what is known of the step's temps (a pick's candidate, a call's constant argument): they live one step */
	private final Map<Temp, Type.Range> temps = new java.util.IdentityHashMap<>();
	/** the ranges of the quantifier variables in scope */
	private final Map<String, Type.Range> bound = new java.util.HashMap<>();

	private ModelChecks(Var flag) {
		this.flag = flag;
	}

	/** The program with its checks, or the program itself when nothing needs one. */
	public static Program instrument(Program p) {
		ModelChecks counting = new ModelChecks(new Var(VAR, VAR, new Type.Range(0, 0), null));
		counting.threads(p);
		List<Property> properties = new ArrayList<>();
		Expr invariantsHaveValues = null;
		for (Property prop : p.properties()) {
			Guard g = counting.new Guard();
			if (prop.kind() == Property.Kind.INVARIANT) {
				g.expr(prop.invariant());
			}
			if (g.cond == null) {
				properties.add(prop);
				continue;
			}
			// an invariant is evaluated in every state: where it has no value, model_ok is violated instead, and
			// the invariant itself reads as true (so that no engine fails evaluating it)
			properties.add(new Property(prop.name(), prop.kind(), prop.doc(), Guard.bin(Op.OR,
					new Expr.Unary(Op.NOT, g.cond, new Type.Bool()), prop.invariant()), prop.loc()));
			invariantsHaveValues = Guard.and(invariantsHaveValues, g.cond);
			counting.invariantGaps.add("invariant " + prop.name() + " at " + prop.loc().position() + ": "
					+ String.join("; ", g.what));
		}
		if (counting.count == 0 && invariantsHaveValues == null) {
			return p;
		}
		Var flag = new Var(VAR, VAR, new Type.Range(0, counting.count), null);
		ModelChecks real = new ModelChecks(flag);
		List<ThreadIr> threads = real.threads(p);
		List<Var> globals = new ArrayList<>(p.globals());
		globals.add(flag);
		properties.add(new Property(PROPERTY, Property.Kind.INVARIANT, counting.invariantGaps.isEmpty() ? DOC : DOC + "; " + String.join("; ", counting.invariantGaps),
				Guard.and(new Expr.Binary(Op.EQ, new Expr.VarRef(flag), new Expr.IntLit(0, flag.type()),
						new Type.Bool()), invariantsHaveValues),
				p.loc()));
		Map<String, Verdict> expectations = new LinkedHashMap<>(p.expectations());
		expectations.put(PROPERTY, Verdict.HOLDS);
		return new Program(p.spec(), p.scenario(), p.arch(), p.patch(), p.doc(), p.loc(), List.copyOf(globals),
				p.init(), threads, List.copyOf(properties), expectations, p.ignored(), p.views(), p.shapes());
	}

	/** The invariants that may have no value in some state (model_ok reports those states), by name. */
	public static List<String> invariantGaps(Program p) {
		Property model = p.property(PROPERTY);
		List<String> names = new ArrayList<>();
		if (model == null || model.doc() == null) {
			return names;
		}
		for (String part : model.doc().split("; invariant ")) {
			int end = part.indexOf(" at ");
			if (part != model.doc() && end > 0) {
				names.add(part.substring(0, end));
			}
		}
		return names;
	}

	/** The error-state variable of an instrumented program, or null. */
	public static Var flag(Program p) {
		for (Var v : p.globals()) {
			if (v.name().equals(VAR)) {
				return v;
			}
		}
		return null;
	}

	/** The check whose code an error state holds, with the thread and step it is in, or null. */
	public static Site site(Program p, int code) {
		for (ThreadIr t : p.threads()) {
			for (Step s : t.steps()) {
				Stmt.Check c = find(s.body(), code);
				if (c != null) {
					return new Site(t, s, c);
				}
			}
		}
		return null;
	}

	/** Where a model error is: the check, in a step of a thread. */
	public record Site(ThreadIr thread, Step step, Stmt.Check check) {
		/** "file:line:col: pmd[i]: index in 1..2 (thread fault, step 'pte = pmd[i]')" */
		public String describe() {
			return check.loc().position() + ": no value: " + check.what() + " (thread " + thread.name() + ", at '"
					+ step.label().replaceAll("\\s+", " ").strip() + "')";
		}
	}

	private static Stmt.Check find(List<Stmt> body, int code) {
		for (Stmt st : body) {
			Stmt.Check found = switch (st) {
			case Stmt.Check c -> c.code() == code ? c : null;
			case Stmt.If f -> {
				Stmt.Check c = find(f.then(), code);
				yield c != null ? c : find(f.otherwise(), code);
			}
			case Stmt.Either e -> {
				Stmt.Check c = null;
				for (List<Stmt> b : e.branches()) {
					c = c != null ? c : find(b, code);
				}
				yield c;
			}
			default -> null;
			};
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private List<ThreadIr> threads(Program p) {
		List<ThreadIr> out = new ArrayList<>();
		for (ThreadIr t : p.threads()) {
			List<Step> steps = new ArrayList<>();
			for (Step s : t.steps()) {
				temps.clear();
				steps.add(new Step(s.id(), s.label(), s.loc(), stmts(s.body(), s.loc()), s.frames()));
			}
			out.add(new ThreadIr(t.index(), t.name(), t.path(), t.daemon(), t.pc(), t.locals(), List.copyOf(steps),
					t.entry()));
		}
		return List.copyOf(out);
	}

	private List<Stmt> stmts(List<Stmt> body, SourceLoc loc) {
		List<Stmt> out = new ArrayList<>();
		for (Stmt st : body) {
			Guard g = new Guard();
			Stmt kept = st;
			switch (st) {
			case Stmt.Assign a -> {
				g.expr(a.target());
				g.expr(a.value());
			}
			case Stmt.Await a -> g.expr(a.cond());
			case Stmt.Assert a -> g.expr(a.cond());
			case Stmt.Let l -> {
				g.expr(l.value());
				Type.Range r = range(l.value());
				if (r != null) {
					temps.put(l.temp(), r);
				}
			}
			case Stmt.If f -> {
				g.expr(f.cond());
				kept = new Stmt.If(f.cond(), stmts(f.then(), loc), stmts(f.otherwise(), loc));
			}
			case Stmt.Either e -> kept = new Stmt.Either(e.branches().stream().map(b -> stmts(b, loc)).toList());
			case Stmt.Pick p -> {
				g.expr(p.lo());
				g.expr(p.hi());
				g.nonEmpty(p.lo(), p.hi());
				if (p.target() != null) {
					g.expr(p.target());
				}
				Type.Range lo = range(p.lo()), hi = range(p.hi());
				if (lo != null && hi != null) {
					temps.put(p.bound(), new Type.Range(lo.lo(), hi.hi()));
				}
				Guard inCond = new Guard();
				if (p.cond() != null) {
					inCond.expr(p.cond());
				}
				if (inCond.cond != null) {
					// the condition has no value for some candidates: pick any, check, then wait for the condition
					// (the same successors as the pick with its condition, when every candidate has a value)
					add(out, g, loc);
					out.add(new Stmt.Pick(null, p.bound(), p.lo(), p.hi(), null));
					add(out, inCond, loc);
					out.add(new Stmt.Await(p.cond()));
					if (p.target() != null) {
						out.add(new Stmt.Assign(p.target(), new Expr.TempRef(p.bound())));
					}
					continue;
				}
			}
			default -> {
			}
			}
			add(out, g, loc);
			out.add(kept);
		}
		return List.copyOf(out);
	}

	/**
	 * The values an expression can have, as far as its type, a literal, or what is known of the temp or quantified
	 * name says; null if unbounded.
	 */
	private Type.Range range(Expr e) {
		Type.Range known = switch (e) {
		case Expr.IntLit i -> new Type.Range(i.value(), i.value());
		case Expr.TempRef t -> temps.get(t.temp());
		case Expr.BoundRef b -> bound.get(b.name());
		case Expr.Cond c -> {
			Type.Range a = range(c.then()), b = range(c.otherwise());
			yield a == null || b == null ? null : new Type.Range(Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
		}
		default -> null;
		};
		if (known != null) {
			return known;
		}
		return e.type() instanceof Type.Range r && r.lo() != Integer.MIN_VALUE && r.hi() != Integer.MAX_VALUE ? r
				: null;
	}

	private void add(List<Stmt> out, Guard g, SourceLoc loc) {
		if (g.cond != null) {
			out.add(new Stmt.Check(g.cond, flag, ++count, String.join("; ", g.what), loc));
		}
	}

	/**
	 * The condition under which an expression has a value, built inner first and with the short-circuits of && ||
	 * and ?: (so that evaluating the condition itself never lacks a value).
	 */
	private final class Guard {
		Expr cond;
		final List<String> what = new ArrayList<>();

		void expr(Expr e) {
			Expr c = of(e);
			if (c != null) {
				cond = and(cond, c);
			}
		}

		void nonEmpty(Expr lo, Expr hi) {
			if (lo instanceof Expr.IntLit l && hi instanceof Expr.IntLit h && l.value() <= h.value()) {
				return;
			}
			cond = and(cond, bin(Op.LE, lo, hi));
			what.add("pick from " + ExprText.of(lo) + ".." + ExprText.of(hi) + ": a range that is not empty");
		}

		private Expr of(Expr e) {
			return switch (e) {
			case Expr.Index x -> {
				Expr c = and(of(x.base()), of(x.index()));
				int size = ((Type.Array) x.base().type()).size();
				if (!within(x.index(), 1, size)) {
					what.add(ExprText.of(x) + ": index in 1.." + size);
					c = and(c, inRange(x.index(), 1, size));
				}
				yield c;
			}
			case Expr.FieldGet f -> of(f.base());
			case Expr.Unary u -> of(u.operand());
			case Expr.Binary b -> binary(b);
			case Expr.Cond k -> {
				Expr t = of(k.then());
				Expr o = of(k.otherwise());
				Expr c = of(k.cond());
				yield t == null && o == null ? c
						: and(c, new Expr.Cond(k.cond(), orTrue(t), orTrue(o), new Type.Bool()));
			}
			case Expr.SetLit s -> {
				Expr c = null;
				for (Expr x : s.elems()) {
					c = and(c, of(x));
					if (!within(x, 0, SET_MAX)) {
						what.add(ExprText.of(x) + ": a set element in 0.." + SET_MAX);
						c = and(c, inRange(x, 0, SET_MAX));
					}
				}
				yield c;
			}
			case Expr.SetBuilder s -> {
				Expr c = and(of(s.lo()), of(s.hi()));
				Expr body = scoped(s.name(), s.lo(), s.hi(), s.cond());
				if (body != null) {
					c = and(c, new Expr.Quant(true, s.name(), s.lo(), s.hi(), body));
				}
				if (!within(s.lo(), 0, SET_MAX) || !within(s.hi(), 0, SET_MAX)) {
					what.add("{" + s.name() + " in " + ExprText.of(s.lo()) + ".." + ExprText.of(s.hi())
							+ "}: set elements in 0.." + SET_MAX);
					c = and(c, bin(Op.OR, bin(Op.GT, s.lo(), s.hi()),
							bin(Op.AND, bin(Op.GE, s.lo(), lit(0)), bin(Op.LE, s.hi(), lit(SET_MAX)))));
				}
				yield c;
			}
			case Expr.Quant q -> {
				Expr c = and(of(q.lo()), of(q.hi()));
				Expr body = scoped(q.name(), q.lo(), q.hi(), q.body());
				yield body == null ? c : and(c, new Expr.Quant(true, q.name(), q.lo(), q.hi(), body));
			}
			case Expr.RecordLit r -> {
				Expr c = null;
				for (Expr v : r.values()) {
					c = and(c, of(v));
				}
				yield c;
			}
			default -> null;
			};
		}

		private Expr binary(Expr.Binary b) {
			Expr l = of(b.left());
			Expr r = of(b.right());
			return switch (b.op()) {
			// the right operand is evaluated only when the left one does not decide
			case AND -> r == null ? l : and(l, bin(Op.OR, new Expr.Unary(Op.NOT, b.left(), new Type.Bool()), r));
			case OR -> r == null ? l : and(l, bin(Op.OR, b.left(), r));
			case DIV, MOD -> {
				Expr c = and(l, r);
				boolean mod = b.op() == Op.MOD;
				boolean safe = b.right() instanceof Expr.IntLit k && (mod ? k.value() > 0 : k.value() != 0);
				if (!safe) {
					what.add(ExprText.of(b) + (mod ? ": a divisor above 0" : ": a divisor other than 0"));
					c = and(c, bin(mod ? Op.GT : Op.NE, b.right(), lit(0)));
				}
				yield c;
			}
			default -> and(l, r);
			};
		}

		/** The guard of a quantifier's body, with the quantified name's range known inside it. */
		private Expr scoped(String name, Expr lo, Expr hi, Expr body) {
			Type.Range l = range(lo), h = range(hi);
			Type.Range outer = bound.get(name);
			if (l != null && h != null) {
				bound.put(name, new Type.Range(l.lo(), h.hi()));
			} else {
				bound.remove(name);
			}
			try {
				return of(body);
			} finally {
				if (outer != null) {
					bound.put(name, outer);
				} else {
					bound.remove(name);
				}
			}
		}

		/** Whether every value the expression can have lies in lo..hi. */
		private boolean within(Expr e, int lo, int hi) {
			Type.Range r = range(e);
			return r != null && r.lo() >= lo && r.hi() <= hi;
		}

		private static Expr inRange(Expr e, int lo, int hi) {
			return bin(Op.AND, bin(Op.GE, e, lit(lo)), bin(Op.LE, e, lit(hi)));
		}

		private static Expr orTrue(Expr e) {
			return e == null ? new Expr.BoolLit(true) : e;
		}

		static Expr and(Expr a, Expr b) {
			return a == null ? b : b == null ? a : bin(Op.AND, a, b);
		}

		static Expr bin(Op op, Expr l, Expr r) {
			return new Expr.Binary(op, l, r, new Type.Bool());
		}

		private static Expr lit(int v) {
			return new Expr.IntLit(v, new Type.Range(v, v));
		}
	}
}
