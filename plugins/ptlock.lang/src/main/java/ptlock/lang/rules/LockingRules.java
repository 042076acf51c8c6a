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
	private final Orders order = new Orders();
	private final Set<List<Object>> alone = new java.util.HashSet<>();
	/** the threads of scenarios already followed, with what was stable for them: the same again finds the same */
	private final Set<List<Object>> followed = new java.util.HashSet<>();
	private final Set<String> stableAlone;
	private final RuleMemo memo;

	/** Rules for scenarios only (a path checked alone then knows no shared variable to be constant). */
	public LockingRules() {
		this(Set.of(), new RuleMemo());
	}

	/** Rules for scenarios only, replaying the threads the memo has seen followed (in this check's validator). */
	public LockingRules(RuleMemo memo) {
		this(Set.of(), memo);
	}

	/**
	 * @param stableAlone the shared variables that no code of the spec writes after init
	 *                    ({@link StableGlobals#of(List)}), for paths checked alone
	 */
	public LockingRules(Set<String> stableAlone) {
		this(stableAlone, new RuleMemo());
	}

	/** As {@link #LockingRules(Set)}, sharing what following each scenario thread did with other rules. */
	public LockingRules(Set<String> stableAlone, RuleMemo memo) {
		this.stableAlone = stableAlone;
		this.memo = memo;
	}

	/** The lock orders seen ("held class -> taken class"); Effects' putIfAbsent is recorded for the memo. */
	private static final class Orders extends LinkedHashMap<String, List<SourceLoc>> {
		private static final long serialVersionUID = 1L;
		transient List<RuleMemo.Call> recording;

		@Override
		public List<SourceLoc> putIfAbsent(String edge, List<SourceLoc> at) {
			if (recording != null) {
				recording.add(new RuleMemo.OrderCall(edge, at));
			}
			return super.putIfAbsent(edge, at);
		}
	}
	private final ThreadExplorer explorer = new ThreadExplorer(new Effects(findings, order), findings);

	/** Every thread of a scenario. */
	public LockingRules check(Program p) {
		Set<String> stable = StableGlobals.of(p);
		for (ThreadIr t : p.threads()) {
			// a scenario on several architectures often lowers a thread the same on each of them
			List<Object> key = List.of(t.name(), t.locals(), t.steps(), t.entry(), Set.copyOf(stable));
			if (!followed.add(key)) {
				continue;
			}
			findings.thread = t.name();
			List<RuleMemo.Call> done = memo.get(key);
			if (done != null) {
				replay(done);
				continue;
			}
			List<RuleMemo.Call> calls = RuleMemo.recording();
			findings.recording = calls;
			order.recording = calls;
			try {
				explorer.explore(t, stable);
			} finally {
				findings.recording = null;
				order.recording = null;
			}
			memo.put(key, calls);
		}
		findings.thread = null;
		return this;
	}

	/** Does again what following a thread did (the same findings, in order, and the same lock orders). */
	private void replay(List<RuleMemo.Call> calls) {
		for (RuleMemo.Call c : calls) {
			switch (c) {
			case RuleMemo.FindingCall f -> findings.add(f.code(), f.message(), f.at());
			case RuleMemo.OrderCall o -> order.putIfAbsent(o.edge(), o.at());
			}
		}
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
