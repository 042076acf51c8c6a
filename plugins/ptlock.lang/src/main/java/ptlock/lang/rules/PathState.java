package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

/** What one path through a code path has established so far (copied at each branch). */
final class PathState {
	/** A lock held: its key (the expression naming it), its class, where it was taken. */
	record Held(String key, String lockClass, EObject at) {
	}

	/** A mapped page-table pointer, where it was mapped, and the locks its map took (released if it is NULL). */
	record Mapped(EObject at, List<String> locks) {
	}

	final List<Held> held = new ArrayList<>();
	final Map<String, Mapped> mapped = new LinkedHashMap<>();
	final Set<String> nolock = new HashSet<>();
	/** pointers whose PMD was rechecked (pmd_same) while a lock was held */
	final Set<String> rechecked = new HashSet<>();
	/** pointers whose entry passed pte_same() against a value known not to be none */
	final Set<String> pteChecked = new HashSet<>();
	final Set<String> notNone = new HashSet<>();
	final Map<String, String> lockClass = new LinkedHashMap<>();
	/** outcome of each condition on this path, until a variable it reads is assigned */
	final Map<String, Boolean> decided = new LinkedHashMap<>();

	PathState copy() {
		PathState c = new PathState();
		c.held.addAll(held);
		c.mapped.putAll(mapped);
		c.nolock.addAll(nolock);
		c.rechecked.addAll(rechecked);
		c.pteChecked.addAll(pteChecked);
		c.notNone.addAll(notNone);
		c.lockClass.putAll(lockClass);
		c.decided.putAll(decided);
		return c;
	}

	boolean holds(String key) {
		return held.stream().anyMatch(h -> h.key().equals(key));
	}

	void release(String key) {
		for (int i = held.size() - 1; i >= 0; i--) {
			if (held.get(i).key().equals(key)) {
				held.remove(i);
				return;
			}
		}
	}

	/** A variable was assigned: forget what was known about it. */
	void assigned(String var) {
		decided.keySet().removeIf(cond -> mentions(cond, var));
		nolock.remove(var);
		rechecked.remove(var);
		pteChecked.remove(var);
		notNone.remove(var);
		lockClass.remove(var);
	}

	static boolean mentions(String text, String var) {
		return text.matches(".*\\b" + java.util.regex.Pattern.quote(var) + "\\b.*");
	}
}
