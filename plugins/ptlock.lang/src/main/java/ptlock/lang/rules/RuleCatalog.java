package ptlock.lang.rules;

import java.util.List;

import ptlock.lang.validation.IssueCodes;
import ptlock.report.sarif.SarifRule;

/**
 * The static locking rules, for reports that describe their rules (SARIF's driver.rules): each code the rules emit,
 * a one-line description and its help, as the table under "Static rules" in docs/LANGUAGE.md has them (a test keeps
 * the two lists the same).
 */
public final class RuleCatalog {
	/** Where the rules are documented, relative to the repository's root. */
	public static final String DOCS = "docs/LANGUAGE.md#static-rules";

	/** One rule: its code, one line, and the help (the table's text). */
	public record Rule(String code, String description, String help) {
	}

	private static final String CONFIRM = " A warning, not a verdict: ptlock check says whether a counterexample of"
			+ " the scenario runs through the line (the finding is confirmed) or not.";

	private static final List<Rule> RULES = List.of(
			new Rule(IssueCodes.UNBALANCED_LOCK, "A path can end holding a lock it took, or releases one it does not hold",
					"A path can end holding a lock it took, or releases one it does not hold."),
			new Rule(IssueCodes.UNBALANCED_MAP, "A path can end with a page table still mapped, or unmaps one it has not mapped",
					"A path can end with a table still mapped (its RCU read section open), or unmaps one it has not"
							+ " mapped (an unbalanced rcu_read_unlock())."),
			new Rule(IssueCodes.SELF_DEADLOCK, "A CPU takes a lock it already holds",
					"A CPU takes a lock it already holds (a spinlock twice, a write lock inside a read lock of the"
							+ " same rwsem)."),
			new Rule(IssueCodes.LOCK_ORDER_INVERSION, "Two paths take two lock classes in opposite orders (ABBA)",
					"Two paths take two lock classes in opposite orders (ABBA)."),
			new Rule(IssueCodes.UNCHECKED_NOLOCK_WRITE,
					"A PTE write through a pointer from a lockless map with no recheck under its ptl (Jann Horn's rule)",
					"Jann Horn's rule: a PTE write through a pointer from a lockless map (the library's"
							+ " __pte_offset_map() under pte_offset_map_nolock() and pte_offset_map()), with no"
							+ " pmd_same() recheck after taking its ptl, no pte_same() check (under the ptl) against a"
							+ " value known not to be none, and the PMD lock not held since before the map; or under a"
							+ " ptl that is not the one the map gave (pte_lockptr() reads the PMD entry again: what"
							+ " patch 03 of the seed series removes from arm's adjust_pte()). A pointer copied (a"
							+ " callee's return p) keeps what was established about it."));

	private RuleCatalog() {
	}

	public static List<Rule> all() {
		return RULES;
	}

	/** The rules without a helpUri (their help is inline). */
	public static List<SarifRule> sarifRules() {
		return sarifRules(null);
	}

	/**
	 * @param docsBase the absolute URI that the repository's files are under (e.g. a web view of its main branch,
	 *            ending in '/'), so that helpUri is docsBase + {@link #DOCS}; null: no helpUri
	 */
	public static List<SarifRule> sarifRules(String docsBase) {
		String uri = docsBase == null ? null : (docsBase.endsWith("/") ? docsBase : docsBase + "/") + DOCS;
		return RULES.stream().map(r -> new SarifRule(r.code(), r.code().substring("ptlock.".length()),
				r.description(), r.help() + CONFIRM, uri)).toList();
	}
}
