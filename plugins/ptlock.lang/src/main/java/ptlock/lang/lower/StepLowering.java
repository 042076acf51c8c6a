package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import ptlock.ir.Expr;
import ptlock.ir.Op;
import ptlock.ir.Stmt;
import ptlock.ir.Temp;
import ptlock.ir.Type;
import ptlock.lang.ptlock.AssertStmt;
import ptlock.lang.ptlock.AtomicStmt;
import ptlock.lang.ptlock.AwaitStmt;
import ptlock.lang.ptlock.Block;
import ptlock.lang.ptlock.BreakStmt;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.ContinueStmt;
import ptlock.lang.ptlock.DoWhileStmt;
import ptlock.lang.ptlock.EitherStmt;
import ptlock.lang.ptlock.ExprStmt;
import ptlock.lang.ptlock.ForStmt;
import ptlock.lang.ptlock.GotoStmt;
import ptlock.lang.ptlock.IfStmt;
import ptlock.lang.ptlock.LabelStmt;
import ptlock.lang.ptlock.Param;
import ptlock.lang.ptlock.PickStmt;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.ReturnStmt;
import ptlock.lang.ptlock.SinceStmt;
import ptlock.lang.ptlock.SwitchCase;
import ptlock.lang.ptlock.SwitchStmt;
import ptlock.lang.ptlock.UnExpr;
import ptlock.lang.ptlock.VarDecl;
import ptlock.lang.ptlock.WhileStmt;
import ptlock.lang.validation.IssueCodes;

/**
 * Lowers statements that execute inside one atomic step (an atomic block, an atomic primitive, everything a call
 * in an expression inlines) to a tree of micro-operations. A step has no loops, so control flow is lowered by
 * continuation: each statement is lowered together with what runs after it ({@link Cont}). A branch that leaves
 * its block early ('return', 'goto', 'break', 'continue') takes a copy of the code it continues with; other
 * branches rejoin. A 'for' is unrolled; 'goto' may only jump forward, as a step cannot loop.
 */
final class StepLowering {
	private static final int MAX_STMTS = 200_000;

	private final Scope scope;
	final ExprLowering exprs;
	private final Marks marks;
	private int emitted;

	/** Where 'return value;' stores its value (null: the value is not used, or none is allowed). */
	record Ret(Expr target, boolean allowed) {
		static final Ret NONE = new Ret(null, false);
	}

	/** A loop being unrolled: iteration k of lo..hi of a 'for' ('continue' goes to k + 1), or a switch. */
	private record Loop(ForStmt loop, int k, int hi, Env outer) {
		boolean isSwitch() {
			return loop == null;
		}
	}

	/**
	 * What runs after the current statement: the rest of a statement list, then the lists around it. Immutable,
	 * so that a branch can keep a copy.
	 */
	private record Cont(List<? extends ptlock.lang.ptlock.Stmt> stmts, int index, Env env, Loop loop, Cont outer) {
		Cont next() {
			return new Cont(stmts, index + 1, env, loop, outer);
		}

		Cont next(Env inner) {
			return new Cont(stmts, index + 1, inner, loop, outer);
		}
	}

	StepLowering(Scope scope) {
		this.scope = scope;
		this.exprs = new ExprLowering(scope, this);
		this.marks = new Marks(scope);
	}

	List<Stmt> lowerAll(List<ptlock.lang.ptlock.Stmt> stmts, Env env, Ret ret) {
		return run(new Cont(stmts, 0, env, null, null), ret);
	}

	private List<Stmt> run(Cont k, Ret ret) {
		List<Stmt> out = new ArrayList<>();
		while (k != null) {
			if (k.index() >= k.stmts().size()) {
				k = endOf(k);
				continue;
			}
			if (++emitted > MAX_STMTS) {
				scope.problems.error(IssueCodes.LOOP_IN_ATOMIC, "this step is too large to lower (more than "
						+ MAX_STMTS + " statements after unrolling)", k.stmts().get(k.index()));
				return out;
			}
			ptlock.lang.ptlock.Stmt s = k.stmts().get(k.index());
			Env env = k.env();
			switch (s) {
			case ReturnStmt r -> {
				out.addAll(ret(r, env, ret));
				return out;
			}
			case Block b -> k = new Cont(b.getStmts(), 0, env.child(), null, k.next());
			case AtomicStmt a -> k = new Cont(a.getBody().getStmts(), 0, env.child(), null, k.next());
			case SinceStmt x -> {
				ptlock.lang.ptlock.Stmt chosen = scope.applied(x.getPatch(), x) ? x.getThen() : x.getElse();
				k = chosen == null ? k.next() : new Cont(List.of(chosen), 0, env.child(), null, k.next());
			}
			case LabelStmt l -> k = k.next();
			case GotoStmt g -> {
				Cont target = gotoTarget(g, k, out);
				if (target == null) {
					return out;
				}
				k = target;
			}
			case BreakStmt b -> {
				Cont loop = innermost(k, true);
				if (loop == null) {
					scope.problems.error(IssueCodes.BAD_JUMP, "'break' outside a loop or switch", b);
					return out;
				}
				k = loop.outer();
			}
			case ContinueStmt c -> {
				Cont loop = innermost(k, false);
				if (loop == null) {
					scope.problems.error(IssueCodes.BAD_JUMP, "'continue' outside a loop", c);
					return out;
				}
				k = endOf(loop);
			}
			case VarDecl v -> {
				Type t = scope.types.resolve(v.getType());
				Temp temp = new Temp(scope.fresh(v.getName()), t);
				Expr init = v.getInit() == null ? Types.defaultValue(t) : exprs.lower(v.getInit(), env, out);
				if (init == null) {
					scope.problems.error(IssueCodes.NO_VALUE, "an array inside a step needs an initial value", v);
				} else {
					exprs.expectCompatible(t, init.type(), v);
					out.add(new Stmt.Let(temp, init));
				}
				Env inner = env.child();
				inner.bind(v.getName(), new Expr.TempRef(temp));
				k = k.next(inner);
			}
			case PickStmt p -> {
				Temp temp = new Temp(scope.fresh(p.getName()), TypeResolver.INT);
				Env inner = env.child();
				inner.bind(p.getName(), new Expr.TempRef(temp));
				out.add(pick(p, null, temp, env, inner));
				k = k.next(inner);
			}
			case IfStmt f -> {
				Expr c = exprs.bool(f.getCond(), env, out);
				if (c instanceof Expr.BoolLit b) {
					ptlock.lang.ptlock.Stmt chosen = b.value() ? f.getThen() : f.getElse();
					k = chosen == null ? k.next() : new Cont(List.of(chosen), 0, env.child(), null, k.next());
					continue;
				}
				if (leaves(f)) {
					out.add(new Stmt.If(c, branch(f.getThen(), env, k.next(), ret), branch(f.getElse(), env, k.next(), ret)));
					return out;
				}
				out.add(new Stmt.If(c, branch(f.getThen(), env, null, ret), branch(f.getElse(), env, null, ret)));
				k = k.next();
			}
			case EitherStmt e -> {
				boolean leaves = leaves(e);
				List<List<Stmt>> branches = new ArrayList<>();
				for (Block b : e.getBranches()) {
					branches.add(branch(b, env, leaves ? k.next() : null, ret));
				}
				out.add(new Stmt.Either(branches));
				if (leaves) {
					return out;
				}
				k = k.next();
			}
			case ForStmt f -> {
				Integer lo = scope.consts.eval(f.getLo());
				Integer hi = scope.consts.eval(f.getHi());
				if (lo != null && hi != null && Unrolling.tooLong(lo, hi)) {
					scope.problems.error(IssueCodes.TOO_BIG, Unrolling.message(lo, hi), f);
					k = k.next();
				} else if (lo == null || hi == null || lo > hi) {
					k = k.next();
				} else if (leaves(f)) {
					k = iteration(f, lo, hi, env, k.next());
				} else {
					// each iteration alone (its Loop ends at i, or endOf() would run i+1..hi after it, and then again);
					// over every thread id, the iterations are marked for symmetry reduction (Stmt.Mark.ITERATION)
					String mark = lo <= 1 && hi >= scope.threads && lo < hi ? scope.loopId() : null;
					for (int i = lo; i <= hi; i++) {
						if (mark != null) {
							out.add(Stmt.Mark.loop(Stmt.Mark.ITERATION, mark, i));
						}
						out.addAll(run(iteration(f, i, i, env, null), ret).stream().toList());
					}
					if (mark != null) {
						out.add(Stmt.Mark.loop(Stmt.Mark.LOOP_END, mark, hi));
					}
					k = k.next();
				}
			}
			case SwitchStmt w -> {
				List<Stmt> dispatch = switchStmt(w, env, k.next(), ret);
				out.addAll(dispatch);
				return out;
			}
			case WhileStmt w -> {
				scope.problems.error(IssueCodes.LOOP_IN_ATOMIC,
						"a while loop cannot run inside one atomic step; use a bounded 'for'", w);
				k = k.next();
			}
			case DoWhileStmt w -> {
				scope.problems.error(IssueCodes.LOOP_IN_ATOMIC,
						"a do-while loop cannot run inside one atomic step; use a bounded 'for'", w);
				k = k.next();
			}
			default -> {
				out.addAll(one(s, env));
				k = k.next();
			}
			}
		}
		return out;
	}

	/** The code of one branch: its statement, then (if it leaves its block) the copy of what follows. */
	private List<Stmt> branch(ptlock.lang.ptlock.Stmt s, Env env, Cont after, Ret ret) {
		if (s == null) {
			return after == null ? new ArrayList<>() : run(after, ret);
		}
		return run(new Cont(List.of(s), 0, env.child(), null, after), ret);
	}

	/** Iteration k of an unrolled 'for': its body with the loop variable bound to k. */
	private Cont iteration(ForStmt f, int k, int hi, Env outer, Cont after) {
		Env inner = outer.child();
		inner.bind(f.getName(), new Expr.IntLit(k, TypeResolver.INT));
		return new Cont(List.of(f.getBody()), 0, inner, new Loop(f, k, hi, outer), after);
	}

	/** Where control goes when a statement list ends: the next iteration of its loop, or the enclosing list. */
	private Cont endOf(Cont k) {
		Loop l = k.loop();
		if (l != null && !l.isSwitch() && l.k() < l.hi()) {
			return iteration(l.loop(), l.k() + 1, l.hi(), l.outer(), k.outer());
		}
		return k.outer();
	}

	/** The innermost loop (or, for 'break', switch) around the current statement. */
	private static Cont innermost(Cont k, boolean orSwitch) {
		for (Cont c = k; c != null; c = c.outer()) {
			if (c.loop() != null && (orSwitch || !c.loop().isSwitch())) {
				return c;
			}
		}
		return null;
	}

	/**
	 * 'goto L;' inside a step: L must come later in this list or an enclosing one (a backward jump would loop).
	 * Declarations jumped over hold their type's zero value.
	 */
	private Cont gotoTarget(GotoStmt g, Cont k, List<Stmt> out) {
		for (Cont c = k.next(); c != null; c = c.outer()) {
			for (int i = c.index(); i < c.stmts().size(); i++) {
				if (c.stmts().get(i) instanceof LabelStmt l && l.getName().equals(g.getLabel())) {
					Env env = c.env();
					for (int j = c.index(); j < i; j++) {
						env = skipDeclaration(c.stmts().get(j), env, out);
					}
					return new Cont(c.stmts(), i, env, c.loop(), c.outer());
				}
			}
		}
		boolean exists = Labels.declaredIn(scope.currentBody(), g.getLabel());
		scope.problems.error(exists ? IssueCodes.LOOP_IN_ATOMIC : IssueCodes.UNKNOWN_LABEL, exists
				? "inside one atomic step 'goto " + g.getLabel() + "' can only jump forward, to a label in this block"
						+ " or an enclosing one (a step cannot loop)"
				: "no label '" + g.getLabel() + "' in this " + scope.currentKind(), g);
		return null;
	}

	private Env skipDeclaration(ptlock.lang.ptlock.Stmt s, Env env, List<Stmt> out) {
		if (s instanceof VarDecl v) {
			Type t = scope.types.resolve(v.getType());
			Temp temp = new Temp(scope.fresh(v.getName()), t);
			Expr zero = Types.defaultValue(t);
			if (zero != null) {
				out.add(new Stmt.Let(temp, zero));
			}
			Env inner = env.child();
			inner.bind(v.getName(), new Expr.TempRef(temp));
			return inner;
		}
		return env;
	}

	/**
	 * switch (v) { case A: ... }: one branch per case, each running from its case to the end of the switch (C's
	 * fall-through) unless a 'break' leaves it; then what follows the switch.
	 */
	private List<Stmt> switchStmt(SwitchStmt w, Env env, Cont after, Ret ret) {
		List<Stmt> out = new ArrayList<>();
		Expr v = exprs.lower(w.getValue(), env, out);
		List<Expr> labels = new ArrayList<>();
		for (SwitchCase c : w.getCases()) {
			labels.add(c.isDefault() ? null : caseLabel(c, v, env));
		}
		Integer chosen = Switches.constantCase(v, labels);
		if (chosen != null) {
			out.addAll(chosen < 0 ? run(after, ret) : run(fallThrough(w, chosen, env, after), ret));
			return out;
		}
		int dflt = labels.indexOf(null);
		List<Stmt> otherwise = dflt < 0 ? run(after, ret) : run(fallThrough(w, dflt, env, after), ret);
		for (int i = labels.size() - 1; i >= 0; i--) {
			if (labels.get(i) != null) {
				Expr test = Folding.fold(new Expr.Binary(Op.EQ, v, labels.get(i), new Type.Bool()));
				otherwise = List.of(new Stmt.If(test, run(fallThrough(w, i, env, after), ret), otherwise));
			}
		}
		out.addAll(otherwise);
		return out;
	}

	/** The statements from case i to the end of the switch, as one list that 'break' leaves. */
	private Cont fallThrough(SwitchStmt w, int from, Env env, Cont after) {
		List<ptlock.lang.ptlock.Stmt> all = new ArrayList<>();
		for (int i = from; i < w.getCases().size(); i++) {
			all.addAll(w.getCases().get(i).getStmts());
		}
		return new Cont(all, 0, env.child(), new Loop(null, 0, 0, env), after);
	}

	Expr caseLabel(SwitchCase c, Expr value, Env env) {
		List<Stmt> pre = new ArrayList<>();
		Expr label = exprs.lower(c.getLabel(), env, pre);
		if (!pre.isEmpty() || !Switches.isConstant(label)) {
			scope.problems.error(IssueCodes.NOT_CONSTANT, "a case label must be a constant", c.getLabel());
		}
		exprs.expectCompatible(value.type(), label.type(), c.getLabel());
		return label;
	}

	Stmt.Pick pick(PickStmt p, Expr target, Temp temp, Env outer, Env inner) {
		List<Stmt> pre = new ArrayList<>();
		Expr lo = exprs.integer(p.getLo(), outer, pre);
		Expr hi = exprs.integer(p.getHi(), outer, pre);
		Expr cond = p.getCond() == null ? null : exprs.bool(p.getCond(), inner, pre);
		if (!pre.isEmpty()) {
			scope.problems.error(IssueCodes.TYPE_MISMATCH, "a pick's range and condition cannot call primitives", p);
		}
		return new Stmt.Pick(target, temp, lo, hi, cond);
	}

	private List<Stmt> one(ptlock.lang.ptlock.Stmt s, Env env) {
		List<Stmt> out = new ArrayList<>();
		switch (s) {
		case ExprStmt x -> out.addAll(exprStmt(x, env));
		case AwaitStmt a -> out.add(new Stmt.Await(exprs.bool(a.getCond(), env, out)));
		case AssertStmt a -> {
			if (!scope.symbols.properties.containsKey(a.getProperty())) {
				scope.problems.error(IssueCodes.UNKNOWN_PROPERTY, "unknown property '" + a.getProperty()
						+ "' (declare it with: property " + a.getProperty() + " \"...\";)", a);
			}
			Expr c = exprs.bool(a.getCond(), env, out);
			out.add(new Stmt.Assert(a.getProperty(), c, Sources.of(a)));
		}
		default -> throw new IllegalStateException("unexpected statement " + s);
		}
		return out;
	}

	/** 'lhs = value;', 'lhs += value;', 'lhs++;', 'call(args);' or 'WRITE_ONCE(lhs, value);' inside a step. */
	List<Stmt> exprStmt(ExprStmt x, Env env) {
		List<Stmt> out = new ArrayList<>();
		if (x.getStep() != null) {
			Expr target = exprs.lvalue(x.getExpr(), env, out);
			if (!Types.isInt(target.type())) {
				scope.problems.error(IssueCodes.TYPE_MISMATCH, "'" + x.getStep() + "' needs an integer variable", x);
			}
			Op op = "++".equals(x.getStep()) ? Op.ADD : Op.SUB;
			out.add(new Stmt.Assign(target, new Expr.Binary(op, target, new Expr.IntLit(1, TypeResolver.INT),
					TypeResolver.INT)));
			return out;
		}
		if (x.getValue() != null) {
			Expr target = exprs.lvalue(x.getExpr(), env, out);
			boolean plain = x.getAssign() == null || "=".equals(x.getAssign());
			if (plain && x.getValue() instanceof CallExpr c && Callee.of(scope.symbols, c.getName()) != null) {
				out.addAll(call(c, env, new Ret(target, true), target.type()));
				return out;
			}
			Expr value = exprs.lower(x.getValue(), env, out);
			if (!plain) {
				value = compound(x, target, value);
			}
			exprs.expectCompatible(target.type(), value.type(), x.getValue());
			out.add(new Stmt.Assign(target, value));
			return out;
		}
		if (x.getExpr() instanceof CallExpr c && Builtins.isWriteOnce(scope.symbols, c)) {
			Expr target = exprs.lvalue(c.getArgs().get(0), env, out);
			Expr value = exprs.lower(c.getArgs().get(1), env, out);
			exprs.expectCompatible(target.type(), value.type(), c.getArgs().get(1));
			out.add(new Stmt.Assign(target, value));
			return out;
		}
		if (x.getExpr() instanceof CallExpr c) {
			out.addAll(call(c, env, Ret.NONE, null));
			return out;
		}
		scope.problems.error(IssueCodes.TYPE_MISMATCH, "this statement has no effect (expected an assignment or a call)",
				x);
		return out;
	}

	/** x += v, x -= v: integers, or sets (union and difference, as '+' and '-' on sets). */
	private Expr compound(ExprStmt x, Expr target, Expr value) {
		boolean add = "+=".equals(x.getAssign());
		if (target.type() instanceof Type.Set) {
			return new Expr.Binary(add ? Op.UNION : Op.DIFF, target, value, target.type());
		}
		if (!Types.isInt(target.type()) || !Types.isInt(value.type())) {
			scope.problems.error(IssueCodes.TYPE_MISMATCH, "'" + x.getAssign() + "' needs integers or sets", x);
		}
		return new Expr.Binary(add ? Op.ADD : Op.SUB, target, value, TypeResolver.INT);
	}

	/** A call in an expression: inlined into the current step; the expression reads its result. */
	Expr callForValue(CallExpr c, Env env, List<Stmt> pre) {
		Callee callee = Callee.of(scope.symbols, c.getName());
		if (callee == null) {
			unknownCallee(c);
			return new Expr.IntLit(0, TypeResolver.INT);
		}
		if (callee.result() == null) {
			scope.problems.error(IssueCodes.NO_VALUE, "'" + c.getName() + "' does not return a value", c);
			return new Expr.IntLit(0, TypeResolver.INT);
		}
		if (scope.threadLevel && !callee.atomic()) {
			scope.problems.error(IssueCodes.MULTI_STEP_IN_EXPRESSION, "'" + c.getName() + "' takes several steps: call it"
					+ " as a statement ('x = " + c.getName() + "(...);'), not inside an expression", c);
		}
		Type t = scope.types.resolve(callee.result());
		Temp result = new Temp(scope.fresh(c.getName()), t);
		Expr init = Types.defaultValue(t);
		if (init != null) {
			pre.add(new Stmt.Let(result, init));
		}
		pre.addAll(call(c, env, new Ret(new Expr.TempRef(result), true), t));
		return new Expr.TempRef(result);
	}

	void unknownCallee(CallExpr c) {
		scope.problems.unknown(IssueCodes.UNKNOWN_PRIMITIVE, "unknown primitive or path '" + c.getName() + "'",
				c.getName(), c);
	}

	/**
	 * Inlines a call atomically. Non-out parameters are passed by value (temps), '&' parameters by name. An atomic
	 * primitive with tags is seen by the static rules through its tags (marks after its body), not through the
	 * primitives it calls.
	 */
	List<Stmt> call(CallExpr c, Env env, Ret ret, Type expected) {
		List<Stmt> out = new ArrayList<>();
		Callee callee = Callee.of(scope.symbols, c.getName());
		if (callee == null) {
			unknownCallee(c);
			return out;
		}
		if (callee.params().size() != c.getArgs().size()) {
			scope.problems.error(IssueCodes.ARG_COUNT, "'" + callee.name() + "' takes " + callee.params().size()
					+ " argument(s), not " + c.getArgs().size(), c);
			return out;
		}
		if (scope.callStack.contains(callee.name())) {
			scope.problems.error(IssueCodes.RECURSIVE_CALL, "recursive call of '" + callee.name()
					+ "' (calls are inlined: use a loop)", c);
			return out;
		}
		if (ret.target() != null && callee.result() == null) {
			scope.problems.error(IssueCodes.NO_VALUE, "'" + callee.name() + "' does not return a value", c);
			return out;
		}
		if (callee.result() != null && expected != null) {
			exprs.expectCompatible(expected, scope.types.resolve(callee.result()), c);
		}
		Env calleeEnv = bindArgs(callee, c, env, out, true);
		Prim tagged = callee.atomic() && callee.decl() instanceof Prim p && Marks.hasEffects(p) ? p : null;
		scope.callStack.push(callee.name());
		scope.enterBody(callee);
		scope.callSites.push(Marks.statementOf(c));
		boolean threadLevel = scope.threadLevel;
		scope.threadLevel = false; // the callee's body is inside this one step
		if (tagged != null) {
			scope.marksHidden++;
		}
		try {
			out.addAll(run(new Cont(callee.body().getStmts(), 0, calleeEnv, null, null), new Ret(ret.target(), true)));
		} finally {
			if (tagged != null) {
				scope.marksHidden--;
			}
			scope.threadLevel = threadLevel;
			scope.leaveBody();
			scope.callStack.pop();
		}
		if (tagged != null && scope.marksHidden == 0) {
			out.addAll(marks.of(tagged, calleeEnv, ret.target(), c));
		}
		scope.callSites.pop();
		return out;
	}

	/** Binds the callee's parameters to the arguments in a fresh scope (lexical: the callee sees only globals). */
	Env bindArgs(Callee callee, CallExpr c, Env env, List<Stmt> out, boolean byValue) {
		Env calleeEnv = new Env(null);
		for (int k = 0; k < callee.params().size(); k++) {
			Param p = callee.params().get(k);
			ptlock.lang.ptlock.Expr argAst = c.getArgs().get(k);
			boolean addressOf = argAst instanceof UnExpr u && "&".equals(u.getOp());
			if (p.isOut() && !addressOf) {
				scope.problems.error(IssueCodes.NOT_ASSIGNABLE, "parameter '" + p.getName() + "' of '"
						+ callee.name() + "' is an out-parameter: pass '&variable'", argAst);
			}
			Expr arg = p.isOut() ? exprs.lvalue(argAst instanceof UnExpr u && addressOf ? u.getOperand() : argAst, env,
					out) : exprs.lower(argAst, env, out);
			if (byValue && !p.isOut() && needsSnapshot(arg)) {
				Temp t = new Temp(scope.fresh(p.getName()), arg.type());
				out.add(new Stmt.Let(t, arg));
				arg = new Expr.TempRef(t);
			}
			calleeEnv.bind(p.getName(), arg);
		}
		return calleeEnv;
	}

	private static boolean needsSnapshot(Expr arg) {
		return !(arg instanceof Expr.IntLit || arg instanceof Expr.BoolLit || arg instanceof Expr.EnumLit
				|| arg instanceof Expr.TempRef);
	}

	private List<Stmt> ret(ReturnStmt r, Env env, Ret ret) {
		List<Stmt> out = new ArrayList<>();
		if (!ret.allowed()) {
			scope.problems.error(IssueCodes.BAD_RETURN, "'return' is not allowed here", r);
			return out;
		}
		if (r.getValue() != null) {
			Expr v = exprs.lower(r.getValue(), env, out);
			if (ret.target() != null) {
				exprs.expectCompatible(ret.target().type(), v.type(), r.getValue());
				out.add(new Stmt.Assign(ret.target(), v));
			}
		} else if (ret.target() != null) {
			scope.problems.error(IssueCodes.NO_VALUE, "this primitive must return a value", r);
		}
		return out;
	}

	/**
	 * Whether control can leave the statement other than by reaching its end: a 'return' or 'goto' anywhere in it
	 * (not counting calls), or a 'break' / 'continue' that no loop or switch inside it catches.
	 */
	static boolean leaves(EObject s) {
		return leaves(s, false, false);
	}

	private static boolean leaves(EObject s, boolean inLoop, boolean inSwitch) {
		if (s instanceof ReturnStmt || s instanceof GotoStmt) {
			return true;
		}
		if (s instanceof BreakStmt) {
			return !inLoop && !inSwitch;
		}
		if (s instanceof ContinueStmt) {
			return !inLoop;
		}
		boolean loop = inLoop || s instanceof ForStmt || s instanceof WhileStmt || s instanceof DoWhileStmt;
		boolean sw = inSwitch || s instanceof SwitchStmt;
		for (EObject child : s.eContents()) {
			if ((child instanceof ptlock.lang.ptlock.Stmt || child instanceof SwitchCase) && leaves(child, loop, sw)) {
				return true;
			}
		}
		return false;
	}
}
