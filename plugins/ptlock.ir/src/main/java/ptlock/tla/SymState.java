package ptlock.tla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.ir.Temp;
import ptlock.ir.Var;

/**
 * The symbolic state along one path through a step: each variable's current value as a TLA+ expression over the
 * unprimed state, the guards taken, the existential binders introduced by picks, and the assertions to check.
 * Copied at every branch (steps are small, so this is cheap).
 */
final class SymState {
	final Map<Var, String> values = new LinkedHashMap<>();
	final Map<Temp, String> temps = new LinkedHashMap<>();
	final List<String> guards = new ArrayList<>();
	/**
	 * What the path's conjuncts are nested in, outermost first: existential binders of picks ("k1 \\in 1..3") and
	 * LET definitions of values that a merged if would otherwise write twice ("LET l2 == ..."), in program order.
	 */
	final List<String> binders = new ArrayList<>();
	/** property name -> conditions that must hold (one per assert on this path) */
	final Map<String, List<String>> asserts = new LinkedHashMap<>();
	/** the thread's next pc value (a TLA+ string literal) once the path ends; null: unchanged (a model error) */
	String nextPc;

	SymState copy() {
		SymState c = new SymState();
		c.values.putAll(values);
		c.temps.putAll(temps);
		c.guards.addAll(guards);
		c.binders.addAll(binders);
		asserts.forEach((k, v) -> c.asserts.put(k, new ArrayList<>(v)));
		c.nextPc = nextPc;
		return c;
	}
}
