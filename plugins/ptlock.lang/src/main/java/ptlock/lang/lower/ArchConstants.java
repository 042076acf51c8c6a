package ptlock.lang.lower;

import java.util.LinkedHashMap;
import java.util.Map;

import ptlock.model.series.Architecture;
import ptlock.model.series.EmptyPte;
import ptlock.model.series.TableFreeing;

/**
 * What an architecture model means to a spec: the library's constants it sets (specs/lib/pgtable.ptl, "what differs
 * by architecture"). A constant the spec does not declare is left out, so specs without the library can still name
 * architectures.
 */
final class ArchConstants {
	private ArchConstants() {
	}

	static Map<String, Integer> of(Architecture a) {
		Map<String, Integer> c = new LinkedHashMap<>();
		c.put("SPLIT_PTLOCKS", a.isSplitPtlocks() ? 1 : 0);
		c.put("PTE_FRAGMENTS", a.getPteTablesPerPage());
		c.put("ATOMIC_PMD_READ", a.isAtomicEntryReads() ? 1 : 0);
		c.put("PTE_NONE_ZERO", a.getEmptyPte() == EmptyPte.ZERO ? 1 : 0);
		c.put("FRAGMENT_REUSE", a.isFragmentReuse() ? 1 : 0);
		c.put("RCU_TABLE_FREE", a.isRcuTableFree() ? 1 : 0);
		// the patch from which page tables go through pte_free_defer() (0: never, they are freed at once)
		c.put("DEFER_PATCH", a.getTableFreeing() == TableFreeing.IMMEDIATE ? 0 : patchNumber(a.getDeferredFreeingFrom()));
		return c;
	}

	/** "p08" -> 8; anything else -> 0. */
	static int patchNumber(String name) {
		if (name == null || !name.matches("p\\d+")) {
			return 0;
		}
		return Integer.parseInt(name.substring(1));
	}
}
