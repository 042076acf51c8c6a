package ptlock.ir.symmetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.ir.Program;
import ptlock.ir.ThreadIr;

/**
 * The identical threads of a scenario that symmetry reduction may exchange, or why it may not. Threads are
 * identical when they run the same path with the same arguments (the scenario's text) and the same daemon flag,
 * and their lowered steps differ only in their own thread id ('self') and their own locals. Exchanging them is a
 * symmetry of the whole model only if no code, initial value or property tells one from another: {@link ThreadUse}
 * checks that thread ids are only compared for equality, stored where a 'thread' is declared, used as the index of
 * an array declared '[THREADS]' or as an element of a set of threads, and quantified over all threads.
 *
 * @param groups each group's threads, by position in {@link Program#threads()} (at least two per group)
 * @param codes per group, per member, the model-check codes of its sites in the order of the group's first member
 *        (exchanging members exchanges which of their sites flagged an error state)
 * @param refusal why there is no reduction (null when there are groups)
 */
public record Symmetry(List<int[]> groups, List<int[][]> codes, String refusal) {

	/** Most permutations a state may be compared under (6 identical threads: 720). */
	public static final int MAX_PERMUTATIONS = 720;

	public static Symmetry refused(String why) {
		return new Symmetry(List.of(), List.of(), why);
	}

	public boolean active() {
		return refusal == null;
	}

	/** "cpu0, cpu1 interchangeable" (one clause per group), or the refusal. */
	public String describe(Program p) {
		if (!active()) {
			return "no symmetry reduction: " + refusal;
		}
		List<String> parts = new ArrayList<>();
		for (int[] g : groups) {
			List<String> names = new ArrayList<>();
			for (int t : g) {
				names.add(p.threads().get(t).name());
			}
			parts.add(String.join(", ", names) + " interchangeable");
		}
		return "symmetry: " + String.join("; ", parts) + " (states counted up to exchanging them)";
	}

	/** The groups of identical threads of p, checked to be a symmetry of the whole model. */
	public static Symmetry of(Program p) {
		List<ThreadIr> threads = p.threads();
		for (int i = 0; i < threads.size(); i++) {
			if (threads.get(i).index() != i + 1) {
				return refused("thread ids are not the threads' positions");
			}
		}
		Map<String, List<Integer>> byPath = new LinkedHashMap<>();
		for (int i = 0; i < threads.size(); i++) {
			ThreadIr t = threads.get(i);
			byPath.computeIfAbsent((t.daemon() ? "daemon " : "") + t.path(), k -> new ArrayList<>()).add(i);
		}
		List<int[]> groups = new ArrayList<>();
		for (List<Integer> g : byPath.values()) {
			if (g.size() > 1) {
				groups.add(g.stream().mapToInt(Integer::intValue).toArray());
			}
		}
		if (groups.isEmpty()) {
			return refused("no two threads run the same path with the same arguments");
		}
		long perms = 1;
		for (int[] g : groups) {
			for (int k = 2; k <= g.length; k++) {
				perms *= k;
			}
		}
		if (perms > MAX_PERMUTATIONS) {
			return refused(perms + " permutations of identical threads, more than " + MAX_PERMUTATIONS);
		}
		GroupDiff diff = new GroupDiff(p);
		List<int[][]> codes = new ArrayList<>();
		for (int[] g : groups) {
			String why = diff.compare(g);
			if (why != null) {
				return refused(why);
			}
			codes.add(diff.codes(g));
		}
		String why = new ThreadUse(p, groups, diff.selfLiterals()).check();
		return why != null ? refused(why) : new Symmetry(List.copyOf(groups), List.copyOf(codes), null);
	}
}
