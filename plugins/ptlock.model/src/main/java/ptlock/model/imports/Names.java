package ptlock.model.imports;

import java.util.Locale;

/** The names specs use for what an import creates: 'since p05', 'at p08', a series' identifier. */
public final class Names {
	private Names() {
	}

	/** p01, p02, ..., as the patches of a series are referred to in specs. */
	public static String patch(int number) {
		return String.format(Locale.ROOT, "p%02d", number);
	}

	/** An identifier made of the subject's words: "mm: free retracted page table by RCU" -> mm_free_retracted_page_table_by_rcu. */
	public static String series(String subject) {
		String id = subject == null ? "" : subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
				.replaceAll("^_+|_+$", "");
		if (id.isEmpty()) {
			return "series";
		}
		return Character.isDigit(id.charAt(0)) ? "s_" + id : id;
	}
}
