package ptlock.sim;

import ptlock.ir.Expr;
import ptlock.ir.Op;
import ptlock.ir.Type;

/**
 * Evaluates IR expressions on a state, with TLA+'s meaning (integer division and modulo round down, /\ and \/
 * evaluate left to right). Scalars (bool, range, enum, set) are ints; arrays and records are flat int slices.
 * Each case mirrors ptlock.tla.ExprPrinter.
 */
final class Evaluator {
	private final Layout layout;
	// caches keyed by IR object identity (IR records hash deeply)
	private final java.util.Map<Type, Integer> widths = new java.util.IdentityHashMap<>();
	private final java.util.Map<Expr.FieldGet, Integer> fieldOffsets = new java.util.IdentityHashMap<>();
	private final java.util.Map<Expr.EnumLit, Integer> ordinals = new java.util.IdentityHashMap<>();

	Evaluator(Layout layout) {
		this.layout = layout;
	}

	private int width(Type t) {
		Integer w = widths.get(t);
		if (w == null) {
			w = Layout.width(t);
			widths.put(t, w);
		}
		return w;
	}

	/** Where a variable, temp, element or field lives: storage and offset. */
	record Loc(int[] storage, int offset) {
	}

	static boolean composite(Type t) {
		return t instanceof Type.Array || t instanceof Type.Record;
	}

	int scalar(Expr e, Env env) {
		return switch (e) {
		case Expr.IntLit i -> i.value();
		case Expr.BoolLit b -> b.value() ? 1 : 0;
		case Expr.EnumLit l -> {
			Integer o = ordinals.get(l);
			if (o == null) {
				o = ordinal(l.type(), l.literal());
				ordinals.put(l, o);
			}
			yield o;
		}
		case Expr.BoundRef b -> env.bound(b.name());
		case Expr.VarRef v -> read(e, env);
		case Expr.TempRef t -> read(e, env);
		case Expr.Index x -> read(e, env);
		case Expr.FieldGet f -> read(e, env);
		case Expr.Unary u -> u.op() == Op.NOT ? 1 - scalar(u.operand(), env) : -scalar(u.operand(), env);
		case Expr.Binary b -> binary(b, env);
		case Expr.Cond c -> scalar(c.cond(), env) != 0 ? scalar(c.then(), env) : scalar(c.otherwise(), env);
		case Expr.SetLit s -> {
			int bits = 0;
			for (Expr x : s.elems()) {
				bits |= bit(scalar(x, env));
			}
			yield bits;
		}
		case Expr.SetBuilder s -> {
			int lo = scalar(s.lo(), env), hi = scalar(s.hi(), env), bits = 0;
			for (int v = lo; v <= hi; v++) {
				env.bind(s.name(), v);
				if (scalar(s.cond(), env) != 0) {
					bits |= bit(v);
				}
			}
			env.unbind(s.name());
			yield bits;
		}
		case Expr.Quant q -> {
			int lo = scalar(q.lo(), env), hi = scalar(q.hi(), env);
			boolean result = q.forall();
			for (int v = lo; v <= hi; v++) {
				env.bind(q.name(), v);
				boolean holds = scalar(q.body(), env) != 0;
				if (q.forall() && !holds) {
					result = false;
					break;
				}
				if (!q.forall() && holds) {
					result = true;
					break;
				}
			}
			env.unbind(q.name());
			yield result ? 1 : 0;
		}
		case Expr.RecordLit r -> throw new IllegalStateException("a struct value is not a scalar");
		};
	}

	/** Any value as a flat slice (scalars as one slot). */
	int[] value(Expr e, Env env) {
		if (!composite(e.type())) {
			return new int[] { scalar(e, env) };
		}
		switch (e) {
		case Expr.RecordLit r -> {
			int[] out = new int[width(r.type())];
			int at = 0;
			for (int i = 0; i < r.values().size(); i++) {
				int[] v = value(r.values().get(i), env);
				System.arraycopy(v, 0, out, at, v.length);
				at += v.length;
			}
			return out;
		}
		case Expr.Cond c -> {
			return scalar(c.cond(), env) != 0 ? value(c.then(), env) : value(c.otherwise(), env);
		}
		default -> {
			Loc l = locate(e, env);
			int w = width(e.type());
			int[] out = new int[w];
			System.arraycopy(l.storage(), l.offset(), out, 0, w);
			return out;
		}
		}
	}

	/** The storage of a variable, temp, or an element or field of one. */
	Loc locate(Expr e, Env env) {
		return switch (e) {
		case Expr.VarRef v -> new Loc(env.state, layout.offset(v.var()));
		case Expr.TempRef t -> {
			int[] s = env.temp(t.temp());
			if (s == null) {
				throw new IllegalStateException("temp " + t.temp().name() + " read before it is set");
			}
			yield new Loc(s, 0);
		}
		case Expr.Index x -> {
			Loc base = locate(x.base(), env);
			Type.Array a = (Type.Array) x.base().type();
			int i = scalar(x.index(), env);
			if (i < 1 || i > a.size()) {
				throw new EvalException("index " + i + " is outside 1.." + a.size());
			}
			yield new Loc(base.storage(), base.offset() + (i - 1) * width(a.elem()));
		}
		case Expr.FieldGet f -> {
			Loc base = locate(f.base(), env);
			Integer off = fieldOffsets.get(f);
			if (off == null) {
				off = Layout.fieldOffset((Type.Record) f.base().type(), f.field());
				fieldOffsets.put(f, off);
			}
			yield new Loc(base.storage(), base.offset() + off);
		}
		default -> {
			// an element or field of a computed value (a struct literal, a conditional): evaluate it first
			int[] v = value(e, env);
			yield new Loc(v, 0);
		}
		};
	}

	// the result of at(): storage and offset, kept in fields so that reads allocate nothing (one evaluator per
	// worker thread, so this is not shared)
	private int[] atStorage;
	private int atOffset;

	/** Like locate(), without allocating: sets atStorage and atOffset. */
	private void at(Expr e, Env env) {
		switch (e) {
		case Expr.VarRef v -> {
			atStorage = env.state;
			atOffset = layout.offset(v.var());
		}
		case Expr.Index x -> {
			Type.Array a = (Type.Array) x.base().type();
			int i = scalar(x.index(), env);
			if (i < 1 || i > a.size()) {
				throw new EvalException("index " + i + " is outside 1.." + a.size());
			}
			at(x.base(), env);
			atOffset += (i - 1) * width(a.elem());
		}
		case Expr.FieldGet f -> {
			at(f.base(), env);
			Integer off = fieldOffsets.get(f);
			if (off == null) {
				off = Layout.fieldOffset((Type.Record) f.base().type(), f.field());
				fieldOffsets.put(f, off);
			}
			atOffset += off;
		}
		default -> {
			Loc l = locate(e, env);
			atStorage = l.storage();
			atOffset = l.offset();
		}
		}
	}

	private int read(Expr e, Env env) {
		at(e, env);
		return atStorage[atOffset];
	}

	private int binary(Expr.Binary b, Env env) {
		switch (b.op()) {
		case AND:
			return scalar(b.left(), env) != 0 && scalar(b.right(), env) != 0 ? 1 : 0;
		case OR:
			return scalar(b.left(), env) != 0 || scalar(b.right(), env) != 0 ? 1 : 0;
		case EQ:
		case NE: {
			boolean eq = composite(b.left().type())
					? java.util.Arrays.equals(value(b.left(), env), value(b.right(), env))
					: scalar(b.left(), env) == scalar(b.right(), env);
			return (eq == (b.op() == Op.EQ)) ? 1 : 0;
		}
		default:
			break;
		}
		int l = scalar(b.left(), env);
		int r = scalar(b.right(), env);
		return switch (b.op()) {
		case ADD -> l + r;
		case SUB -> l - r;
		case MUL -> l * r;
		case DIV -> {
			if (r == 0) {
				throw new EvalException("division by zero");
			}
			yield Math.floorDiv(l, r);
		}
		case MOD -> {
			if (r <= 0) {
				throw new EvalException("modulo by " + r);
			}
			yield Math.floorMod(l, r);
		}
		case LT -> l < r ? 1 : 0;
		case LE -> l <= r ? 1 : 0;
		case GT -> l > r ? 1 : 0;
		case GE -> l >= r ? 1 : 0;
		case IN -> l >= 0 && l < 31 && ((r >> l) & 1) != 0 ? 1 : 0;
		case UNION -> l | r;
		case DIFF -> l & ~r;
		default -> throw new IllegalStateException(b.op().name());
		};
	}

	static int bit(int v) {
		if (v < 0 || v > 30) {
			throw new EvalException("set element " + v + " is outside 0..30, which the simulator's sets hold");
		}
		return 1 << v;
	}

	static int ordinal(Type.Enum t, String literal) {
		int i = t.literals().indexOf(literal);
		if (i < 0) {
			throw new IllegalStateException(literal + " is not a literal of " + t.name());
		}
		return i;
	}
}
