package ptlock.sim;

import java.util.Arrays;

/** A growable list of ints: the state ids of a search level, without boxing each one. */
final class IntList {
	private int[] items = new int[64];
	private int size;

	void add(int v) {
		if (size == items.length) {
			items = Arrays.copyOf(items, size * 2);
		}
		items[size++] = v;
	}

	void addAll(IntList other) {
		if (size + other.size > items.length) {
			items = Arrays.copyOf(items, Math.max(size + other.size, items.length * 2));
		}
		System.arraycopy(other.items, 0, items, size, other.size);
		size += other.size;
	}

	int get(int i) {
		return items[i];
	}

	int size() {
		return size;
	}
}
