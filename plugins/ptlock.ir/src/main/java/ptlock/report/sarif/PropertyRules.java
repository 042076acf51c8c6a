package ptlock.report.sarif;

import ptlock.check.ModelErrors;
import ptlock.ir.ModelChecks;
import ptlock.ir.Program;
import ptlock.ir.Property;

/**
 * The rules of model-checking results. Each property is a rule of its own, ptlock.property.NAME (code scanning
 * groups and filters results by rule). Every model error (model_ok or type_ok violated: a bug in the spec, not in
 * the kernel) is the one rule {@value #MODEL_ERROR}, the pseudo-property named in the result's property bag.
 */
final class PropertyRules {
	static final String PREFIX = "ptlock.property.";
	static final String MODEL_ERROR = "ptlock.model-error";

	private PropertyRules() {
	}

	static String id(String property) {
		return PREFIX + property;
	}

	static SarifRule modelError() {
		String help = "The model has no value somewhere it can reach: an index outside its array, a value outside its"
				+ " type, a division by zero (the pseudo-properties " + ModelChecks.PROPERTY + " and "
				+ ModelErrors.TYPE_OK + "). This is a bug in the spec, not in the kernel; nothing past the failed"
				+ " check is explored, so other properties of the scenario may be undecided. The code flow leads to"
				+ " the step that fails.";
		return new SarifRule(MODEL_ERROR, "model-error", "The model of a scenario has an error (a bug in the spec)",
				help, null);
	}

	/** The rule of a property, described by the spec when it has a doc string. */
	static SarifRule of(Program program, String property) {
		Property p = program.property(property);
		String doc = p == null || p.doc() == null || p.doc().isBlank() ? null : p.doc().strip();
		String kind = p == null ? "A property of the spec." : switch (p.kind()) {
		case ASSERTION -> "An assertion in the spec's code ('assert (cond) as " + property + ";').";
		case INVARIANT -> "A state invariant of the spec ('invariant " + property + ": cond;').";
		case DEADLOCK -> "Deadlock freedom (built in): no CPU that must finish can be stuck forever.";
		};
		String shortDescription = doc != null ? doc : kind;
		String help = (doc != null ? doc + "\n\n" + kind : kind)
				+ "\n\nA violation comes with a counterexample: the code flow shows the race, one thread flow per CPU,"
				+ " in the order the steps ran; the result is at the statement of the last step. A violation the spec"
				+ " expects ('expect " + property + " violated;') is a note: a known race the spec documents.";
		return new SarifRule(id(property), property, shortDescription, help, null);
	}
}
