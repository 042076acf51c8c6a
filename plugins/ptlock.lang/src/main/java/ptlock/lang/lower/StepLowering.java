package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import ptlock.ir.Expr;
import ptlock.ir.Stmt;
import ptlock.ir.Temp;
import ptlock.ir.Type;
import ptlock.lang.ptlock.AssertStmt;
import ptlock.lang.ptlock.AtomicStmt;
import ptlock.lang.ptlock.AwaitStmt;
import ptlock.lang.ptlock.Block;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.EitherStmt;
import ptlock.lang.ptlock.ExprStmt;
import ptlock.lang.ptlock.ForStmt;
import ptlock.lang.ptlock.IfStmt;
import ptlock.lang.ptlock.Param;
import ptlock.lang.ptlock.PickStmt;
import ptlock.lang.ptlock.ReturnStmt;
import ptlock.lang.ptlock.SinceStmt;
import ptlock.lang.ptlock.UnExpr;
import ptlock.lang.ptlock.VarDecl;
import ptlock.lang.ptlock.WhileStmt;
import ptlock.lang.validation.IssueCodes;

/**
 * Lowers statements that execute inside one atomic step (an atomic block, an atomic primitive, everything a call
 * in an expression inlines) to micro-operations. A 'return' ends the statement list: the statements after an 'if'
 * that returns on one branch are copied into the other branch, so every path ends where it returns.
 */
final class StepLowering {
	private final Scope scope;
	final ExprLowering exprs;

	/** Where 'return value;' stores its value (null: the value is not used, or none is allowed). */
	record Ret(Expr target, boolean allowed) {
		static final Ret NONE = new Ret(null, false);
	}

	StepLowering(Scope scope) {
		this.scope = scope;
		this.exprs = new ExprLowering(scope, this);
	}

	List<Stmt> lowerAll(List<ptlock.lang.ptlock.Stmt> stmts, Env env, Ret ret) {
		return seq(stmts, 0, env, ret);
	}

	private List<Stmt> seq(List<ptlock.lang.ptlock.Stmt> stmts, int i, Env env, Ret ret) {
		List<Stmt> out = new ArrayList<>();
		if (i >= stmts.size()) {
			return out;
		}
		ptlock.lang.ptlock.Stmt s = stmts.get(i);
		List<ptlock.lang.ptlock.Stmt> rest = stmts.subList(i + 1, stmts.size());
		switch (s) {
		case ReturnStmt r -> {
			out.addAll(ret(r, env, ret));
			return out;
		}
		case Block b -> {
			return seq(concat(b.getStmts(), rest), 0, env.child(), ret);
		}
		case IfStmt f when returns(f) -> {
			Expr c = exprs.bool(f.getCond(), env, out);
			List<Stmt> then = seq(concat(List.of(f.getThen()), rest), 0, env.child(), ret);
			List<Stmt> otherwise = seq(f.getElse() == null ? new ArrayList<>(rest) : concat(List.of(f.getElse()), rest),
					0, env.child(), ret);
			out.add(new Stmt.If(c, then, otherwise));
			return out;
		}
		case SinceStmt x -> {
			List<ptlock.lang.ptlock.Stmt> chosen = scope.applied(x.getPatch(), x) ? List.of(x.getThen())
					: x.getElse() == null ? List.of() : List.of(x.getElse());
			return seq(concat(chosen, rest), 0, env.child(), ret);
		}
		case EitherStmt e when returns(e) -> {
			List<List<Stmt>> branches = new ArrayList<>();
			for (Block b : e.getBranches()) {
				branches.add(seq(concat(List.of(b), rest), 0, env.child(), ret));
			}
			out.add(new Stmt.Either(branches));
			return out;
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
			out.addAll(seq(stmts, i + 1, inner, ret));
			return out;
		}
		case PickStmt p -> {
			Temp temp = new Temp(scope.fresh(p.getName()), TypeResolver.INT);
			Env inner = env.child();
			inner.bind(p.getName(), new Expr.TempRef(temp));
			out.add(pick(p, null, temp, env, inner));
			out.addAll(seq(stmts, i + 1, inner, ret));
			return out;
		}
		default -> {
			out.addAll(one(s, env, ret));
			out.addAll(seq(stmts, i + 1, env, ret));
			return out;
		}
		}
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

	private List<Stmt> one(ptlock.lang.ptlock.Stmt s, Env env, Ret ret) {
		List<Stmt> out = new ArrayList<>();
		switch (s) {
		case ExprStmt x -> out.addAll(exprStmt(x, env));
		case IfStmt f -> {
			Expr c = exprs.bool(f.getCond(), env, out);
			List<Stmt> then = seq(List.of(f.getThen()), 0, env.child(), ret);
			List<Stmt> otherwise = f.getElse() == null ? List.of() : seq(List.of(f.getElse()), 0, env.child(), ret);
			out.add(new Stmt.If(c, then, otherwise));
		}
		case AwaitStmt a -> out.add(new Stmt.Await(exprs.bool(a.getCond(), env, out)));
		case AssertStmt a -> {
			if (!scope.symbols.properties.containsKey(a.getProperty())) {
				scope.problems.error(IssueCodes.UNKNOWN_PROPERTY, "unknown property '" + a.getProperty()
						+ "' (declare it with: property " + a.getProperty() + " \"...\";)", a);
			}
			Expr c = exprs.bool(a.getCond(), env, out);
			out.add(new Stmt.Assert(a.getProperty(), c, Sources.of(a)));
		}
		case EitherStmt e -> {
			List<List<Stmt>> branches = new ArrayList<>();
			for (Block b : e.getBranches()) {
				branches.add(seq(b.getStmts(), 0, env.child(), ret));
			}
			out.add(new Stmt.Either(branches));
		}
		case ForStmt f -> {
			Integer lo = scope.consts.eval(f.getLo());
			Integer hi = scope.consts.eval(f.getHi());
			if (lo != null && hi != null) {
				for (int k = lo; k <= hi; k++) {
					Env inner = env.child();
					inner.bind(f.getName(), new Expr.IntLit(k, TypeResolver.INT));
					out.addAll(seq(List.of(f.getBody()), 0, inner, ret));
				}
			}
		}
		case AtomicStmt a -> out.addAll(seq(a.getBody().getStmts(), 0, env.child(), ret));
		case WhileStmt w -> scope.problems.error(IssueCodes.LOOP_IN_ATOMIC,
				"a while loop cannot run inside one atomic step; use a bounded 'for'", w);
		default -> throw new IllegalStateException("unexpected statement " + s);
		}
		return out;
	}

	/** 'lhs = value;' or 'call(args);' inside a step. */
	List<Stmt> exprStmt(ExprStmt x, Env env) {
		List<Stmt> out = new ArrayList<>();
		if (x.getValue() != null) {
			Expr target = exprs.lvalue(x.getExpr(), env, out);
			if (x.getValue() instanceof CallExpr c && Callee.of(scope.symbols, c.getName()) != null) {
				out.addAll(call(c, env, new Ret(target, true), target.type()));
				return out;
			}
			Expr value = exprs.lower(x.getValue(), env, out);
			exprs.expectCompatible(target.type(), value.type(), x.getValue());
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
		scope.problems.error(IssueCodes.UNKNOWN_PRIMITIVE,
				"unknown primitive or path '" + c.getName() + "' (is the prelude included?)", c);
	}

	/** Inlines a call atomically. Non-out parameters are passed by value (temps), '&' parameters by name. */
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
		scope.callStack.push(callee.name());
		boolean threadLevel = scope.threadLevel;
		scope.threadLevel = false; // the callee's body is inside this one step
		try {
			out.addAll(seq(callee.body().getStmts(), 0, calleeEnv,
					new Ret(ret.target(), true)));
		} finally {
			scope.threadLevel = threadLevel;
			scope.callStack.pop();
		}
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

	/** Whether a return statement occurs anywhere inside (not counting nested calls). */
	static boolean returns(EObject s) {
		if (s instanceof ReturnStmt) {
			return true;
		}
		for (EObject child : s.eContents()) {
			if (child instanceof ptlock.lang.ptlock.Stmt && returns(child)) {
				return true;
			}
		}
		return false;
	}

	private static List<ptlock.lang.ptlock.Stmt> concat(List<? extends ptlock.lang.ptlock.Stmt> a,
			List<? extends ptlock.lang.ptlock.Stmt> b) {
		List<ptlock.lang.ptlock.Stmt> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
