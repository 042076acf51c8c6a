package ptlock.lang.lower;

import java.util.HashMap;
import java.util.Map;

import ptlock.ir.Expr;

/**
 * A lexical scope: names bound to IR expressions. Parameters are bound to their argument expressions (call by name),
 * locals to their state variable or temp, quantifier variables to bound references.
 */
final class Env {
	private final Env parent;
	private final Map<String, Expr> names = new HashMap<>();

	Env(Env parent) {
		this.parent = parent;
	}

	Env child() {
		return new Env(this);
	}

	void bind(String name, Expr value) {
		names.put(name, value);
	}

	Expr lookup(String name) {
		for (Env e = this; e != null; e = e.parent) {
			Expr x = e.names.get(name);
			if (x != null) {
				return x;
			}
		}
		return null;
	}
}
