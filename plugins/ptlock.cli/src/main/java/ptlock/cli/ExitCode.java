package ptlock.cli;

/** The exit codes of the ptlock command (documented in README.md and 'ptlock --help'; stable). */
public enum ExitCode {
	/** Every property got the verdict the spec expects (and --help, --version). */
	OK(0),
	/** Some property got a verdict other than the one the spec expects (an unexpected violation, or a violation
	 * that was expected but not found). */
	UNEXPECTED_VERDICT(1),
	/** The spec does not parse or validate (file:line:column messages on stderr). */
	SPEC_ERROR(2),
	/** The model checker failed: crash, out of memory, unreadable output. */
	CHECKER_FAILURE(3),
	/** The time limit (--timeout) was reached before every property had a verdict. */
	TIMEOUT(4),
	/** ptlock conform: the simulator and TLC disagree (state counts, verdicts, or each other's traces). */
	NONCONFORMANT(5),
	/** The model has no value somewhere it reaches (an index outside its array, a value outside its type): a bug
	 * in the spec, shown as the model_ok or type_ok verdict model_error with its trace. */
	MODEL_ERROR(6),
	/** Bad command line. */
	USAGE(64);

	public final int code;

	ExitCode(int code) {
		this.code = code;
	}

	/** The exit code with this number; a number that is none of ours (it cannot happen) is a checker failure. */
	static ExitCode of(int code) {
		for (ExitCode c : values()) {
			if (c.code == code) {
				return c;
			}
		}
		return CHECKER_FAILURE;
	}
}
