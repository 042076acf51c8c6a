package ptlock.check;

import java.util.Map;

/**
 * One state of a counterexample. The first has thread == null (the initial state); each later one is the state
 * after thread ran step.
 *
 * @param values every variable's value, as TLA+ text (TLC prints it so; the simulator renders the same)
 */
public record TraceStep(String thread, int step, Map<String, String> values) {
}
