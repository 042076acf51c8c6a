package ptlock.report.sarif;

import java.util.Map;

/**
 * The SARIF result of a static-rule finding: a warning (the model checker is the judge) at its statement, saying
 * which counterexamples confirm it.
 */
final class FindingResults {
	private FindingResults() {
	}

	static Map<String, Object> result(SarifFinding f, int ruleIndex) {
		String confirmed = f.confirmedBy().isEmpty()
				? (f.scenario() == null ? "" : " No counterexample of " + f.scenario() + " confirms it.")
				: " Confirmed by " + String.join(", ", f.confirmedBy()) + ".";
		String message = f.message().strip();
		if (!message.endsWith(".")) {
			message += ".";
		}
		String text = message + (f.scenario() == null ? "" : " (scenario " + f.scenario() + ")") + confirmed;
		String lineText = f.location().text() == null ? null : f.location().text().strip();
		return Tree.obj("ruleId", f.ruleId(), "ruleIndex", ruleIndex, "level", "warning", "message", Tree.text(text),
				"locations", java.util.List.of(Locations.location(f.location(), null)), "partialFingerprints",
				Fingerprint.of(f.ruleId(), f.location().file(), f.scenario(), f.message(), lineText),
				"properties", Tree.obj("scenario", f.scenario(), "confirmedBy", f.confirmedBy(), "confirmed",
						!f.confirmedBy().isEmpty()));
	}
}
