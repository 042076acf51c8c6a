package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ptlock.ir.Expr;
import ptlock.ir.SourceLoc;
import ptlock.ir.Stmt;
import ptlock.lang.validation.IssueCodes;

/**
 * What a {@link Stmt.Mark} does to the state the rules follow (the meaning of each tag, docs/LANGUAGE.md "Static
 * rules"), and the findings it gives. Lock and pointer identities are values: two names for the same lock (ptl and
 * pml without split ptlocks) are the same lock.
 */
final class Effects {
	private final Findings findings;
	/** "held class -> taken class" to where the second was taken, for lock-order inversions */
	private final Map<String, List<SourceLoc>> order;

	Effects(Findings findings, Map<String, List<SourceLoc>> order) {
		this.findings = findings;
		this.order = order;
	}

	/** The states after the mark (none: the CPU is stuck there). */
	List<AState> apply(Stmt.Mark m, AState before) {
		// only what the effect needs the value of is split: locks (their identity is their value), the table a map
		// maps, the ptl of a *_nolock pointer, and results; pointers are known by where they are kept
		List<Expr> read = new ArrayList<>();
		switch (m.effect()) {
		case "acquires", "acquires_nested", "acquires_read", "tryacquires", "tryacquires_read", "releases", "downgrades", "maps", "unmaps",
				"lockclass" -> {
			if (!m.args().isEmpty() && m.args().get(0) != null) {
				read.add(m.args().get(0));
			}
		}
		case "nolock" -> {
			if (m.args().size() > 1 && m.args().get(1) != null) {
				read.add(m.args().get(1));
			}
		}
		default -> {
		}
		}
		if (m.result() != null) {
			read.add(m.result());
		}
		List<AState> out = new ArrayList<>();
		for (AState s : AbstractEval.concretize(before, read)) {
			AState c = s.copy();
			if (applyOne(m, c)) {
				out.add(c);
			}
		}
		return out;
	}

	private boolean applyOne(Stmt.Mark m, AState s) {
		switch (m.effect()) {
		case "acquires":
			return acquire(m, s, false, true);
		case "acquires_nested": {
			// spin_lock_nested(): the caller tells lockdep it holds another lock of this class, and lockdep (like
			// these rules) takes its word; the same lock taken twice is left to the model checker (no_deadlock)
			String key = lockKey(m, s);
			return key == null || !s.holds(key) ? acquire(m, s, false, true) : false;
		}
		case "acquires_read":
			return acquire(m, s, true, true);
		case "tryacquires":
		case "tryacquires_read": {
			if (!Boolean.TRUE.equals(result(m, s))) {
				return true; // not taken (or the result is thrown away)
			}
			String key = lockKey(m, s);
			if (s.holds(key) && (m.effect().equals("tryacquires") || !s.hold(key).read())) {
				return false; // a trylock of a lock this CPU holds does not succeed
			}
			// a trylock never waits: it takes part in no lock order
			return acquire(m, s, m.effect().equals("tryacquires_read"), false);
		}
		case "releases":
			release(m, s);
			return true;
		case "downgrades": {
			String key = lockKey(m, s);
			AState.Hold h = key == null ? null : s.hold(key);
			if (h == null || h.read()) {
				findings.add(IssueCodes.UNBALANCED_LOCK, "'" + m.callee() + "' downgrades " + lockShown(m, s)
						+ ", which this path does not hold for write here", m.at());
				return true;
			}
			s.holds.set(s.holds.indexOf(h), new AState.Hold(h.key(), h.cls(), h.shown(), true, h.at()));
			return true;
		}
		case "maps": {
			String key = valueKey(m, s, 0);
			if (key != null) {
				s.maps.add(new AState.Mapped(key, shown(m, 0), m.at()));
			}
			return true;
		}
		case "unmaps":
			unmap(m, s);
			return true;
		case "nolock": {
			String p = pointer(m, s, 0);
			// a NULL result (the call mapped nothing) points nowhere
			boolean mapped = s.maps.stream().anyMatch(x -> x.at().equals(m.at()));
			if (p != null && mapped) {
				String lock = m.args().size() > 1 ? spinlockKey(m, s, 1) : null;
				String pmdval = pointer(m, s, 2);
				s.nolock.put(p, new AState.Nolock(lock, heldOfClass(s, "pmd_lock"), pmdval));
				s.verified.remove(p);
			}
			return true;
		}
		case "rechecks_pmd": {
			if (!Boolean.TRUE.equals(result(m, s))) {
				return true;
			}
			if (m.args().size() == 1) {
				// @rechecks_pmd(p): the PMD entry still links p's table
				String p = pointer(m, s, 0);
				if (p != null && ptlHeld(s, p)) {
					s.verified.add(p);
				}
				return true;
			}
			// @rechecks_pmd(a, b): two PMD values are the same; one of them may be a *_nolock pointer's
			for (int i = 0; i < m.args().size(); i++) {
				String v = pointer(m, s, i);
				s.nolock.forEach((p, n) -> {
					if (v != null && v.equals(n.pmdval()) && ptlHeld(s, p)) {
						s.verified.add(p);
					}
				});
			}
			return true;
		}
		case "reads_pte": {
			String p = pointer(m, s, 0);
			AbstractEval.Access r = m.result() == null ? null : AbstractEval.access(m.result(), s);
			if (p != null && r != null && s.nolock.containsKey(p) && ptlHeld(s, p)) {
				s.provenance.put(AbstractEval.name(r, s), p);
			}
			return true;
		}
		case "compares_pte":
			if (Boolean.TRUE.equals(result(m, s)) && m.args().size() == 2) {
				checkedAgainst(s, m.args().get(0), m.args().get(1));
				checkedAgainst(s, m.args().get(1), m.args().get(0));
			}
			return true;
		case "writes_pte":
			write(m, s);
			return true;
		case "checks_none":
			// pte_none(v) false: v is not none
			if (Boolean.FALSE.equals(result(m, s))) {
				notNone(m, s);
			}
			return true;
		case "checks_present":
			if (Boolean.TRUE.equals(result(m, s))) {
				notNone(m, s);
			}
			return true;
		case "lockclass": {
			String key = spinlockKey(m, s, 0);
			if (key != null && m.name() != null) {
				s.classes.put(key, m.name()); // a lock id is reused: its latest lookup says what it is
			}
			return true;
		}
		default:
			return true;
		}
	}

	private boolean acquire(Stmt.Mark m, AState s, boolean read, boolean waits) {
		String key = lockKey(m, s);
		if (key == null) {
			return true;
		}
		AState.Hold held = s.hold(key);
		if (held != null && (!read || !held.read())) {
			findings.add(IssueCodes.SELF_DEADLOCK, "'" + m.callee() + "' takes " + lockShown(m, s)
					+ ", which this CPU already holds (taken at " + Findings.where(held.at()) + " as " + held.shown()
					+ "): it waits for itself forever", m.at());
			return false;
		}
		// a lock's class: from @lockclass (ptl, pmd_lock), else the lock's name or space (mmap_lock, vma_lock)
		String taken = s.classes.getOrDefault(key, m.name());
		for (AState.Hold h : s.holds) {
			if (waits && !h.key().equals(key) && h.cls() != null && taken != null && !h.cls().equals(taken)) {
				order.putIfAbsent(h.cls() + " -> " + taken, m.at());
			}
		}
		s.holds.add(new AState.Hold(key, taken, lockShown(m, s), read, m.at()));
		return true;
	}

	private void release(Stmt.Mark m, AState s) {
		String key = lockKey(m, s);
		if (key == null) {
			return;
		}
		if (!s.holds(key)) {
			findings.add(IssueCodes.UNBALANCED_LOCK, "'" + m.callee() + "' releases " + lockShown(m, s)
					+ ", which this path does not hold here", m.at());
			return;
		}
		s.release(key);
	}

	private void unmap(Stmt.Mark m, AState s) {
		String key = valueKey(m, s, 0);
		if (key == null) {
			return;
		}
		AState.Mapped match = null;
		for (AState.Mapped x : s.maps) {
			if (x.key().equals(key) || match == null) {
				match = x;
			}
		}
		if (match == null) {
			findings.add(IssueCodes.UNBALANCED_MAP, "'" + m.callee() + "' unmaps " + shown(m, 0)
					+ ", which this path has not mapped here (an unbalanced rcu_read_unlock())", m.at());
			return;
		}
		s.maps.remove(match);
	}

	/** Jann Horn's rule: a write through a *_nolock pointer needs a recheck under its ptl, or the PMD lock kept. */
	private void write(Stmt.Mark m, AState s) {
		String p = pointer(m, s, 0);
		AState.Nolock n = p == null ? null : s.nolock.get(p);
		if (n == null || s.verified.contains(p) || (n.pmdLock() != null && s.holds(n.pmdLock()))) {
			return;
		}
		String ptr = shown(m, 0);
		if (n.lock() != null && !s.holds(n.lock()) && s.holds.stream().anyMatch(h -> "ptl".equals(h.cls()))) {
			// the pte_offset_map() + pte_lockptr() of v6.5 and before: the ptl from a second read of the PMD
			findings.add(IssueCodes.UNCHECKED_NOLOCK_WRITE, "'" + m.callee() + "' writes through " + ptr
					+ " under a ptl that may not be the one of the table it maps: that ptl was computed from the PMD"
					+ " entry read again (pte_lockptr()), which may link another table by then. Fix: take the ptl"
					+ " the map gave (pte_offset_map_nolock(), patch 03 of the seed series), then recheck"
					+ " 'pmd_same()' under it (a recheck under the recomputed ptl is not enough)", m.at());
			return;
		}
		findings.add(IssueCodes.UNCHECKED_NOLOCK_WRITE, "'" + m.callee() + "' writes through " + ptr
				+ ", looked up with a *_nolock map, with no pmd_same() recheck after taking the ptl: the table may"
				+ " have been detached meanwhile (Jann Horn's rule). Fix: after spin_lock(ptl), bail out 'if"
				+ " (!pmd_same(" + ptr + "))', or check pte_same() against a value known not to be none", m.at());
	}

	/**
	 * The entry value at the mark's argument is not none. Read through a pointer under its ptl, that means the
	 * table is not a detached one (those are emptied before they are detached): the pointer is fine.
	 */
	private static void notNone(Stmt.Mark m, AState s) {
		AbstractEval.Access a = m.args().isEmpty() || m.args().get(0) == null ? null
				: AbstractEval.access(m.args().get(0), s);
		if (a == null) {
			return;
		}
		s.notNone.add(AbstractEval.name(a, s));
		String p = s.provenance.get(AbstractEval.name(a, s));
		if (p != null) {
			s.verified.add(p);
		}
	}

	/** pte_same(x, y) held: if x was read through a pointer under its ptl and y is not none, the pointer is fine. */
	private static void checkedAgainst(AState s, Expr x, Expr y) {
		if (x == null || y == null) {
			return;
		}
		AbstractEval.Access a = AbstractEval.access(x, s);
		String p = a == null ? null : s.provenance.get(AbstractEval.name(a, s));
		AbstractEval.Access b = AbstractEval.access(y, s);
		AValue other = AbstractEval.eval(y, s);
		boolean notNone = (b != null && s.notNone.contains(AbstractEval.name(b, s)))
				|| (AValue.isKnown(other) && !AValue.isZeroOf(other, y.type()));
		if (p != null && notNone) {
			s.verified.add(p);
		}
	}

	private static boolean ptlHeld(AState s, String pointer) {
		AState.Nolock n = s.nolock.get(pointer);
		if (n != null && n.lock() != null) {
			return s.holds(n.lock());
		}
		return s.holds.stream().anyMatch(h -> "ptl".equals(h.cls()));
	}

	private static String heldOfClass(AState s, String cls) {
		for (AState.Hold h : s.holds) {
			if (cls.equals(h.cls())) {
				return h.key();
			}
		}
		return null;
	}

	private static Object result(Stmt.Mark m, AState s) {
		if (m.result() == null) {
			return null;
		}
		return AbstractEval.eval(m.result(), s) instanceof AValue.Known k ? k.value() : null;
	}

	/**
	 * The identity of the lock a mark names: a fixed lock ("mmap_lock"), a lock of a space ("page_lock" #2) or a
	 * spinlock by its id (#3). Null for lock 0 (nobody's).
	 */
	private static String lockKey(Stmt.Mark m, AState s) {
		if (m.args().isEmpty()) {
			return m.name() == null ? null : "\"" + m.name();
		}
		String v = valueKey(m, s, 0);
		return v == null ? null : (m.name() == null ? "" : m.name()) + v;
	}

	private static String spinlockKey(Stmt.Mark m, AState s, int i) {
		return valueKey(m, s, i);
	}

	private static String lockShown(Stmt.Mark m, AState s) {
		if (m.args().isEmpty()) {
			return "'" + m.name() + "'";
		}
		AValue v = m.args().get(0) == null ? null : AbstractEval.eval(m.args().get(0), s);
		String id = v instanceof AValue.Known k ? " (lock " + k.value() + ")" : "";
		return "'" + shown(m, 0) + "'" + id;
	}

	/** A scalar argument's identity: "#value" if known, the local it is read from if not. Null for 0. */
	private static String valueKey(Stmt.Mark m, AState s, int i) {
		if (i >= m.args().size() || m.args().get(i) == null) {
			return null;
		}
		Expr e = m.args().get(i);
		AValue v = AbstractEval.eval(e, s);
		if (v instanceof AValue.Known k) {
			return AValue.isZero(v) ? null : "#" + k.value();
		}
		AbstractEval.Access a = AbstractEval.access(e, s);
		return a != null ? "@" + AbstractEval.name(a, s) : "?" + shown(m, i);
	}

	/** A pointer argument's identity: its value (the PMD entry, table and generation it was looked up with). */
	/** A pointer's (or a PMD value's) identity: where it is kept (the local, through copies), else its value. */
	private static String pointer(Stmt.Mark m, AState s, int i) {
		if (i >= m.args().size() || m.args().get(i) == null) {
			return null;
		}
		AbstractEval.Access a = AbstractEval.access(m.args().get(i), s);
		return a != null ? "@" + AbstractEval.name(a, s) : AbstractEval.eval(m.args().get(i), s).toString();
	}

	private static String shown(Stmt.Mark m, int i) {
		return i < m.shown().size() ? m.shown().get(i) : "?";
	}
}
