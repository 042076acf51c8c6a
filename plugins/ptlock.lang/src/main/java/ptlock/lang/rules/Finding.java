package ptlock.lang.rules;

import java.util.List;

import ptlock.ir.SourceLoc;

/**
 * What the static locking rules found: a warning with its IssueCodes code. The model checker is the judge: a
 * finding says where to look, a counterexample through the same line confirms it.
 *
 * @param at where it is, outermost call site first (a path's line, then the primitives it inlines)
 * @param thread the scenario thread it was found in (null: a path checked alone)
 */
public record Finding(String code, String message, List<SourceLoc> at, String thread) {

	/** The innermost place: the statement of the primitive call itself (what a counterexample's step shows). */
	public SourceLoc site() {
		return at.isEmpty() ? SourceLoc.NONE : at.get(at.size() - 1);
	}

	/** The outermost place in the given file, or null if the finding is not about that file. */
	public SourceLoc in(String file) {
		for (SourceLoc l : at) {
			if (l.file().equals(file)) {
				return l;
			}
		}
		return null;
	}
}
