package ptlock.sim;

import java.util.HashMap;
import java.util.Map;

import ptlock.ir.Temp;

/** What one path through a step sees: the state being built, the step's temps, quantifier-bound values. */
final class Env {
	int[] state;
	final Map<Temp, int[]> temps;
	final Map<String, Integer> bound;
	/** set when an assignment put a value outside its variable's declared type (TLA+'s TypeOK) */
	boolean typeError;

	Env(int[] state) {
		this(state, new HashMap<>(), new HashMap<>());
	}

	private Env(int[] state, Map<Temp, int[]> temps, Map<String, Integer> bound) {
		this.state = state;
		this.temps = temps;
		this.bound = bound;
	}

	/** A copy for one branch of a nondeterministic choice (the state is copied, temps are values). */
	Env copy() {
		Env e = new Env(state.clone(), new HashMap<>(temps), new HashMap<>(bound));
		e.typeError = typeError;
		return e;
	}
}
