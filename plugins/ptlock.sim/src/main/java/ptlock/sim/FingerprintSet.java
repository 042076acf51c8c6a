package ptlock.sim;

import java.util.Arrays;

/**
 * The set of states seen, by 64-bit fingerprint (open addressing), remembering for each state its index in
 * discovery order. Per index the search keeps the parent's index and the step that led there, which is enough
 * to rebuild a shortest counterexample by replaying from the initial state.
 */
final class FingerprintSet {
	private long[] keys = new long[1 << 12];
	private int[] ids = new int[1 << 12];
	private int count;

	/** The state's index: a new one if the fingerprint was not there (then isNew() is true). */
	int add(long fp) {
		if (fp == 0) {
			fp = 1; // 0 marks an empty slot
		}
		if (count * 2 >= keys.length) {
			grow();
		}
		int mask = keys.length - 1;
		int i = (int) (fp & mask); // fingerprints are already well mixed (fingerprint() ends with a finaliser)
		while (keys[i] != 0) {
			if (keys[i] == fp) {
				lastNew = false;
				return ids[i];
			}
			i = (i + 1) & mask;
		}
		keys[i] = fp;
		ids[i] = count;
		lastNew = true;
		return count++;
	}

	private boolean lastNew;

	boolean isNew() {
		return lastNew;
	}

	int size() {
		return count;
	}

	private void grow() {
		// both tables are allocated before either replaces the old one: an OutOfMemoryError here (the search reports
		// it) must leave a set the other worker can still use, not keys twice as long as ids
		long[] newKeys = new long[keys.length * 2];
		int[] newIds = new int[keys.length * 2];
		int mask = newKeys.length - 1;
		for (int j = 0; j < keys.length; j++) {
			if (keys[j] != 0) {
				int i = (int) (keys[j] & mask);
				while (newKeys[i] != 0) {
					i = (i + 1) & mask;
				}
				newKeys[i] = keys[j];
				newIds[i] = ids[j];
			}
		}
		keys = newKeys;
		ids = newIds;
	}

	/** A 64-bit fingerprint of a state (a strong mix of every slot, two slots a round). */
	static long fingerprint(int[] state) {
		long h = 0x9E3779B97F4A7C15L ^ state.length;
		int n = state.length & ~1;
		for (int k = 0; k < n; k += 2) {
			h = (h ^ (((long) state[k] << 32) | (state[k + 1] & 0xFFFFFFFFL))) * 0xBF58476D1CE4E5B9L;
			h ^= h >>> 31;
		}
		if (n < state.length) {
			h = (h ^ state[n]) * 0xBF58476D1CE4E5B9L;
			h ^= h >>> 31;
		}
		h = (h ^ (h >>> 30)) * 0x94D049BB133111EBL;
		return h ^ (h >>> 31);
	}

	static int[] grow(int[] a, int n) {
		return n < a.length ? a : Arrays.copyOf(a, Math.max(n + 1, a.length * 2));
	}
}
