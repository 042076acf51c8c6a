package ptlock.ir;

import java.util.List;

/**
 * A thread of a scenario: one code path running on one CPU.
 *
 * @param index 1-based thread id ('self' in the .ptl source)
 * @param path the code path it runs, with its arguments, as written in the scenario
 * @param daemon a background thread (RCU callbacks, ...) that may wait for work forever without deadlock
 * @param pc its program counter variable
 * @param entry id of the first step
 */
public record ThreadIr(int index, String name, String path, boolean daemon, Var pc, List<Var> locals,
		List<Step> steps, int entry) {

	public Step step(int id) {
		for (Step s : steps) {
			if (s.id() == id) {
				return s;
			}
		}
		throw new IllegalArgumentException(name + " has no step " + id);
	}
}
