package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import ptlock.ir.Expr;
import ptlock.ir.Op;
import ptlock.ir.Stmt;
import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.lang.ptlock.BinExpr;
import ptlock.lang.ptlock.BoolLit;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.CondExpr;
import ptlock.lang.ptlock.EnumDecl;
import ptlock.lang.ptlock.FieldExpr;
import ptlock.lang.ptlock.FieldInit;
import ptlock.lang.ptlock.IndexExpr;
import ptlock.lang.ptlock.IntLit;
import ptlock.lang.ptlock.NameRef;
import ptlock.lang.ptlock.Quantifier;
import ptlock.lang.ptlock.RecordDecl;
import ptlock.lang.ptlock.RecordLit;
import ptlock.lang.ptlock.SelfExpr;
import ptlock.lang.ptlock.SetBuilder;
import ptlock.lang.ptlock.SetLit;
import ptlock.lang.ptlock.UnExpr;
import ptlock.lang.validation.IssueCodes;

/**
 * Lowers expressions. A call to a primitive that returns a value is inlined into the current step: its statements are
 * appended to {@code pre} (they run before the expression is evaluated) and the call becomes a read of its result.
 */
final class ExprLowering {
	private final Scope scope;
	private final StepLowering steps;

	ExprLowering(Scope scope, StepLowering steps) {
		this.scope = scope;
		this.steps = steps;
	}

	/** The expression, folded where its operands are constants (no step for what the constants decide). */
	Expr lower(ptlock.lang.ptlock.Expr e, Env env, List<Stmt> pre) {
		return Folding.fold(unfolded(e, env, pre));
	}

	private Expr unfolded(ptlock.lang.ptlock.Expr e, Env env, List<Stmt> pre) {
		return switch (e) {
		case IntLit i -> new Expr.IntLit(i.getValue(), TypeResolver.INT);
		case BoolLit b -> new Expr.BoolLit(b.isValue());
		case SelfExpr s -> {
			if (scope.threadIndex == 0) {
				scope.problems.error(IssueCodes.UNKNOWN_NAME, "'self' is only defined inside a thread", s);
			}
			yield new Expr.IntLit(scope.threadIndex, new Type.Range(0, scope.threads));
		}
		case NameRef n -> name(n.getName(), n, env);
		case IndexExpr x -> index(x, env, pre);
		case FieldExpr f -> field(f, env, pre);
		case UnExpr u -> unary(u, env, pre);
		case BinExpr b -> binary(b, env, pre);
		case CondExpr c -> conditional(c, env, pre);
		case SetLit s -> {
			List<Expr> elems = new ArrayList<>();
			for (ptlock.lang.ptlock.Expr x : s.getElems()) {
				elems.add(integer(x, env, pre));
			}
			yield new Expr.SetLit(elems, new Type.Set(TypeResolver.INT));
		}
		case SetBuilder b -> {
			Bounded x = bounded(b.getName(), b.getLo(), b.getHi(), b.getCond(), env, pre);
			yield new Expr.SetBuilder(x.name(), x.lo(), x.hi(), x.body(), new Type.Set(TypeResolver.INT));
		}
		case Quantifier q -> {
			Bounded x = bounded(q.getName(), q.getLo(), q.getHi(), q.getBody(), env, pre);
			yield new Expr.Quant("forall".equals(q.getKind()), x.name(), x.lo(), x.hi(), x.body());
		}
		case RecordLit r -> record(r, env, pre);
		case CallExpr c when Builtins.isIdentity(scope.symbols, c) -> lower(c.getArgs().get(0), env, pre);
		case CallExpr c -> steps.callForValue(c, env, pre);
		default -> throw new IllegalStateException("unexpected expression " + e);
		};
	}

	/** c ? a : b; primitives called in a or b run only on their side, as in C. */
	private Expr conditional(CondExpr c, Env env, List<Stmt> pre) {
		Expr cond = bool(c.getCond(), env, pre);
		List<Stmt> preA = new ArrayList<>();
		List<Stmt> preB = new ArrayList<>();
		Expr a = lower(c.getThen(), env, preA);
		Expr b = lower(c.getElse(), env, preB);
		expectCompatible(a.type(), b.type(), c);
		if (cond instanceof ptlock.ir.Expr.BoolLit k) {
			pre.addAll(k.value() ? preA : preB);
			return k.value() ? a : b;
		}
		Expr zero = Types.defaultValue(a.type());
		if ((preA.isEmpty() && preB.isEmpty()) || zero == null) {
			pre.addAll(preA);
			pre.addAll(preB);
			return new Expr.Cond(cond, a, b, a.type());
		}
		ptlock.ir.Temp t = new ptlock.ir.Temp(scope.fresh("cond"), a.type());
		pre.add(new Stmt.Let(t, zero));
		List<Stmt> then = new ArrayList<>(preA);
		then.add(new Stmt.Assign(new Expr.TempRef(t), a));
		List<Stmt> otherwise = new ArrayList<>(preB);
		otherwise.add(new Stmt.Assign(new Expr.TempRef(t), b));
		pre.add(new Stmt.If(cond, then, otherwise));
		return new Expr.TempRef(t);
	}

	/** A variable bound over lo..hi (unique name in the generated TLA+) and a condition that reads it. */
	private record Bounded(String name, Expr lo, Expr hi, Expr body) {
	}

	private Bounded bounded(String name, ptlock.lang.ptlock.Expr lo, ptlock.lang.ptlock.Expr hi,
			ptlock.lang.ptlock.Expr body, Env env, List<Stmt> pre) {
		String bound = scope.fresh(name);
		Expr l = integer(lo, env, pre);
		Expr h = integer(hi, env, pre);
		Env inner = env.child();
		inner.bind(name, new Expr.BoundRef(bound, TypeResolver.INT));
		List<Stmt> inBody = new ArrayList<>();
		Expr b = bool(body, inner, inBody);
		if (!inBody.isEmpty()) {
			// a call would run once, before the quantifier, without its bound variable
			scope.problems.error(IssueCodes.NOT_CONSTANT, "a quantifier or set builder cannot call primitives in its"
					+ " condition: write the primitive's expression there", body);
		}
		return new Bounded(bound, l, h, b);
	}

	/** A condition. As in C, an integer is true when it is not 0 ('if (!pte.table)'). */
	Expr bool(ptlock.lang.ptlock.Expr e, Env env, List<Stmt> pre) {
		Expr x = lower(e, env, pre);
		if (Types.isInt(x.type())) {
			return Folding.fold(new Expr.Binary(Op.NE, x, new Expr.IntLit(0, TypeResolver.INT), new Type.Bool()));
		}
		if (!Types.isBool(x.type())) {
			mismatch("a condition (bool)", x.type(), e);
		}
		return x;
	}

	Expr integer(ptlock.lang.ptlock.Expr e, Env env, List<Stmt> pre) {
		Expr x = lower(e, env, pre);
		if (!Types.isInt(x.type())) {
			mismatch("an integer", x.type(), e);
		}
		return x;
	}

	/** An assignable expression: a variable, temp, element or field of one (not a constant or parameter value). */
	Expr lvalue(ptlock.lang.ptlock.Expr e, Env env, List<Stmt> pre) {
		Expr x = lower(e, env, pre);
		if (!isLvalue(x)) {
			scope.problems.error(IssueCodes.NOT_ASSIGNABLE, "cannot assign to this expression", e);
		}
		return x;
	}

	static boolean isLvalue(Expr x) {
		return switch (x) {
		case Expr.VarRef v -> true;
		case Expr.TempRef t -> true;
		case Expr.Index i -> isLvalue(i.base());
		case Expr.FieldGet f -> isLvalue(f.base());
		default -> false;
		};
	}

	void expectCompatible(Type target, Type value, EObject at) {
		if (!Types.compatible(target, value)) {
			mismatch(Types.describe(target), value, at);
		}
	}

	private void mismatch(String expected, Type actual, EObject at) {
		scope.problems.error(IssueCodes.TYPE_MISMATCH, "expected " + expected + " but found " + Types.describe(actual),
				at);
	}

	private Expr name(String name, EObject at, Env env) {
		Expr bound = env.lookup(name);
		if (bound != null) {
			return bound;
		}
		Var g = scope.globals.get(name);
		if (g != null) {
			return new Expr.VarRef(g);
		}
		if ("THREADS".equals(name)) {
			return new Expr.IntLit(scope.threads, TypeResolver.INT);
		}
		if (scope.symbols.consts.containsKey(name)) {
			Integer v = scope.consts.named(name, at);
			return new Expr.IntLit(v == null ? 0 : v, TypeResolver.INT);
		}
		EnumDecl en = scope.symbols.enumLiterals.get(name);
		if (en != null) {
			return new Expr.EnumLit(scope.types.enumType(en), name);
		}
		scope.problems.unknown(IssueCodes.UNKNOWN_NAME, "unknown name '" + name + "'", name, at);
		return new Expr.IntLit(0, TypeResolver.INT);
	}

	private Expr index(IndexExpr x, Env env, List<Stmt> pre) {
		Expr base = lower(x.getBase(), env, pre);
		Expr idx = integer(x.getIndex(), env, pre);
		if (base.type() instanceof Type.Array a) {
			return new Expr.Index(base, idx, a.elem());
		}
		scope.problems.error(IssueCodes.TYPE_MISMATCH, "indexing something that is not an array ("
				+ Types.describe(base.type()) + ")", x);
		return base;
	}

	private Expr field(FieldExpr f, Env env, List<Stmt> pre) {
		Expr base = lower(f.getBase(), env, pre);
		if (base.type() instanceof Type.Record r) {
			Type.Field fd = r.field(f.getField());
			if (fd != null) {
				return new Expr.FieldGet(base, f.getField(), fd.type());
			}
			scope.problems.error(IssueCodes.UNKNOWN_FIELD, r.name() + " has no field '" + f.getField() + "'", f);
			return base;
		}
		scope.problems.error(IssueCodes.TYPE_MISMATCH, "'." + f.getField() + "' on something that is not a struct", f);
		return base;
	}

	private Expr unary(UnExpr u, Env env, List<Stmt> pre) {
		if ("&".equals(u.getOp())) {
			// address-of documents an out-parameter: the callee assigns through it (call by name)
			return lvalue(u.getOperand(), env, pre);
		}
		if ("!".equals(u.getOp())) {
			return new Expr.Unary(Op.NOT, bool(u.getOperand(), env, pre), new Type.Bool());
		}
		return new Expr.Unary(Op.NEG, integer(u.getOperand(), env, pre), TypeResolver.INT);
	}

	private Expr binary(BinExpr b, Env env, List<Stmt> pre) {
		String op = b.getOp();
		switch (op) {
		case "&&":
		case "||":
			return shortCircuit("&&".equals(op), b, env, pre);
		case "==":
		case "!=": {
			Expr l = lower(b.getLeft(), env, pre);
			Expr r = lower(b.getRight(), env, pre);
			expectCompatible(l.type(), r.type(), b);
			return new Expr.Binary("==".equals(op) ? Op.EQ : Op.NE, l, r, new Type.Bool());
		}
		case "in": {
			Expr l = integer(b.getLeft(), env, pre);
			Expr r = lower(b.getRight(), env, pre);
			if (!(r.type() instanceof Type.Set)) {
				mismatch("a set", r.type(), b.getRight());
			}
			return new Expr.Binary(Op.IN, l, r, new Type.Bool());
		}
		case "<":
		case "<=":
		case ">":
		case ">=": {
			Op o = switch (op) {
			case "<" -> Op.LT;
			case "<=" -> Op.LE;
			case ">" -> Op.GT;
			default -> Op.GE;
			};
			return new Expr.Binary(o, integer(b.getLeft(), env, pre), integer(b.getRight(), env, pre),
					new Type.Bool());
		}
		default: {
			Expr l = lower(b.getLeft(), env, pre);
			Expr r = lower(b.getRight(), env, pre);
			if (l.type() instanceof Type.Set && ("+".equals(op) || "-".equals(op))) {
				if (!(r.type() instanceof Type.Set)) {
					mismatch("a set", r.type(), b.getRight());
				}
				return new Expr.Binary("+".equals(op) ? Op.UNION : Op.DIFF, l, r, l.type());
			}
			if (!Types.isInt(l.type())) {
				mismatch("an integer", l.type(), b.getLeft());
			}
			if (!Types.isInt(r.type())) {
				mismatch("an integer", r.type(), b.getRight());
			}
			Op o = switch (op) {
			case "+" -> Op.ADD;
			case "-" -> Op.SUB;
			case "*" -> Op.MUL;
			case "/" -> Op.DIV;
			default -> Op.MOD;
			};
			return new Expr.Binary(o, l, r, TypeResolver.INT);
		}
		}
	}

	/**
	 * a && b, a || b. As in C, primitives called in b run only when a does not decide: 'p.table != 0 &&
	 * ptep_get(p) == None' never reads through a NULL pointer.
	 */
	private Expr shortCircuit(boolean and, BinExpr b, Env env, List<Stmt> pre) {
		Expr l = bool(b.getLeft(), env, pre);
		List<Stmt> preR = new ArrayList<>();
		Expr r = bool(b.getRight(), env, preR);
		Op op = and ? Op.AND : Op.OR;
		if (l instanceof Expr.BoolLit k) {
			if (k.value() != and) {
				return k; // false && ..., true || ...: the right side never runs
			}
			pre.addAll(preR);
			return r;
		}
		if (preR.isEmpty()) {
			return new Expr.Binary(op, l, r, new Type.Bool());
		}
		ptlock.ir.Temp t = new ptlock.ir.Temp(scope.fresh(and ? "and" : "or"), new Type.Bool());
		pre.add(new Stmt.Let(t, l));
		List<Stmt> right = new ArrayList<>(preR);
		right.add(new Stmt.Assign(new Expr.TempRef(t), r));
		Expr runRight = and ? new Expr.TempRef(t) : new Expr.Unary(Op.NOT, new Expr.TempRef(t), new Type.Bool());
		pre.add(new Stmt.If(runRight, right, List.of()));
		return new Expr.TempRef(t);
	}

	private Expr record(RecordLit r, Env env, List<Stmt> pre) {
		RecordDecl decl = scope.symbols.records.get(r.getType());
		if (decl == null) {
			scope.problems.unknown(IssueCodes.UNKNOWN_TYPE, "unknown struct '" + r.getType() + "'", r.getType(), r);
			return new Expr.IntLit(0, TypeResolver.INT);
		}
		Type.Record t = scope.types.recordType(decl);
		List<Expr> values = new ArrayList<>();
		for (Type.Field f : t.fields()) {
			FieldInit init = r.getFields().stream().filter(x -> f.name().equals(x.getName())).findFirst().orElse(null);
			if (init == null) {
				scope.problems.error(IssueCodes.UNKNOWN_FIELD, "missing field '" + f.name() + "'", r);
				values.add(Types.defaultValue(f.type()));
				continue;
			}
			Expr v = lower(init.getValue(), env, pre);
			expectCompatible(f.type(), v.type(), init);
			values.add(v);
		}
		for (FieldInit init : r.getFields()) {
			if (t.field(init.getName()) == null) {
				scope.problems.error(IssueCodes.UNKNOWN_FIELD, t.name() + " has no field '" + init.getName() + "'",
						init);
			}
		}
		return new Expr.RecordLit(t, values);
	}
}
