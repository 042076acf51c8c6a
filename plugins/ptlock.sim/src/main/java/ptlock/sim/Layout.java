package ptlock.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.ir.Program;
import ptlock.ir.ThreadIr;
import ptlock.ir.Type;
import ptlock.ir.Var;

/**
 * Where each state variable lives in a state: a flat int array. Booleans are 0/1, ranges their value, enums their
 * ordinal, sets a bit mask (bit v for element v), arrays and records their elements in order. The same variables,
 * in the same order, as the generated TLA+ module's VARIABLES (so that state counts compare one to one).
 */
final class Layout {
	// identity: Var is a record whose hash walks its whole type
	private final Map<Var, Integer> offset = new java.util.IdentityHashMap<>();
	private final List<Var> vars = new ArrayList<>();
	/** violation flag slot of each checked assertion property */
	private final Map<String, Integer> flags = new LinkedHashMap<>();
	private final int size;

	Layout(Program p, List<String> checkedAssertions) {
		int at = 0;
		List<Var> all = new ArrayList<>(p.globals());
		for (ThreadIr t : p.threads()) {
			all.add(t.pc());
			all.addAll(t.locals());
		}
		for (Var v : all) {
			offset.put(v, at);
			vars.add(v);
			at += width(v.type());
		}
		for (String a : checkedAssertions) {
			flags.put(a, at++);
		}
		size = at;
	}

	static int width(Type t) {
		return switch (t) {
		case Type.Array a -> a.size() * width(a.elem());
		case Type.Record r -> r.fields().stream().mapToInt(f -> width(f.type())).sum();
		default -> 1;
		};
	}

	/** Slot offset of a field inside a record value. */
	static int fieldOffset(Type.Record r, String field) {
		int at = 0;
		for (Type.Field f : r.fields()) {
			if (f.name().equals(field)) {
				return at;
			}
			at += width(f.type());
		}
		throw new IllegalArgumentException(r.name() + " has no field " + field);
	}

	int offset(Var v) {
		Integer o = offset.get(v);
		if (o == null) {
			throw new IllegalArgumentException("no slot for " + v.name());
		}
		return o;
	}

	Integer flag(String property) {
		return flags.get(property);
	}

	Map<String, Integer> flags() {
		return flags;
	}

	List<Var> vars() {
		return vars;
	}

	int size() {
		return size;
	}
}
