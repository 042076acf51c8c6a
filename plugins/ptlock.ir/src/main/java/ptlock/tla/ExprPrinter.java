package ptlock.tla;

import java.util.stream.Collectors;

import ptlock.ir.Expr;
import ptlock.ir.Op;
import ptlock.ir.Type;

/** Renders an IR expression as TLA+ in a symbolic state (variables read their current symbolic value). */
final class ExprPrinter {

	private ExprPrinter() {
	}

	static String print(Expr e, SymState s) {
		return switch (e) {
		case Expr.IntLit i -> i.value() < 0 ? "(" + i.value() + ")" : Integer.toString(i.value());
		case Expr.BoolLit b -> b.value() ? "TRUE" : "FALSE";
		case Expr.EnumLit l -> "\"" + l.literal() + "\"";
		case Expr.VarRef v -> {
			String cur = s == null ? null : s.values.get(v.var());
			yield cur == null ? v.var().name() : "(" + cur + ")";
		}
		case Expr.TempRef t -> {
			String cur = s.temps.get(t.temp());
			if (cur == null) {
				throw new IllegalStateException("temp " + t.temp().name() + " read before it is set");
			}
			yield "(" + cur + ")";
		}
		case Expr.BoundRef b -> b.name();
		case Expr.Index x -> print(x.base(), s) + "[" + print(x.index(), s) + "]";
		case Expr.FieldGet f -> print(f.base(), s) + "." + f.field();
		case Expr.Unary u -> u.op() == Op.NOT ? "~(" + print(u.operand(), s) + ")" : "-(" + print(u.operand(), s) + ")";
		case Expr.Binary b -> "(" + print(b.left(), s) + " " + b.op().tla + " " + print(b.right(), s) + ")";
		case Expr.Cond c -> "(IF " + print(c.cond(), s) + " THEN " + print(c.then(), s) + " ELSE "
				+ print(c.otherwise(), s) + ")";
		case Expr.SetLit l -> l.elems().stream().map(x -> print(x, s)).collect(Collectors.joining(", ", "{", "}"));
		case Expr.SetBuilder b -> "{" + b.name() + " \\in " + print(b.lo(), s) + ".." + print(b.hi(), s) + " : "
				+ print(b.cond(), s) + "}";
		case Expr.Quant q -> "(" + (q.forall() ? "\\A " : "\\E ") + q.name() + " \\in " + print(q.lo(), s) + ".."
				+ print(q.hi(), s) + " : " + print(q.body(), s) + ")";
		case Expr.RecordLit r -> {
			StringBuilder sb = new StringBuilder("[");
			for (int i = 0; i < r.values().size(); i++) {
				sb.append(i == 0 ? "" : ", ").append(r.type().fields().get(i).name()).append(" |-> ")
						.append(print(r.values().get(i), s));
			}
			yield sb.append("]").toString();
		}
		};
	}

	/** The TLA+ set of all values of a type (for TypeOK). */
	static String typeSet(Type t) {
		return switch (t) {
		case Type.Bool b -> "BOOLEAN";
		case Type.Range r -> "(" + r.lo() + ".." + r.hi() + ")";
		case Type.Enum en -> en.literals().stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(", ", "{", "}"));
		case Type.Set st -> "SUBSET " + typeSet(st.elem());
		case Type.Array a -> "[1.." + a.size() + " -> " + typeSet(a.elem()) + "]";
		case Type.Record r -> r.fields().stream().map(f -> f.name() + ": " + typeSet(f.type()))
				.collect(Collectors.joining(", ", "[", "]"));
		};
	}

	/** The default (zero) value of a type, the value a variable has before the init block runs. */
	static String defaultValue(Type t) {
		return defaultValue(t, 1);
	}

	private static String defaultValue(Type t, int depth) {
		return switch (t) {
		case Type.Bool b -> "FALSE";
		case Type.Range r -> Integer.toString(r.lo() <= 0 && r.hi() >= 0 ? 0 : r.lo());
		case Type.Enum en -> "\"" + en.literals().get(0) + "\"";
		case Type.Set st -> "{}";
		case Type.Array a -> "[i" + depth + " \\in 1.." + a.size() + " |-> " + defaultValue(a.elem(), depth + 1) + "]";
		case Type.Record r -> r.fields().stream().map(f -> f.name() + " |-> " + defaultValue(f.type(), depth + 1))
				.collect(Collectors.joining(", ", "[", "]"));
		};
	}
}
