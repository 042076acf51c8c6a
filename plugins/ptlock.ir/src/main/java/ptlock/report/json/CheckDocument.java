package ptlock.report.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.Trace;
import ptlock.check.TraceStep;
import ptlock.ir.Verdict;

/**
 * What 'ptlock replay' needs of a check result ('ptlock check --json', docs/schema/check-result.schema.json): each
 * result's scenario and architecture, and the counterexamples, read with their shape checked. State values are
 * JSON in the file and TLA+ text here ({@link TlaJson}), the form the engines compare.
 */
public record CheckDocument(List<Result> results) {

	/** One scenario's result; {@code path} locates it in the file, for messages. */
	public record Result(String scenario, String arch, List<Counterexample> counterexamples, String path) {
	}

	/** A property's saved trace; {@code path} locates the trace in the file. */
	public record Counterexample(String property, Trace trace, String path) {
	}

	public static CheckDocument read(JsonValue root) throws JsonDocumentException {
		JsonValue doc = DocumentKind.CHECK.open(root);
		List<Result> results = new ArrayList<>();
		for (JsonValue r : doc.field("results").elements()) {
			results.add(result(r));
		}
		return new CheckDocument(results);
	}

	private static Result result(JsonValue r) throws JsonDocumentException {
		String scenario = r.field("scenario").string();
		String arch = r.field("arch").stringOrNull();
		List<Counterexample> counterexamples = new ArrayList<>();
		for (JsonValue p : r.field("properties").elements()) {
			String property = p.field("property").string();
			verdict(p.field("verdict"));
			JsonValue trace = p.optionalField("trace");
			if (trace != null) {
				counterexamples.add(new Counterexample(property, trace(trace), trace.path()));
			}
		}
		return new Result(scenario, arch, counterexamples, r.path());
	}

	private static void verdict(JsonValue v) throws JsonDocumentException {
		String code = v.string();
		List<String> codes = Arrays.stream(Verdict.values()).map(Verdict::code).toList();
		if (!codes.contains(code)) {
			throw v.error("unknown verdict \"" + JsonValue.printable(code) + "\" (one of " + String.join(", ", codes)
					+ ")");
		}
	}

	/** The initial state (thread null), then one state after each step. */
	private static Trace trace(JsonValue t) throws JsonDocumentException {
		List<JsonValue> steps = t.elements();
		if (steps.isEmpty()) {
			throw t.error("an empty trace (a counterexample has at least its initial state)");
		}
		List<TraceStep> out = new ArrayList<>();
		for (int k = 0; k < steps.size(); k++) {
			JsonValue s = steps.get(k);
			String thread = s.field("thread").stringOrNull();
			int step = 0;
			if (k == 0 && thread != null) {
				throw s.field("thread").error("the initial state has thread null, got \"" + JsonValue.printable(thread)
						+ "\"");
			}
			if (k > 0) {
				if (thread == null) {
					throw s.field("thread").error("expected the thread that ran the step, got null");
				}
				step = s.field("step").integer(0, Integer.MAX_VALUE);
			}
			out.add(new TraceStep(thread, step, state(s.field("state"))));
		}
		return new Trace(out);
	}

	private static Map<String, String> state(JsonValue state) throws JsonDocumentException {
		Map<String, JsonValue> members = state.members();
		if (members.isEmpty()) {
			throw state.error("an empty state (a state gives every variable's value)");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonValue> e : members.entrySet()) {
			values.put(e.getKey(), TlaJson.toTla(e.getValue()));
		}
		return values;
	}
}
