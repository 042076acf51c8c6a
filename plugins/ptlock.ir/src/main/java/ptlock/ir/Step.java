package ptlock.ir;

import java.util.List;

/**
 * One atomic step of a thread: what happens between two moments at which other threads may run. Races live
 * between steps. The label is the kernel line it models, as written in the .ptl file, after the names of the
 * calls it was inlined from ("collapse_file: try_to_unmap: spin_lock(ptl);").
 *
 * @param frames the inlined calls this step belongs to, outermost first (empty: the path's own line)
 */
public record Step(int id, String label, SourceLoc loc, List<Stmt> body, List<Frame> frames) {

	/**
	 * A call that was inlined: the callee and the call as it reads with the values its arguments are bound to
	 * ("try_to_unmap(folio = 2)"), and where the call is, for a race to show the step under the call it belongs to.
	 */
	public record Frame(String callee, String call, SourceLoc at) {
	}

	public Step(int id, String label, SourceLoc loc, List<Stmt> body) {
		this(id, label, loc, body, List.of());
	}

	/** The kernel line without the names of the calls it was inlined from. */
	public String line() {
		String prefix = "";
		for (Frame f : frames) {
			prefix += f.callee() + ": ";
		}
		return !prefix.isEmpty() && label.startsWith(prefix) ? label.substring(prefix.length()) : label;
	}
}
