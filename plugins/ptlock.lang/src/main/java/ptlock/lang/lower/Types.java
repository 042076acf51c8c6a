package ptlock.lang.lower;

import ptlock.ir.Expr;
import ptlock.ir.Type;

/** Type compatibility and default values. */
final class Types {
	private Types() {
	}

	static boolean compatible(Type a, Type b) {
		return switch (a) {
		case Type.Bool x -> b instanceof Type.Bool;
		case Type.Range x -> b instanceof Type.Range;
		case Type.Enum x -> b instanceof Type.Enum y && x.name().equals(y.name());
		case Type.Set x -> b instanceof Type.Set;
		case Type.Array x -> b instanceof Type.Array y && x.size() == y.size() && compatible(x.elem(), y.elem());
		case Type.Record x -> b instanceof Type.Record y && x.name().equals(y.name());
		};
	}

	static boolean isInt(Type t) {
		return t instanceof Type.Range;
	}

	static boolean isBool(Type t) {
		return t instanceof Type.Bool;
	}

	/** The zero value of a type as an IR expression (temps without initializer), or null for arrays. */
	static Expr defaultValue(Type t) {
		return switch (t) {
		case Type.Bool b -> new Expr.BoolLit(false);
		case Type.Range r -> new Expr.IntLit(r.lo() <= 0 && r.hi() >= 0 ? 0 : r.lo(), t);
		case Type.Enum e -> new Expr.EnumLit(e, e.literals().get(0));
		case Type.Set s -> new Expr.SetLit(java.util.List.of(), s);
		case Type.Record r -> new Expr.RecordLit(r,
				r.fields().stream().map(f -> defaultValue(f.type())).toList());
		case Type.Array a -> null;
		};
	}

	static String describe(Type t) {
		return switch (t) {
		case Type.Range r -> r.equals(TypeResolver.INT) ? "int" : r.toString();
		default -> t.toString();
		};
	}
}
