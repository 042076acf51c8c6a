package ptlock.sim;

import ptlock.ir.Expr;
import ptlock.ir.Op;
import ptlock.ir.Temp;
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

	/** A scalar expression compiled once: constants, slots and offsets resolved, children called directly. */
	@FunctionalInterface
	interface IntEval {
		int eval(Env env);
	}

	private final java.util.Map<Expr, IntEval> compiled = new java.util.IdentityHashMap<>();

	/**
	 * The value of a scalar expression. Each expression is compiled on first use into a tree of closures (the
	 * hot path of the search: no type switch and no slot lookup per read); the closures do what {@link #interpret}
	 * does, case by case, and interpret() keeps the cases that are not compiled.
	 */
	int scalar(Expr e, Env env) {
		return scalarEval(e).eval(env);
	}

	/** The closure scalar() runs for e, for a caller that keeps it (StepExecutor's compiled steps). */
	IntEval scalarEval(Expr e) {
		IntEval c = compiled.get(e);
		if (c == null) {
			c = compile(e);
			compiled.put(e, c);
		}
		return c;
	}

	/** The closure stateSlot() runs for a scalar target, or null when the target is not in the state (a temp). */
	IntEval slotEval(Expr target) {
		return stateOffset(target);
	}

	private IntEval compile(Expr e) {
		return switch (e) {
		case Expr.IntLit i -> {
			int v = i.value();
			yield env -> v;
		}
		case Expr.BoolLit b -> {
			int v = b.value() ? 1 : 0;
			yield env -> v;
		}
		case Expr.EnumLit l -> {
			int v = ordinal(l.type(), l.literal());
			yield env -> v;
		}
		case Expr.VarRef v -> slotRead(e);
		case Expr.TempRef t -> slotRead(e);
		case Expr.Index x -> slotRead(e);
		case Expr.FieldGet f -> slotRead(e);
		case Expr.Unary u -> {
			IntEval o = compile(u.operand());
			yield u.op() == Op.NOT ? env -> 1 - o.eval(env) : env -> -o.eval(env);
		}
		case Expr.Binary b -> compileBinary(b);
		case Expr.Cond c -> {
			IntEval k = compile(c.cond()), t = compile(c.then()), f = compile(c.otherwise());
			yield env -> k.eval(env) != 0 ? t.eval(env) : f.eval(env);
		}
		case Expr.SetLit s -> {
			IntEval[] xs = s.elems().stream().map(this::compile).toArray(IntEval[]::new);
			yield env -> {
				int bits = 0;
				for (IntEval x : xs) {
					bits |= bit(x.eval(env));
				}
				return bits;
			};
		}
		default -> env -> interpret(e, env);
		};
	}

	private final java.util.Map<Expr, IntEval> offsets = new java.util.IdentityHashMap<>();
	private static final IntEval NOT_IN_STATE = env -> -1;

	/**
	 * Where in the state a scalar target lives (a variable, or an element or field of one), or -1 when it is not
	 * in the state (a temp): the assignment's fast path (StepExecutor.assign).
	 */
	int stateSlot(Expr target, Env env) {
		IntEval o = offsets.get(target);
		if (o == null) {
			o = stateOffset(target);
			if (o == null) {
				o = NOT_IN_STATE;
			}
			offsets.put(target, o);
		}
		return o.eval(env);
	}

	/** A read of a variable or temp, or of an element or field of one, at an offset computed by closures. */
	private IntEval slotRead(Expr e) {
		IntEval offset = stateOffset(e);
		if (offset != null) {
			return env -> env.state[offset.eval(env)];
		}
		Temp root = tempRoot(e);
		IntEval inTemp = root == null ? null : offset(e, env -> 0);
		if (inTemp == null) {
			return env -> read(e, env);
		}
		return env -> {
			int[] storage = env.temp(root);
			if (storage == null) {
				throw new IllegalStateException("temp " + root.name() + " read before it is set");
			}
			return storage[inTemp.eval(env)];
		};
	}

	/** The state offset of a variable or an element or field of one (as at() computes it), or null (temps). */
	private IntEval stateOffset(Expr e) {
		Expr root = e;
		while (root instanceof Expr.Index x || root instanceof Expr.FieldGet) {
			root = root instanceof Expr.Index x ? x.base() : ((Expr.FieldGet) root).base();
		}
		if (!(root instanceof Expr.VarRef v)) {
			return null;
		}
		int base = layout.offset(v.var());
		return offset(e, env -> base);
	}

	/** The temp a chain of elements and fields starts from, or null. */
	private static Temp tempRoot(Expr e) {
		Expr root = e;
		while (root instanceof Expr.Index x || root instanceof Expr.FieldGet) {
			root = root instanceof Expr.Index x ? x.base() : ((Expr.FieldGet) root).base();
		}
		return root instanceof Expr.TempRef t ? t.temp() : null;
	}

	/** The offset of an element or field chain from its root's offset, as at() adds it up (index first). */
	private IntEval offset(Expr e, IntEval rootOffset) {
		switch (e) {
		case Expr.Index x -> {
			IntEval base = offset(x.base(), rootOffset);
			IntEval index = compile(x.index());
			int size = ((Type.Array) x.base().type()).size();
			int w = width(((Type.Array) x.base().type()).elem());
			return env -> {
				int i = index.eval(env);
				if (i < 1 || i > size) {
					throw new EvalException("index " + i + " is outside 1.." + size);
				}
				return base.eval(env) + (i - 1) * w;
			};
		}
		case Expr.FieldGet f -> {
			IntEval base = offset(f.base(), rootOffset);
			int off = Layout.fieldOffset((Type.Record) f.base().type(), f.field());
			return env -> base.eval(env) + off;
		}
		default -> {
			return rootOffset;
		}
		}
	}

	private IntEval compileBinary(Expr.Binary b) {
		if ((b.op() == Op.EQ || b.op() == Op.NE) && composite(b.left().type())) {
			return env -> binary(b, env);
		}
		IntEval l = compile(b.left()), r = compile(b.right());
		return switch (b.op()) {
		case AND -> env -> l.eval(env) != 0 && r.eval(env) != 0 ? 1 : 0;
		case OR -> env -> l.eval(env) != 0 || r.eval(env) != 0 ? 1 : 0;
		case EQ -> env -> l.eval(env) == r.eval(env) ? 1 : 0;
		case NE -> env -> l.eval(env) != r.eval(env) ? 1 : 0;
		case ADD -> env -> l.eval(env) + r.eval(env);
		case SUB -> env -> l.eval(env) - r.eval(env);
		case MUL -> env -> l.eval(env) * r.eval(env);
		case LT -> env -> l.eval(env) < r.eval(env) ? 1 : 0;
		case LE -> env -> l.eval(env) <= r.eval(env) ? 1 : 0;
		case GT -> env -> l.eval(env) > r.eval(env) ? 1 : 0;
		case GE -> env -> l.eval(env) >= r.eval(env) ? 1 : 0;
		case UNION -> env -> l.eval(env) | r.eval(env);
		case DIFF -> env -> l.eval(env) & ~r.eval(env);
		default -> env -> binary(b, env); // DIV, MOD (their errors), IN
		};
	}

	/** The interpreter: the cases compile() does not specialise, and the reference for those it does. */
	private int interpret(Expr e, Env env) {
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
