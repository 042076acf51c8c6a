package ptlock.ir;

import java.util.stream.Collectors;

/** An IR expression as a kernel developer reads it (C-like, names as written in the .ptl file), for messages. */
public final class ExprText {
	private ExprText() {
	}

	public static String of(Expr e) {
		return switch (e) {
		case Expr.IntLit i -> Integer.toString(i.value());
		case Expr.BoolLit b -> Boolean.toString(b.value());
		case Expr.EnumLit l -> l.literal();
		case Expr.VarRef v -> v.var().source();
		case Expr.TempRef t -> t.temp().name().replaceFirst("^_+", "");
		case Expr.BoundRef b -> b.name().replaceFirst("_\\d+$", ""); // as written: lowering numbers nested ones
		case Expr.Index x -> of(x.base()) + "[" + of(x.index()) + "]";
		case Expr.FieldGet f -> of(f.base()) + "." + f.field();
		case Expr.Unary u -> (u.op() == Op.NOT ? "!" : "-") + atom(u.operand());
		case Expr.Binary b -> atom(b.left()) + " " + c(b.op()) + " " + atom(b.right());
		case Expr.Cond k -> atom(k.cond()) + " ? " + atom(k.then()) + " : " + atom(k.otherwise());
		case Expr.SetLit s -> s.elems().stream().map(ExprText::of).collect(Collectors.joining(", ", "{", "}"));
		case Expr.SetBuilder s -> "{" + s.name() + " in " + of(s.lo()) + ".." + of(s.hi()) + " where " + of(s.cond())
				+ "}";
		case Expr.Quant q -> (q.forall() ? "forall " : "exists ") + q.name() + " in " + of(q.lo()) + ".." + of(q.hi())
				+ ": " + of(q.body());
		case Expr.RecordLit r -> r.values().stream().map(ExprText::of).collect(Collectors.joining(", ", "{", "}"));
		};
	}

	private static String atom(Expr e) {
		return e instanceof Expr.Binary || e instanceof Expr.Cond ? "(" + of(e) + ")" : of(e);
	}

	private static String c(Op op) {
		return switch (op) {
		case ADD -> "+";
		case SUB, NEG, DIFF -> "-";
		case MUL -> "*";
		case DIV -> "/";
		case MOD -> "%";
		case EQ -> "==";
		case NE -> "!=";
		case LT -> "<";
		case LE -> "<=";
		case GT -> ">";
		case GE -> ">=";
		case AND -> "&&";
		case OR -> "||";
		case NOT -> "!";
		case IN -> "in";
		case UNION -> "+";
		};
	}
}
