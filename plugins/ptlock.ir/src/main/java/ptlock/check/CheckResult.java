package ptlock.check;

import java.util.List;

import ptlock.ir.Program;

/** The outcome of checking one scenario with one engine. */
public record CheckResult(Program program, String engine, CheckStatus status, List<PropertyResult> properties,
		Stats stats, String message) {

	public boolean allAsExpected() {
		return properties.stream().allMatch(PropertyResult::asExpected);
	}
}
