package ptlock.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ptlock.ir.Program;
import ptlock.ir.ThreadIr;
import ptlock.ir.ThreadShape;
import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.ir.symmetry.Symmetry;

/**
 * Symmetry reduction's canonical form of a state: of the states got by exchanging identical threads
 * ({@link Symmetry}), the least. Exchanging threads moves their program counters and locals (their block),
 * renames thread ids wherever a 'thread' is held, moves the elements of arrays declared '[THREADS]' and the members
 * of sets of threads, and moves the model-check error code of a site of one thread to the same site of the other.
 * <p>
 * The order: first the threads' blocks with the thread ids in them read as "someone" (a key that does not depend on
 * which thread is which), then the whole state as an int array. Only the exchanges that sort each group's blocks by
 * that key can give the least state, so those are the only ones tried: one when the threads' blocks differ, all
 * orders of the equal ones otherwise. The least is the same state for every state of one orbit, so the search
 * keeps one state per orbit. Holds scratch arrays: one per worker ({@link #fresh()}).
 */
final class Canonicalizer {
	private final int size;
	private final int nthreads;
	/** per group: its members' thread ids and the first slot of each member's block; the block width */
	private final int[][] memberIds, blockStart;
	private final int[] blockWidth;
	/** per group: block-relative slots that hold a thread id (read as "someone" in the key) */
	private final int[][] blockValues;
	private final int[] valueSlots, setSlots;
	/** byThread arrays, outermost first: {slot of element 1, element width, elements} */
	private final int[][] arrays;
	private final int flagSlot;
	/** per error code: {group, member, site} of the group member site it belongs to, or null */
	private final int[][] codeOwner;
	private final List<int[][]> codes;
	// scratch
	private final int[] cand, best, snap, id;
	private final int[][] perm, order;

	Canonicalizer(Program p, Layout layout, Symmetry sym) {
		this.size = layout.size();
		this.nthreads = p.threads().size();
		List<Integer> values = new ArrayList<>(), sets = new ArrayList<>();
		List<int[]> arr = new ArrayList<>();
		for (Var v : layout.vars()) {
			flatten(v.type(), p.shape(v.name()), layout.offset(v), values, sets, arr);
		}
		valueSlots = values.stream().mapToInt(Integer::intValue).toArray();
		setSlots = sets.stream().mapToInt(Integer::intValue).toArray();
		arrays = arr.toArray(int[][]::new);
		int groups = sym.groups().size();
		memberIds = new int[groups][];
		blockStart = new int[groups][];
		blockWidth = new int[groups];
		blockValues = new int[groups][];
		for (int g = 0; g < groups; g++) {
			int[] members = sym.groups().get(g);
			memberIds[g] = new int[members.length];
			blockStart[g] = new int[members.length];
			for (int m = 0; m < members.length; m++) {
				ThreadIr t = p.threads().get(members[m]);
				memberIds[g][m] = t.index();
				blockStart[g][m] = layout.offset(t.pc());
			}
			ThreadIr first = p.threads().get(members[0]);
			blockWidth[g] = blockWidth(first);
			int start = blockStart[g][0], width = blockWidth[g];
			blockValues[g] = values.stream().mapToInt(Integer::intValue).filter(v -> v >= start && v < start + width)
					.map(v -> v - start).toArray();
		}
		Var flag = ptlock.ir.ModelChecks.flag(p);
		flagSlot = flag == null ? -1 : layout.offset(flag);
		int maxCode = flag == null || !(flag.type() instanceof Type.Range r) ? 0 : r.hi();
		codes = sym.codes();
		codeOwner = new int[maxCode + 1][];
		for (int g = 0; g < groups; g++) {
			int[][] c = codes.get(g);
			for (int m = 0; m < c.length; m++) {
				for (int k = 0; k < c[m].length; k++) {
					if (c[m][k] <= maxCode) {
						codeOwner[c[m][k]] = new int[] { g, m, k };
					}
				}
			}
		}
		cand = new int[size];
		best = new int[size];
		snap = new int[size];
		id = new int[nthreads + 1];
		perm = new int[groups][];
		order = new int[groups][];
		for (int g = 0; g < groups; g++) {
			perm[g] = new int[memberIds[g].length];
			order[g] = new int[memberIds[g].length];
		}
	}

	private Canonicalizer(Canonicalizer c) {
		size = c.size;
		nthreads = c.nthreads;
		memberIds = c.memberIds;
		blockStart = c.blockStart;
		blockWidth = c.blockWidth;
		blockValues = c.blockValues;
		valueSlots = c.valueSlots;
		setSlots = c.setSlots;
		arrays = c.arrays;
		flagSlot = c.flagSlot;
		codeOwner = c.codeOwner;
		codes = c.codes;
		cand = new int[size];
		best = new int[size];
		snap = new int[size];
		id = new int[nthreads + 1];
		perm = new int[c.perm.length][];
		order = new int[c.perm.length][];
		for (int g = 0; g < perm.length; g++) {
			perm[g] = new int[c.perm[g].length];
			order[g] = new int[c.perm[g].length];
		}
	}

	/** The same canonical form with scratch arrays of its own (one per worker). */
	Canonicalizer fresh() {
		return new Canonicalizer(this);
	}

	private boolean found;

	/** Replaces s by the least state of its orbit. */
	void canonicalize(int[] s) {
		for (int g = 0; g < order.length; g++) {
			sortMembers(s, g);
		}
		found = false;
		tryOrders(s, 0);
		System.arraycopy(best, 0, s, 0, size);
	}

	/** order[g]: the members of group g by their blocks' key, least first (insertion sort: groups are small). */
	private void sortMembers(int[] s, int g) {
		int[] o = order[g];
		for (int i = 0; i < o.length; i++) {
			int m = i, j = i;
			while (j > 0 && compareKeys(s, g, o[j - 1], m) > 0) {
				o[j] = o[j - 1];
				j--;
			}
			o[j] = m;
		}
	}

	/** Compares two members' blocks with the thread ids in them read as "someone" (or 0: nobody). */
	private int compareKeys(int[] s, int g, int a, int b) {
		int sa = blockStart[g][a], sb = blockStart[g][b], w = blockWidth[g];
		int[] vals = blockValues[g];
		int vi = 0;
		for (int i = 0; i < w; i++) {
			int x = s[sa + i], y = s[sb + i];
			if (vi < vals.length && vals[vi] == i) {
				vi++;
				x = x == 0 ? 0 : 1;
				y = y == 0 ? 0 : 1;
			}
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

	/** Every exchange that puts group g's members in key order (any order among equal keys), then the next group. */
	private void tryOrders(int[] s, int g) {
		if (g == order.length) {
			apply(s, cand);
			if (!found || Arrays.compare(cand, best) < 0) {
				System.arraycopy(cand, 0, best, 0, size);
				found = true;
			}
			return;
		}
		tiesFrom(s, g, 0);
	}

	/** Positions from..: member order[g][j] goes to position j, each run of equal keys in every order. */
	private void tiesFrom(int[] s, int g, int from) {
		int[] o = order[g];
		if (from == o.length) {
			for (int j = 0; j < o.length; j++) {
				perm[g][o[j]] = j;
			}
			tryOrders(s, g + 1);
			return;
		}
		int end = from + 1;
		while (end < o.length && compareKeys(s, g, o[from], o[end]) == 0) {
			end++;
		}
		permuteRun(s, g, from, end, from);
	}

	private void permuteRun(int[] s, int g, int from, int end, int i) {
		if (i == end) {
			tiesFrom(s, g, end);
			return;
		}
		int[] o = order[g];
		for (int k = i; k < end; k++) {
			swap(o, i, k);
			permuteRun(s, g, from, end, i + 1);
			swap(o, i, k);
		}
	}

	private static void swap(int[] a, int i, int j) {
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

	/** out := s with group g's member m moved to member perm[g][m], for every group. */
	private void apply(int[] s, int[] out) {
		for (int i = 0; i <= nthreads; i++) {
			id[i] = i;
		}
		for (int g = 0; g < perm.length; g++) {
			for (int m = 0; m < perm[g].length; m++) {
				id[memberIds[g][m]] = memberIds[g][perm[g][m]];
			}
		}
		System.arraycopy(s, 0, snap, 0, size);
		for (int slot : valueSlots) {
			int v = snap[slot];
			if (v > 0 && v <= nthreads) {
				snap[slot] = id[v];
			}
		}
		for (int slot : setSlots) {
			int m = snap[slot], r = m;
			for (int t = 1; t <= nthreads; t++) {
				if (id[t] != t) {
					r &= ~(1 << t);
				}
			}
			for (int t = 1; t <= nthreads; t++) {
				if (id[t] != t && (m & (1 << t)) != 0) {
					r |= 1 << id[t];
				}
			}
			snap[slot] = r;
		}
		if (flagSlot >= 0) {
			int v = snap[flagSlot];
			if (v > 0 && v < codeOwner.length && codeOwner[v] != null) {
				int[] o = codeOwner[v];
				snap[flagSlot] = codes.get(o[0])[perm[o[0]][o[1]]][o[2]];
			}
		}
		System.arraycopy(snap, 0, out, 0, size);
		for (int g = 0; g < perm.length; g++) {
			for (int m = 0; m < perm[g].length; m++) {
				if (perm[g][m] != m) {
					System.arraycopy(snap, blockStart[g][m], out, blockStart[g][perm[g][m]], blockWidth[g]);
				}
			}
		}
		for (int[] a : arrays) {
			int first = a[0], width = a[1], n = a[2];
			System.arraycopy(out, first, snap, first, width * n);
			for (int t = 1; t <= n && t <= nthreads; t++) {
				if (id[t] != t && id[t] <= n) {
					System.arraycopy(snap, first + (t - 1) * width, out, first + (id[t] - 1) * width, width);
				}
			}
		}
	}

	private static int blockWidth(ThreadIr t) {
		int w = Layout.width(t.pc().type());
		for (Var v : t.locals()) {
			w += Layout.width(v.type());
		}
		return w;
	}

	/** The slots of a value of type t at slot at that hold thread ids, sets of them, and arrays indexed by them. */
	private static void flatten(Type t, ThreadShape shape, int at, List<Integer> values, List<Integer> sets,
			List<int[]> arrays) {
		switch (shape) {
		case ThreadShape.Id i -> values.add(at);
		case ThreadShape.IdSet s -> sets.add(at);
		case ThreadShape.Array a when t instanceof Type.Array ta -> {
			int w = Layout.width(ta.elem());
			if (a.byThread()) {
				arrays.add(new int[] { at, w, ta.size() });
			}
			for (int i = 0; i < ta.size(); i++) {
				flatten(ta.elem(), a.elem(), at + i * w, values, sets, arrays);
			}
		}
		case ThreadShape.Record r when t instanceof Type.Record tr -> {
			for (int i = 0; i < tr.fields().size() && i < r.fields().size(); i++) {
				Type.Field f = tr.fields().get(i);
				flatten(f.type(), r.fields().get(i), at + Layout.fieldOffset(tr, f.name()), values, sets, arrays);
			}
		}
		default -> {
		}
		}
	}
}
