package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ptlock.ir.Type;
import ptlock.lang.ptlock.BaseType;
import ptlock.lang.ptlock.BoolType;
import ptlock.lang.ptlock.Bound;
import ptlock.lang.ptlock.ConstBound;
import ptlock.lang.ptlock.EnumDecl;
import ptlock.lang.ptlock.EnumLiteral;
import ptlock.lang.ptlock.Field;
import ptlock.lang.ptlock.IntBound;
import ptlock.lang.ptlock.NamedType;
import ptlock.lang.ptlock.NegBound;
import ptlock.lang.ptlock.RangeType;
import ptlock.lang.ptlock.RecordDecl;
import ptlock.lang.ptlock.SetType;
import ptlock.lang.ptlock.ThreadType;
import ptlock.lang.validation.IssueCodes;

/** Turns type expressions of the AST into IR types (array sizes and range bounds are constants). */
final class TypeResolver {
	/** The type of integer expressions whose range is not tracked (arithmetic results, literals). */
	static final Type.Range INT = new Type.Range(Integer.MIN_VALUE, Integer.MAX_VALUE);

	private final SymbolTable symbols;
	private final ConstEvaluator consts;
	private final Problems problems;
	private final int threads;
	private final Map<EnumDecl, Type.Enum> enums = new HashMap<>();
	private final Map<RecordDecl, Type.Record> records = new HashMap<>();

	TypeResolver(SymbolTable symbols, ConstEvaluator consts, Problems problems, int threads) {
		this.symbols = symbols;
		this.consts = consts;
		this.problems = problems;
		this.threads = threads;
	}

	Type resolve(ptlock.lang.ptlock.Type t) {
		Type base = base(t.getBase());
		List<Integer> dims = new ArrayList<>();
		for (ptlock.lang.ptlock.Expr d : t.getDims()) {
			Integer n = consts.eval(d);
			if (n != null && n < 1) {
				problems.error(IssueCodes.TYPE_MISMATCH, "an array needs at least one element", d);
				n = 1;
			}
			dims.add(n == null ? 1 : n);
		}
		// C order: T[a][b] is an array of a arrays of b elements
		for (int i = dims.size() - 1; i >= 0; i--) {
			base = new Type.Array(base, dims.get(i));
		}
		return base;
	}

	Type base(BaseType b) {
		return switch (b) {
		case BoolType x -> new Type.Bool();
		case ThreadType x -> new Type.Range(0, threads);
		case SetType s -> {
			Type elem = base(s.getElem());
			if (elem instanceof Type.Range r && (r.lo() < 0 || r.hi() > ptlock.ir.ModelChecks.SET_MAX)) {
				// the simulator's sets are bit masks of one int
				problems.error(IssueCodes.TYPE_MISMATCH, "set elements must lie in 0.." + ptlock.ir.ModelChecks.SET_MAX
						+ ", not " + r, s);
				yield new Type.Set(new Type.Range(Math.max(0, r.lo()), Math.min(ptlock.ir.ModelChecks.SET_MAX,
						Math.max(0, r.hi()))));
			}
			if (elem instanceof Type.Range r) {
				yield new Type.Set(r);
			}
			problems.error(IssueCodes.TYPE_MISMATCH, "sets are sets of integers or thread ids", s);
			yield new Type.Set(new Type.Range(0, 0));
		}
		case RangeType r -> {
			int lo = bound(r.getLo());
			int hi = bound(r.getHi());
			if (hi < lo) {
				problems.error(IssueCodes.TYPE_MISMATCH, "empty range " + lo + ".." + hi, r);
				hi = lo;
			}
			yield new Type.Range(lo, hi);
		}
		case NamedType n -> named(n.getName(), n);
		default -> throw new IllegalStateException(String.valueOf(b));
		};
	}

	private Type named(String name, org.eclipse.emf.ecore.EObject at) {
		EnumDecl e = symbols.enums.get(name);
		if (e != null) {
			return enumType(e);
		}
		RecordDecl r = symbols.records.get(name);
		if (r != null) {
			return recordType(r);
		}
		problems.unknown(IssueCodes.UNKNOWN_TYPE, "unknown type '" + name + "'", name, at);
		return new Type.Bool();
	}

	Type.Enum enumType(EnumDecl e) {
		return enums.computeIfAbsent(e,
				k -> new Type.Enum(k.getName(), k.getLiterals().stream().map(EnumLiteral::getName).toList()));
	}

	Type.Record recordType(RecordDecl r) {
		Type.Record t = records.get(r);
		if (t == null) {
			List<Type.Field> fields = new ArrayList<>();
			for (Field f : r.getFields()) {
				fields.add(new Type.Field(f.getName(), resolve(f.getType())));
			}
			t = new Type.Record(r.getName(), fields);
			records.put(r, t);
		}
		return t;
	}

	private int bound(Bound b) {
		return switch (b) {
		case IntBound i -> i.getValue();
		case NegBound n -> -n.getValue();
		case ConstBound c -> {
			if ("THREADS".equals(c.getName())) {
				yield threads;
			}
			Integer v = consts.named(c.getName(), c);
			yield v == null ? 0 : v;
		}
		default -> throw new IllegalStateException(String.valueOf(b));
		};
	}
}
