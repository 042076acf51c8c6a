package ptlock.report.junit;

import java.util.Objects;

/**
 * One test case of a JUnit report, independent of what was tested.
 *
 * @param classname the dotted "class" CI servers group cases under
 * @param time seconds
 * @param outcome null when the case passed
 */
public record JunitCase(String classname, String name, double time, Outcome outcome) {

	public JunitCase {
		Objects.requireNonNull(classname, "classname");
		Objects.requireNonNull(name, "name");
	}

	public static JunitCase passed(String classname, String name, double time) {
		return new JunitCase(classname, name, time, null);
	}

	/** Why a case did not pass; every field but the record itself may be null. */
	public sealed interface Outcome permits Failure, Error, Skipped {
	}

	/** The case ran and its result is wrong (JUnit: an assertion failed). */
	public record Failure(String message, String type, String text) implements Outcome {
	}

	/** The case could not be judged (JUnit: an exception); CI servers count these apart from failures. */
	public record Error(String message, String type, String text) implements Outcome {
	}

	/** The case was deliberately not run. */
	public record Skipped(String message) implements Outcome {
	}
}
