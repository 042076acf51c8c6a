package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ptlock.ir.SourceLoc;

/** The findings of one run of the rules, each (code, place) once. */
final class Findings {
	private final List<Finding> all = new ArrayList<>();
	private final Set<String> seen = new HashSet<>();
	/** The thread being followed (null: a path checked alone) */
	String thread;
	/** while a thread is followed for the memo: every add, in order (null: not recording) */
	List<RuleMemo.Call> recording;

	void add(String code, String message, List<SourceLoc> at) {
		if (recording != null) {
			recording.add(new RuleMemo.FindingCall(code, message, List.copyOf(at)));
		}
		SourceLoc s = at.isEmpty() ? SourceLoc.NONE : at.get(at.size() - 1);
		SourceLoc o = at.isEmpty() ? SourceLoc.NONE : at.get(0);
		if (seen.add(code + "|" + o.position() + "|" + s.position())) {
			all.add(new Finding(code, message, List.copyOf(at), thread));
		}
	}

	List<Finding> all() {
		return List.copyOf(all);
	}

	/** "file.ptl:12", for messages that point at another place. */
	static String where(List<SourceLoc> at) {
		if (at.isEmpty()) {
			return "?";
		}
		SourceLoc l = at.get(0);
		String f = l.file();
		return f.substring(f.lastIndexOf('/') + 1) + ":" + l.line();
	}
}
