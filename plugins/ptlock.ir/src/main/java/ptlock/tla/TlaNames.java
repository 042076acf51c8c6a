package ptlock.tla;

import ptlock.ir.Property;
import ptlock.ir.Step;
import ptlock.ir.ThreadIr;

/** The names the generated TLA+ uses for steps, program counters and properties (the trace parser reads them back). */
public final class TlaNames {
	public static final String DONE = "Done";

	private TlaNames() {
	}

	/** The action of one step, e.g. cpu0_s3. */
	public static String action(ThreadIr thread, Step step) {
		return thread.name() + "_s" + step.id();
	}

	/** The pc value of a step, e.g. "s3". */
	public static String pcValue(int stepId) {
		return "s" + stepId;
	}

	/** The flag set when an assertion of the property fails. */
	public static String violationFlag(String property) {
		return "viol_" + property;
	}

	/** The invariant operator that checks a property. */
	public static String invariant(Property p) {
		return "Inv_" + p.name();
	}

	public static final String TYPE_OK = "TypeOK";
}
