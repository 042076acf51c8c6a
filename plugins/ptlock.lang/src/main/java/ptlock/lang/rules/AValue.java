package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ptlock.ir.Type;

/**
 * A value as the static rules know it while following one thread alone: known exactly, or unknown (what another
 * CPU may have written: every read of shared state), possibly with values it is known not to be. Structs and arrays
 * are known field by field.
 */
sealed interface AValue {

	/** An exact scalar: Integer, Boolean, String (an enum literal) or Set of Integer. */
	record Known(Object value) implements AValue {
		@Override
		public String toString() {
			return String.valueOf(value);
		}
	}

	/** A struct, field by field (in declaration order). */
	record Rec(Type.Record type, List<AValue> fields) implements AValue {
		AValue field(String name) {
			for (int i = 0; i < type.fields().size(); i++) {
				if (type.fields().get(i).name().equals(name)) {
					return fields.get(i);
				}
			}
			return unknown(new Type.Bool());
		}

		Rec with(String name, AValue v) {
			List<AValue> f = new ArrayList<>(fields);
			for (int i = 0; i < type.fields().size(); i++) {
				if (type.fields().get(i).name().equals(name)) {
					f.set(i, v);
				}
			}
			return new Rec(type, List.copyOf(f));
		}

		@Override
		public String toString() {
			StringBuilder sb = new StringBuilder("{");
			for (int i = 0; i < fields.size(); i++) {
				sb.append(i == 0 ? "" : ", ").append(type.fields().get(i).name()).append(": ").append(fields.get(i));
			}
			return sb.append('}').toString();
		}
	}

	/** An array, element by element (index 1 first). */
	record Arr(List<AValue> elems) implements AValue {
		@Override
		public String toString() {
			return elems.toString();
		}
	}

	/**
	 * Any value of the type except the excluded ones. A null type is a path's parameter when the path is checked
	 * alone: its type is not known either.
	 */
	record Unknown(Type type, Set<Object> excluded) implements AValue {
		@Override
		public String toString() {
			return excluded.isEmpty() ? "?" : "?(not " + new java.util.TreeSet<>(excluded.stream().map(String::valueOf).toList()) + ")";
		}
	}

	static AValue unknown(Type t) {
		return new Unknown(t, Set.of());
	}

	static AValue known(Object v) {
		return new Known(v);
	}

	/** The zero value every state variable starts with (as Layout and the TLA+ Init give it). */
	static AValue zero(Type t) {
		return switch (t) {
		case Type.Bool b -> known(false);
		case Type.Range r -> known(r.lo() <= 0 && r.hi() >= 0 ? 0 : r.lo());
		case Type.Enum e -> known(e.literals().get(0));
		case Type.Set s -> known(Set.of());
		case Type.Record r -> new Rec(r, r.fields().stream().map(f -> zero(f.type())).toList());
		case Type.Array a -> {
			List<AValue> elems = new ArrayList<>();
			for (int i = 0; i < a.size(); i++) {
				elems.add(zero(a.elem()));
			}
			yield new Arr(List.copyOf(elems));
		}
		};
	}

	/** Whether a known value is its type's zero: a NULL pointer, a none entry, lock 0 (nobody). */
	static boolean isZero(AValue v) {
		return switch (v) {
		case Known k -> k.value() instanceof Integer i ? i == 0
				: k.value() instanceof Boolean b ? !b
						: false;
		case Rec r -> r.fields().stream().allMatch(AValue::isZero);
		default -> false;
		};
	}

	/** Whether the value is known to be its type's zero (the first enum literal counts: None). */
	static boolean isZeroOf(AValue v, Type t) {
		if (t instanceof Type.Enum e && v instanceof Known k) {
			return e.literals().get(0).equals(k.value());
		}
		return isZero(v);
	}

	/** Whether every part of the value is known. */
	static boolean isKnown(AValue v) {
		return switch (v) {
		case Known k -> true;
		case Rec r -> r.fields().stream().allMatch(AValue::isKnown);
		case Arr a -> a.elems().stream().allMatch(AValue::isKnown);
		case Unknown u -> false;
		};
	}

	/** The finitely many values an unknown scalar of this type can have (null: too many, or not a scalar). */
	static List<Object> domain(Unknown u) {
		List<Object> out = new ArrayList<>();
		switch (u.type()) {
		case Type.Bool b -> {
			out.add(false);
			out.add(true);
		}
		case Type.Range r -> {
			if ((long) r.hi() - r.lo() > 64) {
				return null;
			}
			for (int i = r.lo(); i <= r.hi(); i++) {
				out.add(i);
			}
		}
		case Type.Enum e -> out.addAll(e.literals());
		case null, default -> {
			return null;
		}
		}
		out.removeAll(u.excluded());
		return out;
	}
}
