package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.ir.SourceLoc;

/**
 * Where one thread is, as the static rules follow it alone: its step, its locals, and what it holds - the locks it
 * took, the page tables it mapped, and what it established about the pointers it got from *_nolock maps. Copied at
 * every branch.
 */
final class AState {
	/** A lock held: its key (identity), class, how it is shown, read (shared) or exclusive, where it was taken. */
	record Hold(String key, String cls, String shown, boolean read, List<SourceLoc> at) {
	}

	/** A page table mapped (an RCU read section or kmap open until its unmap). */
	record Mapped(String key, String shown, List<SourceLoc> at) {
	}

	/**
	 * A pointer from a *_nolock map: the key of its ptl (null: unknown), the PMD lock held at the map (or null), the
	 * PMD value it was looked up with (or null), for a later pmd_same(pmdval, ...) recheck.
	 */
	record Nolock(String lock, String pmdLock, String pmdval) {
	}

	/**
	 * Shared variables that nothing in the model writes after init (slot_mm[], vm_file[]): read like locals, so
	 * that two reads of one give the same value (the same lock, the same mm). Shared by every copy.
	 */
	Set<String> stable = Set.of();
	/** The step to run next (0: the thread has finished). */
	int pc;
	final Map<String, AValue> locals = new HashMap<>();
	final Map<String, AValue> temps = new HashMap<>();
	final Map<String, AValue> bound = new HashMap<>();
	final List<Hold> holds = new ArrayList<>();
	final List<Mapped> maps = new ArrayList<>();
	/** lock key to lock class ("ptl", "pmd_lock", ...) */
	final Map<String, String> classes = new HashMap<>();
	/** pointer key to what its *_nolock map knew */
	final Map<String, Nolock> nolock = new HashMap<>();
	/** pointers rechecked (pmd_same, or pte_same against a value known not to be none) under their ptl */
	final Set<String> verified = new HashSet<>();
	/** where a value read through a pointer under its ptl is kept (an access path) to that pointer */
	final Map<String, String> provenance = new HashMap<>();
	/** temps of this step that are a copy of an unknown value of an access path (a call's argument): the path */
	final Map<String, String> aliases = new HashMap<>();
	/** the access paths whose value this path checked is not none (pte_none() false, pte_present() true) */
	final Set<String> notNone = new HashSet<>();

	AState copy() {
		AState c = new AState();
		c.stable = stable;
		c.pc = pc;
		c.locals.putAll(locals);
		c.temps.putAll(temps);
		c.aliases.putAll(aliases);
		c.bound.putAll(bound);
		c.holds.addAll(holds);
		c.maps.addAll(maps);
		c.classes.putAll(classes);
		c.nolock.putAll(nolock);
		c.verified.addAll(verified);
		c.provenance.putAll(provenance);
		c.notNone.addAll(notNone);
		return c;
	}

	boolean holds(String key) {
		return holds.stream().anyMatch(h -> h.key().equals(key));
	}

	Hold hold(String key) {
		for (int i = holds.size() - 1; i >= 0; i--) {
			if (holds.get(i).key().equals(key)) {
				return holds.get(i);
			}
		}
		return null;
	}

	/** Releases the most recent hold of the lock; what was established under it is forgotten. */
	void release(String key) {
		Hold h = hold(key);
		holds.remove(h);
		if (holds(key)) {
			return; // still held (a nested read hold)
		}
		verified.removeIf(p -> {
			Nolock n = nolock.get(p);
			return n == null || n.lock() == null || n.lock().equals(key);
		});
		provenance.values().removeIf(p -> {
			Nolock n = nolock.get(p);
			return n == null || n.lock() == null || n.lock().equals(key);
		});
		nolock.replaceAll((p, n) -> key.equals(n.pmdLock()) ? new Nolock(n.lock(), null, n.pmdval()) : n);
	}

	/**
	 * The state as a visited-set key (temps are empty between steps): what it compares, as values, not as text
	 * (building the text of every state was most of the rules' time). A lock or map is compared by its key, kind and
	 * the place it was taken.
	 */
	Key key() {
		List<Site> h = new ArrayList<>(holds.size());
		for (Hold x : holds) {
			h.add(Site.of(x.key(), x.read(), x.at()));
		}
		List<Site> m = new ArrayList<>(maps.size());
		for (Mapped x : maps) {
			m.add(Site.of(x.key(), false, x.at()));
		}
		return new Key(pc, new HashMap<>(locals), h, m, new HashMap<>(classes), new HashMap<>(nolock),
				new HashSet<>(verified), new HashMap<>(provenance), new HashSet<>(notNone));
	}

	/** The state inside a step: with the step's temps, bound variables and aliases. */
	KeyInStep keyInStep() {
		return new KeyInStep(key(), new HashMap<>(temps), new HashMap<>(bound), new HashMap<>(aliases));
	}

	record Key(int pc, Map<String, AValue> locals, List<Site> holds, List<Site> maps, Map<String, String> classes,
			Map<String, Nolock> nolock, Set<String> verified, Map<String, String> provenance, Set<String> notNone) {
	}

	record KeyInStep(Key between, Map<String, AValue> temps, Map<String, AValue> bound, Map<String, String> aliases) {
	}

	/** A hold or a map in a key: the lock or table, read or not, and where (the last place of its call chain). */
	record Site(String key, boolean read, String file, int line, int column) {
		static Site of(String key, boolean read, List<SourceLoc> at) {
			if (at.isEmpty()) {
				return new Site(key, read, null, 0, 0);
			}
			SourceLoc l = at.get(at.size() - 1);
			return new Site(key, read, l.file(), l.line(), l.column());
		}
	}
}
