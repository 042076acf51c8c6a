package ptlock.sim;

import java.util.ArrayList;
import java.util.List;

import ptlock.ir.Type;
import ptlock.ir.Var;

/**
 * The bits each slot of a state needs, from its variable's declared type: a range lo..hi takes the bits of hi - lo
 * (stored as value - lo), a boolean 1, an enum the bits of its last ordinal, a set of 0..hi its hi + 1 bits of mask.
 * A state packs into {@link #words()} longs. A value outside its type (a type error, reported as type_ok) does not
 * fit, and {@link #pack} says so: such a state is kept unpacked.
 */
final class StatePacking {
	private final int[] lo;
	private final int[] bits;
	private final int words;

	StatePacking(Layout layout) {
		this(layout.vars().stream().map(Var::type).toList(), layout.size());
	}

	/** The packing of states of {@code size} slots: the variables' types in layout order, then assertion flags. */
	StatePacking(List<Type> types, int size) {
		List<int[]> slots = new ArrayList<>(); // {lo, bits} per slot, in layout order
		for (Type t : types) {
			add(t, slots);
		}
		while (slots.size() < size) {
			slots.add(new int[] { 0, 1 }); // assertion flags: 0 or 1
		}
		lo = new int[slots.size()];
		bits = new int[slots.size()];
		long total = 0;
		for (int i = 0; i < slots.size(); i++) {
			lo[i] = slots.get(i)[0];
			bits[i] = slots.get(i)[1];
			total += bits[i];
		}
		words = (int) Math.max(1, (total + 63) / 64);
	}

	private static void add(Type t, List<int[]> slots) {
		switch (t) {
		case Type.Bool b -> slots.add(new int[] { 0, 1 });
		case Type.Range r -> slots.add(new int[] { r.lo(), bitsFor((long) r.hi() - r.lo()) });
		case Type.Enum e -> slots.add(new int[] { 0, bitsFor(e.literals().size() - 1L) });
		case Type.Set s -> slots.add(new int[] { 0, Math.min(32, Math.max(1, s.elem().hi() + 1)) });
		case Type.Array a -> {
			for (int i = 0; i < a.size(); i++) {
				add(a.elem(), slots);
			}
		}
		case Type.Record r -> r.fields().forEach(f -> add(f.type(), slots));
		}
	}

	/** Bits to hold 0..max (at least 1, at most 32). */
	private static int bitsFor(long max) {
		return max <= 0 ? 1 : Math.min(32, 64 - Long.numberOfLeadingZeros(max));
	}

	int words() {
		return words;
	}

	/** Packs s into words [at, at + words()) of out (zeroed); false if a value does not fit its slot. */
	boolean pack(int[] s, long[] out, int at) {
		int bit = 0;
		for (int i = 0; i < s.length; i++) {
			long v = (long) s[i] - lo[i];
			int b = bits[i];
			if (v < 0 || (b < 32 && v >= 1L << b) || v > 0xFFFFFFFFL) {
				return false;
			}
			int w = at + (bit >>> 6), off = bit & 63;
			out[w] |= v << off;
			if (off + b > 64) {
				out[w + 1] |= v >>> (64 - off);
			}
			bit += b;
		}
		return true;
	}

	/** Unpacks the state at words [at, at + words()) of in into s. */
	void unpack(long[] in, int at, int[] s) {
		int bit = 0;
		for (int i = 0; i < s.length; i++) {
			int b = bits[i];
			int w = at + (bit >>> 6), off = bit & 63;
			long v = in[w] >>> off;
			if (off + b > 64) {
				v |= in[w + 1] << (64 - off);
			}
			long mask = b == 64 ? -1L : (1L << b) - 1;
			s[i] = (int) ((v & mask) + lo[i]);
			bit += b;
		}
	}
}
