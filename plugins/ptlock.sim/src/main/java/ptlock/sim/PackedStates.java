package ptlock.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of the breadth-first search: its states packed to their bits ({@link StatePacking}), with their ids.
 * The widest level is most of the simulator's memory when states are kept as int arrays; packed, a state takes
 * words() longs. States that do not fit (a value outside its type) are kept as they are, after the packed ones.
 */
final class PackedStates {
	private final StatePacking packing;
	private final int stateSize;
	private long[] words;
	private int packed;
	private final IntList packedIds = new IntList();
	private final List<int[]> wide = new ArrayList<>();
	private final IntList wideIds = new IntList();

	PackedStates(StatePacking packing, int stateSize) {
		this.packing = packing;
		this.stateSize = stateSize;
		this.words = new long[packing.words() * 16];
	}

	void add(int[] s, int id) {
		int w = packing.words();
		room(packed + 1);
		if (packing.pack(s, words, packed * w)) {
			packed++;
			packedIds.add(id);
		} else {
			java.util.Arrays.fill(words, packed * w, (packed + 1) * w, 0L);
			wide.add(s);
			wideIds.add(id);
		}
	}

	private void room(int states) {
		long need = (long) states * packing.words();
		if (need > words.length) {
			long n = Math.max(need, words.length + (words.length >> 1));
			if (n > Integer.MAX_VALUE - 16) {
				throw new OutOfMemoryError("a search level of more than " + packed + " states");
			}
			words = java.util.Arrays.copyOf(words, (int) n);
		}
	}

	/** Appends another part of the same level (a worker's): its packed states after these, its wide ones too. */
	void addAll(PackedStates other) {
		int w = packing.words();
		room(packed + other.packed);
		System.arraycopy(other.words, 0, words, packed * w, other.packed * w);
		packed += other.packed;
		packedIds.addAll(other.packedIds);
		wide.addAll(other.wide);
		wideIds.addAll(other.wideIds);
	}

	int size() {
		return packed + wide.size();
	}

	boolean isEmpty() {
		return size() == 0;
	}

	int id(int i) {
		return i < packed ? packedIds.get(i) : wideIds.get(i - packed);
	}

	/** State i (packed ones first), into s; returns s. */
	int[] get(int i, int[] s) {
		if (i < packed) {
			packing.unpack(words, i * packing.words(), s);
		} else {
			System.arraycopy(wide.get(i - packed), 0, s, 0, stateSize);
		}
		return s;
	}
}
