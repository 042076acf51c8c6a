package ptlock.report.junit;

import java.util.List;
import java.util.Objects;

/**
 * A test suite of a JUnit report: its cases and, optionally, text for its system-out element. The counts are
 * derived from the cases, so they cannot disagree with them.
 *
 * @param systemOut null: no system-out element
 */
public record JunitSuite(String name, List<JunitCase> cases, String systemOut) {

	public JunitSuite {
		Objects.requireNonNull(name, "name");
		cases = List.copyOf(cases);
	}

	public int tests() {
		return cases.size();
	}

	public int failures() {
		return count(JunitCase.Failure.class);
	}

	public int errors() {
		return count(JunitCase.Error.class);
	}

	public int skipped() {
		return count(JunitCase.Skipped.class);
	}

	/** Seconds: the sum of the cases' times. */
	public double time() {
		return cases.stream().mapToDouble(JunitCase::time).sum();
	}

	private int count(Class<? extends JunitCase.Outcome> kind) {
		return (int) cases.stream().filter(c -> kind.isInstance(c.outcome())).count();
	}
}
