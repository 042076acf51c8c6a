package ptlock.lang.lower;

import java.util.List;

import ptlock.ir.Expr;

/** Which case a switch on a constant takes (then the switch costs no step). */
final class Switches {
	private Switches() {
	}

	static boolean isConstant(Expr e) {
		return e instanceof Expr.IntLit || e instanceof Expr.BoolLit || e instanceof Expr.EnumLit;
	}

	/**
	 * The index of the case a constant value selects (the default case when none matches, -1 when there is no
	 * default either), or null when the value is not a constant.
	 *
	 * @param labels each case's label, null for 'default'
	 */
	static Integer constantCase(Expr value, List<Expr> labels) {
		if (!isConstant(value)) {
			return null;
		}
		for (int i = 0; i < labels.size(); i++) {
			Expr l = labels.get(i);
			if (l != null && isConstant(l) && same(value, l)) {
				return i;
			}
		}
		return labels.indexOf(null);
	}

	private static boolean same(Expr a, Expr b) {
		return switch (a) {
		case Expr.IntLit x -> b instanceof Expr.IntLit y && x.value() == y.value();
		case Expr.BoolLit x -> b instanceof Expr.BoolLit y && x.value() == y.value();
		case Expr.EnumLit x -> b instanceof Expr.EnumLit y && x.literal().equals(y.literal());
		default -> false;
		};
	}
}
