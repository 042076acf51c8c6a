package ptlock.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of the breadth-first search: its states packed to their bits ({@link StatePacking}), with their ids.
 * The widest level is most of the simulator's memory when states are kept as int arrays; packed, a state takes
 * words() longs, in pages that are never copied as the level grows. States that do not fit (a value outside its
 * type) are kept as they are, after the packed ones.
 */
final class PackedStates {
	private static final int PAGE_STATES = 4096;

	private final StatePacking packing;
	private final int stateSize;
	private final int pageWords;
	private final List<long[]> pages = new ArrayList<>();
	private int packed;
	private final IntList packedIds = new IntList();
	private final List<int[]> wide = new ArrayList<>();
	private final IntList wideIds = new IntList();

	PackedStates(StatePacking packing, int stateSize) {
		this.packing = packing;
		this.stateSize = stateSize;
		this.pageWords = PAGE_STATES * packing.words();
	}

	/** Adds a state; s is not kept (the caller may reuse it). */
	void add(int[] s, int id) {
		int w = packing.words();
		int page = packed / PAGE_STATES, at = (packed % PAGE_STATES) * w;
		if (page == pages.size()) {
			pages.add(new long[pageWords]);
		}
		long[] words = pages.get(page);
		if (packing.pack(s, words, at)) {
			packed++;
			packedIds.add(id);
		} else {
			java.util.Arrays.fill(words, at, at + w, 0L);
			wide.add(s.clone());
			wideIds.add(id);
		}
	}

	/** Appends another part of the same level (a worker's): its packed states after these, its wide ones too. */
	void addAll(PackedStates other) {
		int w = packing.words();
		for (int i = 0; i < other.packed; i++) {
			int page = packed / PAGE_STATES, at = (packed % PAGE_STATES) * w;
			if (page == pages.size()) {
				pages.add(new long[pageWords]);
			}
			System.arraycopy(other.pages.get(i / PAGE_STATES), (i % PAGE_STATES) * w, pages.get(page), at, w);
			packed++;
		}
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
			packing.unpack(pages.get(i / PAGE_STATES), (i % PAGE_STATES) * packing.words(), s);
		} else {
			System.arraycopy(wide.get(i - packed), 0, s, 0, stateSize);
		}
		return s;
	}
}
