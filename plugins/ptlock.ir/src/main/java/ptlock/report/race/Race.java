package ptlock.report.race;

import java.util.List;

import ptlock.ir.SourceLoc;

/**
 * A counterexample the way kernel developers draw races, as data: one column per CPU, one row per step holding
 * the kernel line that CPU ran (indented under the inlined call it belongs to, with the way a branch went), the
 * variables the step changed in C notation, the failing step marked, and the lines that say what failed. The CLI
 * ({@link RaceText}), the JSON, the HTML matrix, SARIF, JUnit and the Eclipse counterexample view all render
 * this one model ({@link RaceBuilder} makes it).
 *
 * @param property the property that failed
 * @param context where the race happens: the scenario, and its patch level and architecture when it has them
 * @param failure what failed, after which step and where ("no_use_after_free fails after step 36 (cpu0, ...)")
 * @param notes the lines after it: the last step's changes, CPUs that wait (deadlock), the state at the end
 */
public record Race(String property, String context, List<Column> columns, List<Row> rows, String failure,
		List<String> notes) {

	/** A CPU that took a step: its thread name and the path it runs with its arguments. */
	public record Column(String thread, String header) {
	}

	/**
	 * One line of the race.
	 *
	 * @param number the step's number (1..), or 0 for a line that names the inlined call the next steps belong to
	 * @param depth how many inlined calls deep the line is (0: the path's own line)
	 * @param outcome which way a branch went ("true"/"false"), or null if the step is not a branch
	 * @param changes what the step changed, in C notation (empty for call lines)
	 * @param failing the step after which the property fails
	 */
	public record Row(int number, String thread, int depth, String text, String outcome, SourceLoc loc,
			List<Change> changes, boolean failing) {

		public boolean isCall() {
			return number == 0;
		}

		/** The line as a cell shows it: the text, then the branch's outcome. */
		public String cell() {
			return outcome == null ? text : text + "  -> " + outcome;
		}
	}

	/** One changed value: 'lock_owner[ptl of PT page 1]' = 'cpu0'. */
	public record Change(String target, String value) {
		@Override
		public String toString() {
			return target + " = " + value;
		}
	}

	/** The rows of steps, without the call lines. */
	public List<Row> steps() {
		return rows.stream().filter(r -> !r.isCall()).toList();
	}
}
