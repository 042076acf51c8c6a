package ptlock.tla;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import ptlock.ir.Expr;
import ptlock.ir.Stmt;
import ptlock.ir.Var;

/**
 * Compiles the micro-operation tree of one step into TLA+ disjuncts, one per path through the tree, by symbolic
 * execution: each variable's new value is an expression over the state before the step. The method for each
 * micro-operation is named after its {@link Stmt} record; the simulator's interpreter mirrors them one to one.
 */
final class StepCompiler {
	private final Set<String> checkedAssertions;
	private int binderCounter;

	StepCompiler(Set<String> checkedAssertions) {
		this.checkedAssertions = checkedAssertions;
	}

	/** All complete paths of a statement list, starting from the given state. */
	List<SymState> paths(List<Stmt> body, SymState start) {
		List<SymState> out = new ArrayList<>();
		Consumer<SymState> outer = complete;
		complete = out::add;
		try {
			exec(body, 0, start, out::add);
		} finally {
			complete = outer;
		}
		return out;
	}

	/** Where complete paths of the step go: a failed check ends the whole step, not only its statement list. */
	private Consumer<SymState> complete;

	private void exec(List<Stmt> stmts, int i, SymState s, Consumer<SymState> done) {
		if (i == stmts.size()) {
			done.accept(s);
			return;
		}
		Stmt st = stmts.get(i);
		Consumer<SymState> next = t -> exec(stmts, i + 1, t, done);
		switch (st) {
		case Stmt.Assign a -> next.accept(assign(a, s));
		case Stmt.Await a -> next.accept(await(a, s));
		case Stmt.Assert a -> next.accept(assertion(a, s));
		case Stmt.Let l -> next.accept(let(l, s));
		case Stmt.If f -> ifThenElse(f, s, next);
		case Stmt.Either e -> either(e, s, next);
		case Stmt.Pick p -> next.accept(pick(p, s));
		case Stmt.Check c -> check(c, s, next, complete);
		case Stmt.Goto g -> done.accept(jump(TlaNames.pcValue(g.step()), s));
		case Stmt.Halt h -> done.accept(jump(TlaNames.DONE, s));
		// for the static rules only: no TLA+ (StepExecutor skips it too)
		case Stmt.Mark m -> next.accept(s);
		}
	}

	/** Assign: the root variable gets [old EXCEPT !sel = value] (or the value itself). */
	private SymState assign(Stmt.Assign a, SymState s) {
		String value = ExprPrinter.print(a.value(), s);
		SymState t = s.copy();
		StringBuilder selectors = new StringBuilder();
		Expr root = root(a.target(), selectors, s);
		String newValue = selectors.isEmpty() ? value
				: "[" + current(root, s) + " EXCEPT !" + selectors + " = " + value + "]";
		switch (root) {
		case Expr.VarRef v -> t.values.put(v.var(), newValue);
		case Expr.TempRef tr -> t.temps.put(tr.temp(), newValue);
		default -> throw new IllegalStateException("not assignable: " + root);
		}
		return t;
	}

	private static Expr root(Expr target, StringBuilder selectors, SymState s) {
		return switch (target) {
		case Expr.Index x -> {
			Expr r = root(x.base(), selectors, s);
			selectors.append('[').append(ExprPrinter.print(x.index(), s)).append(']');
			yield r;
		}
		case Expr.FieldGet f -> {
			Expr r = root(f.base(), selectors, s);
			selectors.append('.').append(f.field());
			yield r;
		}
		default -> target;
		};
	}

	private static String current(Expr root, SymState s) {
		return switch (root) {
		case Expr.VarRef v -> s.values.getOrDefault(v.var(), v.var().name());
		case Expr.TempRef t -> s.temps.get(t.temp());
		default -> throw new IllegalStateException();
		};
	}

	/** Await: a guard of the path. */
	private static SymState await(Stmt.Await a, SymState s) {
		SymState t = s.copy();
		t.guards.add(ExprPrinter.print(a.cond(), s));
		return t;
	}

	/** Assert: recorded; the step sets the property's violation flag if it is false. */
	private SymState assertion(Stmt.Assert a, SymState s) {
		if (!checkedAssertions.contains(a.property())) {
			return s;
		}
		SymState t = s.copy();
		t.asserts.computeIfAbsent(a.property(), k -> new ArrayList<>()).add(ExprPrinter.print(a.cond(), s));
		return t;
	}

	/** Let: a step-local value, substituted where it is read. */
	private static SymState let(Stmt.Let l, SymState s) {
		SymState t = s.copy();
		t.temps.put(l.temp(), ExprPrinter.print(l.value(), s));
		return t;
	}

	/** If: two paths, guarded by the condition and its negation (constant conditions fold). */
	private void ifThenElse(Stmt.If f, SymState s, Consumer<SymState> next) {
		if (f.cond() instanceof Expr.BoolLit b) {
			exec(b.value() ? f.then() : f.otherwise(), 0, s, next);
			return;
		}
		String c = ExprPrinter.print(f.cond(), s);
		Boolean known = constant(c);
		if (known != null) {
			// the condition became a constant once the values earlier in the step were substituted
			exec(known ? f.then() : f.otherwise(), 0, s, next);
			return;
		}
		if (pure(f.then()) && pure(f.otherwise())) {
			next.accept(merged(c, f, s));
			return;
		}
		SymState yes = s.copy();
		yes.guards.add(c);
		exec(f.then(), 0, yes, next);
		SymState no = s.copy();
		no.guards.add("~(" + c + ")");
		exec(f.otherwise(), 0, no, next);
	}

	/**
	 * Branches that only compute (assignments, lets, such ifs inside) are one path: each variable they change gets
	 * 'IF c THEN new ELSE other'. Two paths per if would repeat the rest of the step after each, which doubles
	 * the disjuncts per if: an if in an unrolled loop (flush_tlb_range() over the CPUs) grows exponentially.
	 */
	private SymState merged(String c, Stmt.If f, SymState s) {
		// the value before the if appears in both arms ('IF c THEN [v EXCEPT ...] ELSE v'): a long one is named by a
		// LET first, or k ifs in a row (an unrolled loop) would write it 2^k times
		SymState base = s.copy();
		java.util.Set<Var> written = new java.util.LinkedHashSet<>(only(f.then(), s).values.keySet());
		written.addAll(only(f.otherwise(), s).values.keySet());
		for (Var v : written) {
			String before = s.values.getOrDefault(v, v.name());
			if (before.length() > LET_ABOVE) {
				String name = "let_" + (++binderCounter);
				base.binders.add(LET + name + " == " + before);
				base.values.put(v, name);
			}
		}
		SymState yes = only(f.then(), base);
		SymState no = only(f.otherwise(), base);
		SymState t = base.copy();
		// definitions made inside the arms name values over the state before the step: hoisting them is harmless
		for (SymState arm : List.of(yes, no)) {
			for (String b : arm.binders.subList(base.binders.size(), arm.binders.size())) {
				t.binders.add(b);
			}
		}
		java.util.Set<Var> vars = new java.util.LinkedHashSet<>(yes.values.keySet());
		vars.addAll(no.values.keySet());
		for (Var v : vars) {
			String before = base.values.getOrDefault(v, v.name());
			t.values.put(v, choose(c, yes.values.getOrDefault(v, before), no.values.getOrDefault(v, before)));
		}
		java.util.Set<ptlock.ir.Temp> temps = new java.util.LinkedHashSet<>(yes.temps.keySet());
		temps.addAll(no.temps.keySet());
		for (ptlock.ir.Temp x : temps) {
			String y = yes.temps.get(x);
			String n = no.temps.get(x);
			t.temps.put(x, y == null ? n : n == null ? y : choose(c, y, n));
		}
		return t;
	}

	/** Values longer than this (characters of TLA+) that a merged if would repeat get a LET name. */
	private static final int LET_ABOVE = 40;

	/** The prefix of a LET definition among {@link SymState#binders}. */
	static final String LET = "LET ";

	private static String choose(String c, String yes, String no) {
		return yes.equals(no) ? yes : "(IF " + c + " THEN " + yes + " ELSE " + no + ")";
	}

	/** The one path of pure statements. */
	private SymState only(List<Stmt> body, SymState s) {
		List<SymState> out = paths(body, s.copy());
		if (out.size() != 1) {
			throw new IllegalStateException("a pure branch has " + out.size() + " paths");
		}
		return out.get(0);
	}

	/** Only assignments, lets and ifs of them: no guard, no jump, no choice, no assertion. */
	private static boolean pure(List<Stmt> body) {
		for (Stmt st : body) {
			boolean ok = switch (st) {
			case Stmt.Assign a -> true;
			case Stmt.Let l -> true;
			case Stmt.Mark m -> true;
			case Stmt.If f -> pure(f.then()) && pure(f.otherwise());
			default -> false;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/** TRUE or FALSE if the TLA+ text is that literal (in parentheses, possibly negated), else null. */
	static Boolean constant(String tla) {
		String t = tla.strip();
		while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
			t = t.substring(1, t.length() - 1).strip();
		}
		if (t.equals("TRUE")) {
			return true;
		}
		if (t.equals("FALSE")) {
			return false;
		}
		if (t.startsWith("~")) {
			Boolean inner = constant(t.substring(1));
			return inner == null ? null : !inner;
		}
		return null;
	}

	private static boolean balanced(String s) {
		int depth = 0;
		for (char ch : s.toCharArray()) {
			if (ch == '(') {
				depth++;
			} else if (ch == ')' && --depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

	/** Either: one path per branch. */
	private void either(Stmt.Either e, SymState s, Consumer<SymState> next) {
		for (List<Stmt> branch : e.branches()) {
			exec(branch, 0, s.copy(), next);
		}
	}

	/** Pick: an existential binder over lo..hi, guarded by the condition. */
	private SymState pick(Stmt.Pick p, SymState s) {
		String name = "k" + (++binderCounter);
		SymState t = s.copy();
		t.binders.add(name + " \\in " + ExprPrinter.print(p.lo(), s) + ".." + ExprPrinter.print(p.hi(), s));
		t.temps.put(p.bound(), name);
		if (p.cond() != null) {
			t.guards.add(ExprPrinter.print(p.cond(), t));
		}
		if (p.target() != null) {
			return assign(new Stmt.Assign(p.target(), new Expr.TempRef(p.bound())), t);
		}
		return t;
	}

	/**
	 * Check (StepExecutor.check): the path goes on only if the condition holds; if it does not, the step ends in the
	 * error state instead: every variable as before the step (pc too, {@link SymState#nextPc} null), the error flag
	 * set to the check's code.
	 */
	private static void check(Stmt.Check c, SymState s, Consumer<SymState> next, Consumer<SymState> complete) {
		String cond = ExprPrinter.print(c.cond(), s);
		Boolean known = constant(cond);
		if (known == null || !known) {
			SymState error = new SymState();
			error.binders.addAll(s.binders);
			error.guards.addAll(s.guards);
			if (known == null) {
				error.guards.add("~(" + cond + ")");
			}
			error.values.put(c.flag(), Integer.toString(c.code()));
			complete.accept(error);
		}
		if (known == null || known) {
			SymState ok = s.copy();
			if (known == null) {
				ok.guards.add(cond);
			}
			next.accept(ok);
		}
	}

	/** Goto / Halt: the path ends with the thread's next pc. */
	private static SymState jump(String pc, SymState s) {
		SymState t = s.copy();
		t.nextPc = pc;
		return t;
	}

	/** Ensures every state variable written is still typed: used by the generator for UNCHANGED. */
	static boolean assigns(SymState s, Var v) {
		return s.values.containsKey(v);
	}
}
