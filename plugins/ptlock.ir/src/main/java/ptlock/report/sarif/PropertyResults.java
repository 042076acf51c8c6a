package ptlock.report.sarif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.SourceLoc;
import ptlock.ir.Verdict;

/**
 * The SARIF result of one property whose verdict is reported ({@link Checked#reported()}). Level "note" for a
 * violation the spec expects (a known race it documents, "expected": true in the property bag), "error" for
 * anything else: a verdict the spec does not expect, a violation with no expectation, a model error.
 */
final class PropertyResults {
	private PropertyResults() {
	}

	static String ruleId(Checked c) {
		return c.modelError() ? PropertyRules.MODEL_ERROR : PropertyRules.id(c.property());
	}

	static Map<String, Object> result(Checked c, int ruleIndex) {
		Program p = c.program();
		Checked.Run primary = c.primary();
		PropertyResult r = primary.result();
		RaceFlow flow = r.trace() == null ? null : new RaceFlow(p, r);
		SourceLoc at = flow == null || flow.empty() ? p.loc() : flow.failingStatement();
		boolean note = c.expectedViolation();
		String id = ruleId(c);
		return Tree.obj("ruleId", id, "ruleIndex", ruleIndex, "level", note ? "note" : "error", "message",
				Tree.text(message(c, flow)), "locations", List.of(Locations.location(at, null)),
				"partialFingerprints", Fingerprint.of(id, p.spec(), p.title(), p.patch(), c.property()),
				"codeFlows", flow == null || flow.empty() ? null : List.of(flow.codeFlow()),
				"properties", properties(c, note));
	}

	private static String message(Checked c, RaceFlow flow) {
		Program p = c.program();
		PropertyResult r = c.primary().result();
		Verdict expected = c.expected();
		String in = " in scenario " + p.title();
		StringBuilder m = new StringBuilder();
		switch (r.verdict()) {
		case VIOLATED -> m.append("Property ").append(c.property()).append(" is violated").append(in)
				.append(expected == Verdict.VIOLATED ? ", as the spec expects (a known race)."
						: expected == null ? "; the spec states no expectation." : ", expected to hold.");
		case MODEL_ERROR -> m.append("The model of scenario ").append(p.title()).append(" has an error (")
				.append(c.property()).append(")").append(r.note() == null ? "." : ": " + r.note() + ".");
		case HOLDS -> m.append("Property ").append(c.property()).append(" holds").append(in)
				.append(", but the spec expects it ").append(expected == null ? "?" : expected.code()).append('.');
		case UNKNOWN -> m.append("Property ").append(c.property()).append(" is not decided").append(in)
				.append(undecided(c)).append(expected == null ? "." : ", expected " + expected.code() + ".");
		}
		if (!c.enginesAgree()) {
			m.append(" The engines disagree: ").append(engines(c)).append('.');
		}
		m.append(" Spec ").append(p.spec()).append(p.arch() == null ? "" : ", arch " + p.arch())
				.append(p.patch() == null ? ", the whole series" : ", patch " + p.patch()).append(", engine")
				.append(c.runs().size() == 1 ? " " : "s ")
				.append(String.join(", ", c.runs().stream().map(x -> x.check().engine()).toList())).append('.');
		if (flow != null && r.verdict() != Verdict.HOLDS) {
			m.append(' ').append(flow.summary());
		}
		return m.toString();
	}

	/** Why a check decided nothing: its status and message ("timeout: 60 s"). */
	private static String undecided(Checked c) {
		for (Checked.Run run : c.runs()) {
			if (run.check().status() != CheckStatus.COMPLETED) {
				String msg = run.check().message();
				return " (" + run.check().engine() + ": " + run.check().status().name().toLowerCase(java.util.Locale.ROOT)
						+ (msg == null || msg.isBlank() ? "" : ", " + msg) + ")";
			}
		}
		String note = c.primary().result().note();
		return note == null ? "" : " (" + note + ")";
	}

	private static String engines(Checked c) {
		List<String> s = new ArrayList<>();
		for (Checked.Run run : c.runs()) {
			s.add(run.check().engine() + ": " + run.result().verdict().code());
		}
		return String.join(", ", s);
	}

	private static Map<String, Object> properties(Checked c, boolean note) {
		Program p = c.program();
		Map<String, Object> engines = new LinkedHashMap<>();
		for (Checked.Run run : c.runs()) {
			engines.put(run.check().engine(), run.result().verdict().code());
		}
		Verdict expected = c.expected();
		return Tree.obj("spec", p.spec(), "scenario", p.scenario(), "arch", p.arch(), "patch", p.patch(), "property",
				c.property(), "verdict", c.primary().result().verdict().code(), "expectedVerdict",
				expected == null ? null : expected.code(), "expected", note, "engines", engines, "enginesAgree",
				c.enginesAgree());
	}
}
