package ptlock.sim;

import java.util.HashMap;
import java.util.Map;

import ptlock.ir.Temp;

/** What one path through a step sees: the state being built, the step's temps, quantifier-bound values. */
final class Env {
	int[] state;
	/** temps by IR object identity (a step has a handful: a linear scan beats hashing a record) */
	private Temp[] tempKeys;
	private int[][] tempValues;
	private int tempCount;
	private Map<String, Integer> bound;
	/** set when an assignment put a value outside its variable's declared type (TLA+'s TypeOK) */
	boolean typeError;

	Env(int[] state) {
		this.state = state;
	}

	/** Empties the temps, bindings and type error, for reuse with another state (StepExecutor's spares). */
	void reset() {
		tempCount = 0;
		if (bound != null) {
			bound.clear();
		}
		typeError = false;
	}

	int[] temp(Temp t) {
		for (int i = tempCount - 1; i >= 0; i--) {
			if (tempKeys[i] == t) {
				return tempValues[i];
			}
		}
		return null;
	}

	void setTemp(Temp t, int[] v) {
		for (int i = 0; i < tempCount; i++) {
			if (tempKeys[i] == t) {
				tempValues[i] = v;
				return;
			}
		}
		if (tempKeys == null) {
			tempKeys = new Temp[8];
			tempValues = new int[8][];
		} else if (tempCount == tempKeys.length) {
			tempKeys = java.util.Arrays.copyOf(tempKeys, tempCount * 2);
			tempValues = java.util.Arrays.copyOf(tempValues, tempCount * 2);
		}
		tempKeys[tempCount] = t;
		tempValues[tempCount++] = v;
	}

	Integer bound(String name) {
		return bound == null ? null : bound.get(name);
	}

	void bind(String name, int v) {
		if (bound == null) {
			bound = new HashMap<>(4);
		}
		bound.put(name, v);
	}

	void unbind(String name) {
		if (bound != null) {
			bound.remove(name);
		}
	}

	/** A copy for one branch of a nondeterministic choice (the state is copied, temps are values). */
	Env copy() {
		Env e = new Env(state.clone());
		if (tempKeys != null) {
			// values are never changed in place (a new array is set), so sharing them is safe
			e.tempKeys = tempKeys.clone();
			e.tempValues = tempValues.clone();
			e.tempCount = tempCount;
		}
		if (bound != null) {
			e.bound = new HashMap<>(bound);
		}
		e.typeError = typeError;
		return e;
	}
}
