package ptlock.check;

import java.util.ArrayList;
import java.util.List;

import ptlock.ir.ModelChecks;
import ptlock.ir.Program;
import ptlock.ir.Verdict;

/**
 * Turns what an engine found into the model-error verdicts, the same way for every engine: model_ok (a failed
 * {@link ModelChecks} check) and type_ok violated are {@link Verdict#MODEL_ERROR}, model_ok is shown only when
 * violated, and since nothing runs past a failed check, a property that holds in the rest of the model is not
 * decided ({@link Verdict#UNKNOWN}).
 */
public final class ModelErrors {
	/** The pseudo-property for a value outside its declared type (TLA+'s TypeOK). */
	public static final String TYPE_OK = "type_ok";

	private ModelErrors() {
	}

	public static CheckResult interpret(CheckResult r) {
		PropertyResult model = find(r, ModelChecks.PROPERTY);
		boolean broken = model != null && model.verdict() == Verdict.VIOLATED;
		// a failed step ends its behaviour, so nothing after it was explored; an invariant with no value in some
		// state only leaves that invariant undecided
		boolean stepFailed = broken && !"0".equals(lastValue(model.trace()));
		List<String> gaps = ModelChecks.invariantGaps(r.program());
		List<PropertyResult> out = new ArrayList<>();
		for (PropertyResult p : r.properties()) {
			if (p == model) {
				if (broken) {
					out.add(new PropertyResult(p.property(), Verdict.MODEL_ERROR, Verdict.HOLDS, p.trace(),
							where(r.program(), p.trace())));
				}
			} else if (p.property().equals(TYPE_OK) && p.verdict() == Verdict.VIOLATED) {
				out.add(new PropertyResult(p.property(), Verdict.MODEL_ERROR, Verdict.HOLDS, p.trace(), p.note()));
			} else if (broken && stepFailed && p.verdict() == Verdict.HOLDS) {
				out.add(new PropertyResult(p.property(), Verdict.UNKNOWN, p.expected(), null,
						"not decided: the model has an error (" + ModelChecks.PROPERTY
								+ "), and nothing past it was explored"));
			} else if (broken && gaps.contains(p.property()) && p.verdict() == Verdict.HOLDS) {
				out.add(new PropertyResult(p.property(), Verdict.UNKNOWN, p.expected(), null,
						"not decided: the invariant has no value in some state (" + ModelChecks.PROPERTY + ")"));
			} else {
				out.add(p);
			}
		}
		return new CheckResult(r.program(), r.engine(), r.status(), List.copyOf(out), r.stats(), r.message());
	}

	/** Whether any property got a model-error verdict. */
	public static boolean any(CheckResult r) {
		return r.properties().stream().anyMatch(p -> p.verdict() == Verdict.MODEL_ERROR);
	}

	private static String lastValue(Trace trace) {
		if (trace == null || trace.steps().isEmpty()) {
			return null;
		}
		String v = trace.steps().get(trace.steps().size() - 1).values().get(ModelChecks.VAR);
		return v == null ? null : v.strip();
	}

	/** The failed check the trace ends in, from the error code in its last state. */
	static String where(Program program, Trace trace) {
		if (trace == null || trace.steps().isEmpty()) {
			return "the model has no value at some step";
		}
		String code = trace.steps().get(trace.steps().size() - 1).values().get(ModelChecks.VAR);
		if ("0".equals(code == null ? null : code.strip())) {
			// no step failed: an invariant has no value in the last state (ModelChecks wrote which may not)
			ptlock.ir.Property model = program.property(ModelChecks.PROPERTY);
			String doc = model == null || model.doc() == null ? "" : model.doc();
			int at = doc.indexOf(ModelChecks.INVARIANT_GAPS);
			return "in the last state, no value: " + (at < 0 ? "an invariant" : doc.substring(at + 2));
		}
		try {
			ModelChecks.Site site = code == null ? null : ModelChecks.site(program, Integer.parseInt(code.strip()));
			return site == null ? "the model has no value at some step" : site.describe();
		} catch (NumberFormatException e) {
			return "the model has no value at some step";
		}
	}

	private static PropertyResult find(CheckResult r, String property) {
		for (PropertyResult p : r.properties()) {
			if (p.property().equals(property)) {
				return p;
			}
		}
		return null;
	}
}
