package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.ir.Program;
import ptlock.ir.SourceLoc;
import ptlock.ir.ThreadIr;
import ptlock.lang.validation.IssueCodes;

/**
 * The static locking rules, on the lowered control-flow graph of each thread: every way through it, with what the
 * thread knows of its own locals (so correlated conditions, trylock results kept in variables and locks that may
 * be the same lock are followed exactly) and nothing known of shared state. Findings are warnings: the model
 * checker is the judge. Collect threads with {@link #check}, then read {@link #findings}, which adds lock-order
 * inversions between the threads checked together.
 */
public final class LockingRules {
	private final Findings findings = new Findings();
	private final Map<String, List<SourceLoc>> order = new LinkedHashMap<>();
	private final Set<List<Object>> alone = new java.util.HashSet<>();
	/** the threads of scenarios already followed, with what was stable for them: the same again finds the same */
	private final Set<List<Object>> followed = new java.util.HashSet<>();
	private final Set<String> stableAlone;

	/** Rules for scenarios only (a path checked alone then knows no shared variable to be constant). */
	public LockingRules() {
		this(Set.of());
	}

	/**
	 * @param stableAlone the shared variables that no code of the spec writes after init
	 *                    ({@link StableGlobals#of(List)}), for paths checked alone
	 */
	public LockingRules(Set<String> stableAlone) {
		this.stableAlone = stableAlone;
	}
	private final ThreadExplorer explorer = new ThreadExplorer(new Effects(findings, order), findings);

	/** Every thread of a scenario. */
	public LockingRules check(Program p) {
		Set<String> stable = StableGlobals.of(p);
		for (ThreadIr t : p.threads()) {
			// a scenario on several architectures often lowers a thread the same on each of them
			if (!followed.add(List.of(t.name(), t.locals(), t.steps(), t.entry(), Set.copyOf(stable)))) {
				continue;
			}
			findings.thread = t.name();
			explorer.explore(t, stable);
		}
		findings.thread = null;
		return this;
	}

	/**
	 * One thread (a path checked alone, its parameters unknown). A path that lowers the same at several patch
	 * levels is followed once.
	 */
	public LockingRules check(ThreadIr t) {
		if (!alone.add(List.of(t.name(), t.locals(), t.steps(), t.entry()))) {
			return this;
		}
		findings.thread = null;
		Set<String> stable = new java.util.HashSet<>(StableGlobals.lockArgs(t));
		stable.retainAll(stableAlone);
		explorer.explore(t, stable);
		return this;
	}

	/** The patch levels to check a path alone at (see {@link PatchLevels}). */
	public static List<java.util.Set<String>> patchLevels(List<ptlock.lang.ptlock.Model> models) {
		return PatchLevels.of(models);
	}

	public List<Finding> findings() {
		List<Finding> out = new ArrayList<>(findings.all());
		Findings inversions = new Findings();
		for (Map.Entry<String, List<SourceLoc>> e : order.entrySet()) {
			String[] ab = e.getKey().split(" -> ");
			List<SourceLoc> other = order.get(ab[1] + " -> " + ab[0]);
			if (other != null) {
				inversions.add(IssueCodes.LOCK_ORDER_INVERSION, "takes " + ab[1] + " while holding " + ab[0]
						+ ", but another path takes them in the opposite order (" + Findings.where(other)
						+ "): a possible ABBA deadlock", e.getValue());
			}
		}
		out.addAll(inversions.all());
		return out;
	}
}
