package ptlock.lang.lower;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import ptlock.lang.ptlock.BinExpr;
import ptlock.lang.ptlock.Const;
import ptlock.lang.ptlock.Expr;
import ptlock.lang.ptlock.IntLit;
import ptlock.lang.ptlock.NameRef;
import ptlock.lang.ptlock.UnExpr;
import ptlock.lang.validation.IssueCodes;

/** Evaluates constant integer expressions: literals, constants, THREADS, + - * / %. */
final class ConstEvaluator {
	private final SymbolTable symbols;
	private final Problems problems;
	private final Map<String, Integer> overrides;
	private final Map<String, Integer> cache = new HashMap<>();
	private final Set<String> evaluating = new HashSet<>();
	/** whether a patch is applied at the patch level being lowered ('const X = a since p else b;') */
	private final java.util.function.Predicate<ptlock.model.series.Patch> applied;

	ConstEvaluator(SymbolTable symbols, Problems problems, Map<String, Integer> overrides, int threads) {
		this(symbols, problems, overrides, threads, p -> true);
	}

	ConstEvaluator(SymbolTable symbols, Problems problems, Map<String, Integer> overrides, int threads,
			java.util.function.Predicate<ptlock.model.series.Patch> applied) {
		this.symbols = symbols;
		this.problems = problems;
		this.overrides = new HashMap<>(overrides);
		this.overrides.putIfAbsent("THREADS", threads);
		this.applied = applied;
	}

	/** The value if the expression is constant, else null; reports nothing. */
	Integer tryEval(Expr e) {
		ConstEvaluator quiet = new ConstEvaluator(symbols, new Problems(), overrides, overrides.getOrDefault("THREADS", 0),
				applied);
		return quiet.eval(e);
	}

	/** The value, or null (and an error) if the expression is not constant. */
	Integer eval(Expr e) {
		switch (e) {
		case IntLit i:
			return i.getValue();
		case UnExpr u when "-".equals(u.getOp()):
			Integer v = eval(u.getOperand());
			return v == null ? null : exact(-(long) v, u);
		case BinExpr b:
			Integer l = eval(b.getLeft());
			Integer r = eval(b.getRight());
			if (l == null || r == null) {
				return null;
			}
			switch (b.getOp()) {
			case "+":
				return exact((long) l + r, b);
			case "-":
				return exact((long) l - r, b);
			case "*":
				return exact((long) l * r, b);
			case "/":
			case "%":
				if (r == 0) {
					problems.error(IssueCodes.NOT_CONSTANT, "division by zero", b);
					return null;
				}
				return "/".equals(b.getOp()) ? l / r : l % r;
			default:
				break;
			}
			break;
		case NameRef n:
			return named(n.getName(), n);
		default:
			break;
		}
		problems.error(IssueCodes.NOT_CONSTANT, "a constant integer expression is required here", e);
		return null;
	}

	/**
	 * The value if it is a 32-bit integer TLC can write (-(2^31-1)..2^31-1: TLC cannot read -2^31), else an error at
	 * the expression: constant arithmetic never wraps.
	 */
	private Integer exact(long v, org.eclipse.emf.ecore.EObject at) {
		if (v > Integer.MAX_VALUE || v < -Integer.MAX_VALUE) {
			problems.error(IssueCodes.NOT_CONSTANT, "the constant " + v + " is outside the 32-bit integers ptlock and TLC"
					+ " compute with (-2147483647..2147483647)", at);
			return null;
		}
		return (int) v;
	}

	Integer named(String name, org.eclipse.emf.ecore.EObject at) {
		if (overrides.containsKey(name)) {
			return overrides.get(name);
		}
		if (cache.containsKey(name)) {
			return cache.get(name);
		}
		Const c = symbols.consts.get(name);
		if (c == null) {
			problems.unknown(IssueCodes.UNKNOWN_NAME, "'" + name + "' is not a constant", name, at);
			return null;
		}
		if (c.getValue() == null) {
			problems.error(IssueCodes.NO_VALUE, "constant '" + name + "' has no value: the spec must define it ('const "
					+ name + " = ...;')", at);
			cache.put(name, null);
			return null;
		}
		if (!evaluating.add(name)) {
			problems.error(IssueCodes.NOT_CONSTANT, "constant '" + name + "' is defined in terms of itself", at);
			return null;
		}
		boolean before = c.getPatch() != null && c.getBefore() != null && !c.getPatch().eIsProxy()
				&& !applied.test(c.getPatch());
		Integer v = eval(before ? c.getBefore() : c.getValue());
		evaluating.remove(name);
		cache.put(name, v);
		return v;
	}
}
