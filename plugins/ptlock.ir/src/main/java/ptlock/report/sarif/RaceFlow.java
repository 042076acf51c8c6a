package ptlock.report.sarif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.PropertyResult;
import ptlock.check.TraceStep;
import ptlock.ir.Program;
import ptlock.ir.SourceLoc;
import ptlock.report.race.Race;
import ptlock.report.race.RaceBuilder;

/**
 * A counterexample as a SARIF codeFlow, the race as kernel developers draw it: one threadFlow per CPU (in the
 * program's order), each location one step that CPU took, with its kernel line as message, its place in the whole
 * race as executionOrder (1-based) and, as state, what the step changed in the race's C notation
 * ({@link Race.Change}: "lock_owner[ptl of PT page 1]" -> "cpu0"; the initial state, as TLA+ text, is in the
 * codeFlow's property bag).
 */
final class RaceFlow {
	private final PropertyResult result;
	private final Race race;
	private final List<Race.Row> steps;

	RaceFlow(Program program, PropertyResult result) {
		this.result = result;
		this.race = new RaceBuilder(program).build(result);
		this.steps = race == null ? List.of() : race.steps();
	}

	boolean empty() {
		return steps.isEmpty();
	}

	/** The statement of the last step: where the property fails. Null if the trace took no step. */
	SourceLoc failingStatement() {
		return steps.isEmpty() ? null : steps.get(steps.size() - 1).loc();
	}

	/** "cpu0 (2 steps) and cpu1 (3 steps) race; it fails after step 5 (cpu1 at f.ptl:4:3: x = 1;)". */
	String summary() {
		List<Race.Row> all = steps;
		if (all.isEmpty()) {
			return "It fails in the initial state.";
		}
		List<String> cpus = new ArrayList<>();
		for (Race.Column t : race.columns()) {
			long n = all.stream().filter(r -> r.thread().equals(t.thread())).count();
			cpus.add(t.thread() + " (" + n + (n == 1 ? " step)" : " steps)"));
		}
		Race.Row last = all.get(all.size() - 1);
		String who = cpus.size() == 1 ? cpus.get(0) + " runs alone" : String.join(" and ", cpus) + " race";
		return who + "; it fails after step " + last.number() + " (" + last.thread() + " at " + last.loc().position()
				+ ": " + last.cell() + ").";
	}

	Map<String, Object> codeFlow() {
		List<Object> threadFlows = new ArrayList<>();
		for (Race.Column t : race == null ? List.<Race.Column>of() : race.columns()) {
			List<Object> locations = new ArrayList<>();
			for (Race.Row r : steps) {
				if (r.thread().equals(t.thread())) {
					locations.add(Tree.obj("location", Locations.location(r.loc(), r.cell()), "state",
							r.changes().isEmpty() ? null : state(r.changes()), "executionOrder", r.number()));
				}
			}
			threadFlows.add(Tree.obj("id", t.thread(), "message", Tree.text(t.header()), "locations", locations));
		}
		return Tree.obj("message", Tree.text(result.property() + ": " + summary()), "threadFlows", threadFlows,
				"properties", Tree.obj("initialState", initialState()));
	}

	/** SARIF's state: what changed -> a multiformatMessageString holding its new value. */
	private static Map<String, Object> state(List<Race.Change> changes) {
		Map<String, Object> m = new LinkedHashMap<>();
		changes.forEach(c -> m.put(c.target(), Tree.text(c.value())));
		return m;
	}

	private Map<String, String> initialState() {
		List<TraceStep> steps = result.trace() == null ? List.of() : result.trace().steps();
		if (steps.isEmpty() || steps.get(0).thread() != null) {
			return null;
		}
		Map<String, String> m = new LinkedHashMap<>();
		steps.get(0).values().forEach((k, v) -> {
			if (!RaceBuilder.hidden(k)) {
				m.put(k, v);
			}
		});
		return m;
	}
}
