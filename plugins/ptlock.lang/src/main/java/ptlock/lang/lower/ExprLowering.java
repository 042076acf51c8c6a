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

	Expr lower(ptlock.lang.ptlock.Expr e, Env env, List<Stmt> pre) {
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
		case CondExpr c -> {
			Expr cond = bool(c.getCond(), env, pre);
			Expr a = lower(c.getThen(), env, pre);
			Expr b = lower(c.getElse(), env, pre);
			expectCompatible(a.type(), b.type(), c);
			yield new Expr.Cond(cond, a, b, a.type());
		}
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
		case CallExpr c -> steps.callForValue(c, env, pre);
		default -> throw new IllegalStateException("unexpected expression " + e);
		};
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
		return new Bounded(bound, l, h, bool(body, inner, pre));
	}

	Expr bool(ptlock.lang.ptlock.Expr e, Env env, List<Stmt> pre) {
		Expr x = lower(e, env, pre);
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
		scope.problems.error(IssueCodes.UNKNOWN_NAME, "unknown name '" + name + "'", at);
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
			return new Expr.Binary("&&".equals(op) ? Op.AND : Op.OR, bool(b.getLeft(), env, pre),
					bool(b.getRight(), env, pre), new Type.Bool());
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

	private Expr record(RecordLit r, Env env, List<Stmt> pre) {
		RecordDecl decl = scope.symbols.records.get(r.getType());
		if (decl == null) {
			scope.problems.error(IssueCodes.UNKNOWN_TYPE, "unknown struct '" + r.getType() + "'", r);
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
