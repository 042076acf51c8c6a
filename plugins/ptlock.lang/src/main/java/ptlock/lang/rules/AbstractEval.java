package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ptlock.ir.Expr;
import ptlock.ir.Op;
import ptlock.ir.Type;

/**
 * Evaluates IR expressions on what one thread knows ({@link AState}): its locals and temps exactly, shared state
 * not at all (another CPU may change it between any two steps). A branch on something unknown is followed both
 * ways; on each way the locals it reads are split into their values ({@link #concretize}) or refined by what the
 * branch establishes ({@link #refine}), so that conditions that depend on the same locals stay correlated.
 */
final class AbstractEval {
	private static final int MAX_SPLIT = 256;

	private AbstractEval() {
	}

	/** A local or temp, and the fields and elements selected in it: what a branch can learn about. */
	record Access(String root, boolean temp, Type rootType, List<Object> selectors) {
		Access select(Object sel) {
			List<Object> s = new ArrayList<>(selectors);
			s.add(sel);
			return new Access(root, temp, rootType, List.copyOf(s));
		}

		String text() {
			StringBuilder sb = new StringBuilder(root);
			for (Object o : selectors) {
				sb.append(o instanceof Integer i ? "[" + i + "]" : "." + o);
			}
			return sb.toString();
		}
	}

	static AValue eval(Expr e, AState s) {
		return switch (e) {
		case Expr.IntLit i -> AValue.known(i.value());
		case Expr.BoolLit b -> AValue.known(b.value());
		case Expr.EnumLit en -> AValue.known(en.literal());
		case Expr.VarRef v -> v.var().isGlobal() && !s.stable.contains(v.var().name()) ? AValue.unknown(v.type())
				: s.locals.getOrDefault(v.var().name(), AValue.unknown(v.type()));
		case Expr.TempRef t -> s.temps.getOrDefault(t.temp().name(), AValue.unknown(t.type()));
		case Expr.BoundRef b -> s.bound.getOrDefault(b.name(), AValue.unknown(b.type()));
		case Expr.Index x -> {
			AValue base = eval(x.base(), s);
			AValue i = eval(x.index(), s);
			if (base instanceof AValue.Arr a && i instanceof AValue.Known k && k.value() instanceof Integer n
					&& n >= 1 && n <= a.elems().size()) {
				yield a.elems().get(n - 1);
			}
			yield AValue.unknown(x.type());
		}
		case Expr.FieldGet f -> eval(f.base(), s) instanceof AValue.Rec r ? r.field(f.field())
				: AValue.unknown(f.type());
		case Expr.Unary u -> unary(u, s);
		case Expr.Binary b -> binary(b, s);
		case Expr.Cond c -> {
			AValue cond = eval(c.cond(), s);
			if (cond instanceof AValue.Known k) {
				yield eval(Boolean.TRUE.equals(k.value()) ? c.then() : c.otherwise(), s);
			}
			AValue a = eval(c.then(), s);
			yield Boolean.TRUE.equals(equal(a, eval(c.otherwise(), s))) ? a : AValue.unknown(c.type());
		}
		case Expr.SetLit l -> {
			Set<Integer> out = new HashSet<>();
			for (Expr x : l.elems()) {
				if (!(eval(x, s) instanceof AValue.Known k && k.value() instanceof Integer n)) {
					yield AValue.unknown(l.type());
				}
				out.add(n);
			}
			yield AValue.known(Set.copyOf(out));
		}
		case Expr.SetBuilder b -> setBuilder(b, s);
		case Expr.Quant q -> quantifier(q, s);
		case Expr.RecordLit r -> new AValue.Rec(r.type(), r.values().stream().map(v -> eval(v, s)).toList());
		};
	}

	private static AValue unary(Expr.Unary u, AState s) {
		AValue v = eval(u.operand(), s);
		if (v instanceof AValue.Known k) {
			if (u.op() == Op.NOT && k.value() instanceof Boolean b) {
				return AValue.known(!b);
			}
			if (u.op() == Op.NEG && k.value() instanceof Integer i) {
				return AValue.known(-i);
			}
		}
		return AValue.unknown(u.type());
	}

	private static AValue binary(Expr.Binary b, AState s) {
		if (b.op() == Op.AND || b.op() == Op.OR) {
			boolean and = b.op() == Op.AND;
			AValue l = eval(b.left(), s);
			if (l instanceof AValue.Known k && k.value() instanceof Boolean x && x != and) {
				return l;
			}
			AValue r = eval(b.right(), s);
			if (r instanceof AValue.Known k && k.value() instanceof Boolean y && y != and) {
				return r;
			}
			if (l instanceof AValue.Known && r instanceof AValue.Known) {
				return AValue.known(and);
			}
			return l instanceof AValue.Known ? r : r instanceof AValue.Known ? l : AValue.unknown(new Type.Bool());
		}
		AValue l = eval(b.left(), s);
		AValue r = eval(b.right(), s);
		if (b.op() == Op.EQ || b.op() == Op.NE) {
			Boolean eq = equal(l, r);
			return eq == null ? AValue.unknown(new Type.Bool()) : AValue.known(eq == (b.op() == Op.EQ));
		}
		if (!(l instanceof AValue.Known lk) || !(r instanceof AValue.Known rk)) {
			return AValue.unknown(b.type());
		}
		if (lk.value() instanceof Integer x && rk.value() instanceof Integer y) {
			Object v = switch (b.op()) {
			case ADD -> x + y;
			case SUB -> x - y;
			case MUL -> x * y;
			case DIV -> y == 0 ? null : Math.floorDiv(x, y);
			case MOD -> y <= 0 ? null : Math.floorMod(x, y);
			case LT -> x < y;
			case LE -> x <= y;
			case GT -> x > y;
			case GE -> x >= y;
			default -> null;
			};
			return v == null ? AValue.unknown(b.type()) : AValue.known(v);
		}
		if (b.op() == Op.IN && lk.value() instanceof Integer x && rk.value() instanceof Set<?> set) {
			return AValue.known(set.contains(x));
		}
		if ((b.op() == Op.UNION || b.op() == Op.DIFF) && lk.value() instanceof Set<?> x
				&& rk.value() instanceof Set<?> y) {
			Set<Object> out = new HashSet<>(x);
			if (b.op() == Op.UNION) {
				out.addAll(y);
			} else {
				out.removeAll(y);
			}
			return AValue.known(Set.copyOf(out));
		}
		return AValue.unknown(b.type());
	}

	private static AValue setBuilder(Expr.SetBuilder b, AState s) {
		Integer lo = intOf(eval(b.lo(), s));
		Integer hi = intOf(eval(b.hi(), s));
		if (lo == null || hi == null || hi - lo > 64) {
			return AValue.unknown(b.type());
		}
		Set<Integer> out = new HashSet<>();
		AValue saved = s.bound.get(b.name());
		try {
			for (int i = lo; i <= hi; i++) {
				s.bound.put(b.name(), AValue.known(i));
				AValue c = eval(b.cond(), s);
				if (!(c instanceof AValue.Known k)) {
					return AValue.unknown(b.type());
				}
				if (Boolean.TRUE.equals(k.value())) {
					out.add(i);
				}
			}
		} finally {
			restore(s, b.name(), saved);
		}
		return AValue.known(Set.copyOf(out));
	}

	private static AValue quantifier(Expr.Quant q, AState s) {
		Integer lo = intOf(eval(q.lo(), s));
		Integer hi = intOf(eval(q.hi(), s));
		if (lo == null || hi == null || hi - lo > 64) {
			return AValue.unknown(new Type.Bool());
		}
		boolean unknown = false;
		AValue saved = s.bound.get(q.name());
		try {
			for (int i = lo; i <= hi; i++) {
				s.bound.put(q.name(), AValue.known(i));
				AValue c = eval(q.body(), s);
				if (c instanceof AValue.Known k && k.value() instanceof Boolean v) {
					if (v != q.forall()) {
						return AValue.known(v); // a counterexample to forall, a witness for exists
					}
				} else {
					unknown = true;
				}
			}
		} finally {
			restore(s, q.name(), saved);
		}
		return unknown ? AValue.unknown(new Type.Bool()) : AValue.known(q.forall());
	}

	private static void restore(AState s, String name, AValue saved) {
		if (saved == null) {
			s.bound.remove(name);
		} else {
			s.bound.put(name, saved);
		}
	}

	static Integer intOf(AValue v) {
		return v instanceof AValue.Known k && k.value() instanceof Integer i ? i : null;
	}

	/** Whether two values are equal: true, false, or null when it depends on what is unknown. */
	static Boolean equal(AValue a, AValue b) {
		if (a instanceof AValue.Known x && b instanceof AValue.Known y) {
			return x.value().equals(y.value());
		}
		if (a instanceof AValue.Unknown u && b instanceof AValue.Known k) {
			return u.excluded().contains(k.value()) ? false : null;
		}
		if (b instanceof AValue.Unknown u && a instanceof AValue.Known k) {
			return u.excluded().contains(k.value()) ? false : null;
		}
		if (a instanceof AValue.Rec x && b instanceof AValue.Rec y) {
			return all(x.fields(), y.fields());
		}
		if (a instanceof AValue.Arr x && b instanceof AValue.Arr y && x.elems().size() == y.elems().size()) {
			return all(x.elems(), y.elems());
		}
		return null;
	}

	private static Boolean all(List<AValue> x, List<AValue> y) {
		boolean unknown = false;
		for (int i = 0; i < x.size(); i++) {
			Boolean e = equal(x.get(i), y.get(i));
			if (Boolean.FALSE.equals(e)) {
				return false;
			}
			unknown |= e == null;
		}
		return unknown ? null : true;
	}

	/** The expression as an access path into a local or temp (null: shared state, or an unknown index). */
	static Access access(Expr e, AState s) {
		return switch (e) {
		case Expr.VarRef v when !v.var().isGlobal() || s.stable.contains(v.var().name()) ->
			new Access(v.var().name(), false, v.type(), List.of());
		case Expr.TempRef t -> new Access(t.temp().name(), true, t.type(), List.of());
		case Expr.FieldGet f -> {
			Access a = access(f.base(), s);
			yield a == null ? null : a.select(f.field());
		}
		case Expr.Index x -> {
			Access a = access(x.base(), s);
			Integer i = intOf(eval(x.index(), s));
			yield a == null || i == null ? null : a.select(i);
		}
		default -> null;
		};
	}

	/** The access's identity for keys: its text, or, for a temp that copies an unknown, what it copies. */
	static String name(Access a, AState s) {
		if (a.temp() && a.selectors().isEmpty() && s.aliases.containsKey(a.root())) {
			return s.aliases.get(a.root());
		}
		return a.text();
	}

	static AValue get(AState s, Access a) {
		Map<String, AValue> m = a.temp() ? s.temps : s.locals;
		AValue v = m.getOrDefault(a.root(), AValue.unknown(a.rootType()));
		for (Object sel : a.selectors()) {
			v = child(v, sel);
		}
		return v;
	}

	static void set(AState s, Access a, AValue value) {
		Map<String, AValue> m = a.temp() ? s.temps : s.locals;
		AValue root = m.getOrDefault(a.root(), AValue.unknown(a.rootType()));
		m.put(a.root(), replace(root, a.selectors(), 0, value));
	}

	private static AValue child(AValue v, Object sel) {
		AValue x = expand(v);
		if (sel instanceof String f && x instanceof AValue.Rec r) {
			return r.field(f);
		}
		if (sel instanceof Integer i && x instanceof AValue.Arr a && i >= 1 && i <= a.elems().size()) {
			return a.elems().get(i - 1);
		}
		return AValue.unknown(null);
	}

	private static AValue replace(AValue v, List<Object> sel, int i, AValue value) {
		if (i == sel.size()) {
			return value;
		}
		AValue x = expand(v);
		if (sel.get(i) instanceof String f && x instanceof AValue.Rec r) {
			return r.with(f, replace(r.field(f), sel, i + 1, value));
		}
		if (sel.get(i) instanceof Integer n && x instanceof AValue.Arr a && n >= 1 && n <= a.elems().size()) {
			List<AValue> e = new ArrayList<>(a.elems());
			e.set(n - 1, replace(e.get(n - 1), sel, i + 1, value));
			return new AValue.Arr(List.copyOf(e));
		}
		return v;
	}

	/** An unknown struct or array as a struct or array of unknowns, so that one part can become known. */
	private static AValue expand(AValue v) {
		if (v instanceof AValue.Unknown u && u.type() instanceof Type.Record r) {
			return new AValue.Rec(r, r.fields().stream().map(f -> AValue.unknown(f.type())).toList());
		}
		if (v instanceof AValue.Unknown u && u.type() instanceof Type.Array t) {
			List<AValue> e = new ArrayList<>();
			for (int i = 0; i < t.size(); i++) {
				e.add(AValue.unknown(t.elem()));
			}
			return new AValue.Arr(List.copyOf(e));
		}
		return v;
	}

	/**
	 * The state split into one state per value of the unknown locals and temps the expressions read (each with
	 * few enough values), so that the expressions can be decided. The state itself if there is nothing to split.
	 */
	static List<AState> concretize(AState s, List<Expr> exprs) {
		Map<String, Access> found = new LinkedHashMap<>();
		for (Expr e : exprs) {
			if (e != null) {
				collect(e, s, found);
			}
		}
		List<AState> out = new ArrayList<>(List.of(s));
		long product = 1;
		for (Access a : found.values()) {
			List<Object> values = AValue.domain((AValue.Unknown) get(s, a));
			if (values == null || values.isEmpty() || product * values.size() > MAX_SPLIT) {
				continue;
			}
			product *= values.size();
			List<AState> next = new ArrayList<>();
			for (AState x : out) {
				for (Object v : values) {
					AState c = x.copy();
					set(c, a, AValue.known(v));
					next.add(c);
				}
			}
			out = next;
		}
		return out;
	}

	/**
	 * The state split for a copy of the value: a scalar copied from a local is split so that the copy and the
	 * original stay equal; a struct is copied as it is known (splitting every field of every struct passed to a
	 * call multiplies the states by the product of their domains, and locking rules compare scalars: lock
	 * identities, flags, pointers by where they were mapped).
	 */
	static List<AState> concretizeCopy(AState s, Expr value) {
		Access a = access(value, s);
		if (a != null && get(s, a) instanceof AValue.Rec) {
			return List.of(s);
		}
		if (a != null && get(s, a) instanceof AValue.Unknown u && u.type() instanceof Type.Record) {
			return List.of(s);
		}
		return concretize(s, List.of(value));
	}

	private static void collect(Expr e, AState s, Map<String, Access> found) {
		Access a = access(e, s);
		if (a != null) {
			collectParts(a, get(s, a), found);
			return;
		}
		switch (e) {
		case Expr.Index x -> {
			collect(x.base(), s, found);
			collect(x.index(), s, found);
		}
		case Expr.FieldGet f -> collect(f.base(), s, found);
		case Expr.Unary u -> collect(u.operand(), s, found);
		case Expr.Binary b -> {
			collect(b.left(), s, found);
			collect(b.right(), s, found);
		}
		case Expr.Cond c -> {
			collect(c.cond(), s, found);
			collect(c.then(), s, found);
			collect(c.otherwise(), s, found);
		}
		case Expr.SetLit l -> l.elems().forEach(x -> collect(x, s, found));
		case Expr.RecordLit r -> r.values().forEach(x -> collect(x, s, found));
		default -> {
		}
		}
	}

	/** The unknown scalar parts of the value at an access: itself, or the fields of a struct. */
	private static void collectParts(Access a, AValue v, Map<String, Access> found) {
		if (v instanceof AValue.Unknown u && AValue.domain(u) != null) {
			found.putIfAbsent(a.text(), a);
		} else if (v instanceof AValue.Unknown u && u.type() instanceof Type.Record r) {
			for (Type.Field f : r.fields()) {
				collectParts(a.select(f.name()), AValue.unknown(f.type()), found);
			}
		} else if (v instanceof AValue.Rec r) {
			for (int i = 0; i < r.fields().size(); i++) {
				collectParts(a.select(r.type().fields().get(i).name()), r.fields().get(i), found);
			}
		}
	}

	/**
	 * The states on the side of a branch where the condition has this outcome: what the condition says about the
	 * locals it reads is recorded, a disjunction as one state per way it can hold ('a || b' true: a, or !a and b).
	 * Empty if the outcome is impossible.
	 */
	static List<AState> refine(AState s, Expr cond, boolean outcome) {
		AValue v = eval(cond, s);
		if (v instanceof AValue.Known k) {
			return Objects.equals(k.value(), outcome) ? List.of(s) : List.of();
		}
		switch (cond) {
		case Expr.Unary u when u.op() == Op.NOT:
			return refine(s, u.operand(), !outcome);
		case Expr.Binary b when b.op() == Op.AND || b.op() == Op.OR: {
			// the outcome that one operand alone decides: false for &&, true for ||
			boolean decisive = b.op() == Op.OR;
			List<AState> out = new ArrayList<>();
			if (outcome != decisive) {
				for (AState l : refine(s, b.left(), outcome)) {
					out.addAll(refine(l, b.right(), outcome));
				}
				return out;
			}
			out.addAll(refine(s, b.left(), decisive));
			for (AState l : refine(s, b.left(), !decisive)) {
				out.addAll(refine(l, b.right(), decisive));
			}
			return out;
		}
		case Expr.Binary b when b.op() == Op.EQ || b.op() == Op.NE: {
			boolean equal = (b.op() == Op.EQ) == outcome;
			AState r = learn(s, b.left(), b.right(), equal);
			if (r == s) {
				r = learn(s, b.right(), b.left(), equal);
			}
			if (r == s) {
				return split(s, cond, outcome); // two unknowns (ptl != pml): their values, so that both stay related
			}
			return r == null ? List.of() : List.of(r);
		}
		default: {
			Access a = access(cond, s);
			if (a != null && get(s, a) instanceof AValue.Unknown) {
				AState c = s.copy();
				set(c, a, AValue.known(outcome));
				return List.of(c);
			}
			return split(s, cond, outcome);
		}
		}
	}

	/**
	 * The states where the condition can have the outcome, the locals it reads split into their values (only
	 * where nothing narrower can be learnt: splitting is what multiplies the states).
	 */
	private static List<AState> split(AState s, Expr cond, boolean outcome) {
		List<AState> out = new ArrayList<>();
		for (AState x : concretize(s, List.of(cond))) {
			if (x == s) {
				out.add(s); // nothing to split: the outcome stays unknown, both ways are possible
				continue;
			}
			if (!(eval(cond, x) instanceof AValue.Known k) || Objects.equals(k.value(), outcome)) {
				out.add(x);
			}
		}
		return out;
	}

	/** x == k (or x != k) for an unknown access x and a known k. Returns s itself if nothing can be learnt. */
	private static AState learn(AState s, Expr x, Expr k, boolean equal) {
		Access a = access(x, s);
		AValue kv = eval(k, s);
		if (a == null || !(get(s, a) instanceof AValue.Unknown u) || !(kv instanceof AValue.Known known)) {
			return s;
		}
		AState c = s.copy();
		if (equal) {
			if (u.excluded().contains(known.value())) {
				return null;
			}
			set(c, a, known);
			return c;
		}
		Set<Object> ex = new HashSet<>(u.excluded());
		ex.add(known.value());
		AValue.Unknown narrowed = new AValue.Unknown(u.type(), Set.copyOf(ex));
		List<Object> left = AValue.domain(narrowed);
		if (left != null && left.isEmpty()) {
			return null;
		}
		set(c, a, left != null && left.size() == 1 ? AValue.known(left.get(0)) : narrowed);
		return c;
	}
}
