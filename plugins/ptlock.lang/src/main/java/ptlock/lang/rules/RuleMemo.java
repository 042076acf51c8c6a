package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ptlock.ir.SourceLoc;

/**
 * What following one thread with the static rules did (the findings it added, the lock orders it saw), by the
 * thread and what was stable for it: following the same thread again does the same, so it is replayed instead.
 * The rules of one check follow each scenario's threads in the validator and again for the scenario's report
 * (ptlock.lang.load.BatchCache shares one memo between them). Not thread-safe: one check's rules run in one thread.
 */
public final class RuleMemo {
	/** One effect of following a thread, in the order it happened. */
	sealed interface Call {
	}

	record FindingCall(String code, String message, List<SourceLoc> at) implements Call {
	}

	record OrderCall(String edge, List<SourceLoc> at) implements Call {
	}

	private final Map<List<Object>, List<Call>> followed = new HashMap<>();

	List<Call> get(List<Object> thread) {
		return followed.get(thread);
	}

	void put(List<Object> thread, List<Call> calls) {
		followed.put(thread, List.copyOf(calls));
	}

	/** How many threads have been followed into the memo. */
	int size() {
		return followed.size();
	}

	static List<Call> recording() {
		return new ArrayList<>();
	}
}
