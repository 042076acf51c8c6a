package ptlock.lang.lower;

import ptlock.ir.Expr;
import ptlock.ir.Op;

/**
 * Constant folding of one expression node whose operands are already folded: what the constants, the
 * architecture and the thread's arguments decide costs no step (docs/LANGUAGE.md, "What is one step").
 * Operands are pure IR expressions (calls were hoisted into the step before), so dropping one changes nothing.
 */
final class Folding {
	private Folding() {
	}

	static Expr fold(Expr e) {
		return switch (e) {
		case Expr.Unary u -> unary(u);
		case Expr.Binary b -> binary(b);
		case Expr.Cond c when c.cond() instanceof Expr.BoolLit b -> b.value() ? c.then() : c.otherwise();
		default -> e;
		};
	}

	private static Expr unary(Expr.Unary u) {
		if (u.op() == Op.NOT && u.operand() instanceof Expr.BoolLit b) {
			return new Expr.BoolLit(!b.value());
		}
		if (u.op() == Op.NOT && u.operand() instanceof Expr.Unary inner && inner.op() == Op.NOT) {
			return inner.operand();
		}
		if (u.op() == Op.NEG && u.operand() instanceof Expr.IntLit i && i.value() != Integer.MIN_VALUE) {
			return new Expr.IntLit(-i.value(), i.type());
		}
		return u;
	}

	private static Expr binary(Expr.Binary b) {
		Expr l = b.left();
		Expr r = b.right();
		if (b.op() == Op.AND || b.op() == Op.OR) {
			boolean and = b.op() == Op.AND;
			// false && x, x && false: false; true && x: x (and the duals for ||)
			if (l instanceof Expr.BoolLit x) {
				return x.value() == and ? r : x;
			}
			if (r instanceof Expr.BoolLit y) {
				return y.value() == and ? l : y;
			}
			return b;
		}
		if ((b.op() == Op.EQ || b.op() == Op.NE) && literal(l) && literal(r)) {
			return new Expr.BoolLit(value(l).equals(value(r)) == (b.op() == Op.EQ));
		}
		if (l instanceof Expr.IntLit x && r instanceof Expr.IntLit y) {
			return integers(b, x.value(), y.value());
		}
		return b;
	}

	private static Expr integers(Expr.Binary b, int x, int y) {
		try {
			return switch (b.op()) {
			case ADD -> new Expr.IntLit(Math.addExact(x, y), TypeResolver.INT);
			case SUB -> new Expr.IntLit(Math.subtractExact(x, y), TypeResolver.INT);
			case MUL -> new Expr.IntLit(Math.multiplyExact(x, y), TypeResolver.INT);
			// TLA+'s \div and % round towards minus infinity, as Math.floorDiv / floorMod do
			case DIV -> y == 0 ? b : new Expr.IntLit(Math.floorDiv(x, y), TypeResolver.INT);
			case MOD -> y <= 0 ? b : new Expr.IntLit(Math.floorMod(x, y), TypeResolver.INT);
			case LT -> new Expr.BoolLit(x < y);
			case LE -> new Expr.BoolLit(x <= y);
			case GT -> new Expr.BoolLit(x > y);
			case GE -> new Expr.BoolLit(x >= y);
			default -> b;
			};
		} catch (ArithmeticException overflow) {
			// left to the checker, which reports values outside their type
			return b;
		}
	}

	private static boolean literal(Expr e) {
		return e instanceof Expr.IntLit || e instanceof Expr.BoolLit || e instanceof Expr.EnumLit;
	}

	private static Object value(Expr e) {
		return switch (e) {
		case Expr.IntLit i -> i.value();
		case Expr.BoolLit b -> b.value();
		case Expr.EnumLit en -> en.type().name() + "." + en.literal();
		default -> throw new IllegalArgumentException(String.valueOf(e));
		};
	}
}
