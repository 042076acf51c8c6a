package ptlock.report.sarif;

import java.util.List;

import ptlock.ir.SourceLoc;

/**
 * A static-rule finding, as SARIF takes it: neutral, so that this module need not know the language's rule classes.
 *
 * @param ruleId the rule's stable code (ptlock.unchecked-nolock-write, ...): a rule of that id should be in the
 *            catalogue given to {@link SarifWriter}
 * @param location the statement it is about ({@link SourceLoc#NONE}: none)
 * @param confirmedBy what confirms it (the counterexamples of violated properties running through its line); empty:
 *            nothing does
 * @param scenario the title of the scenario it was found in (scenario@arch), or null for a path checked alone
 */
public record SarifFinding(String ruleId, String message, SourceLoc location, List<String> confirmedBy,
		String scenario) {

	public SarifFinding {
		confirmedBy = confirmedBy == null ? List.of() : List.copyOf(confirmedBy);
		location = location == null ? SourceLoc.NONE : location;
	}
}
