package ptlock.lang.lower;

import java.util.Set;

import ptlock.lang.ptlock.CallExpr;

/**
 * Kernel macros that change nothing in the model, so that paths can keep the kernel's text: likely(x),
 * unlikely(x) and READ_ONCE(x) are x; WRITE_ONCE(x, v); is x = v;. Every access in the model is already a
 * single indivisible read or write, which is what READ_ONCE/WRITE_ONCE ask the compiler for. A primitive or path
 * of the same name takes precedence.
 */
public final class Builtins {
	/** Calls that are their one argument. */
	public static final Set<String> IDENTITY = Set.of("likely", "unlikely", "READ_ONCE");
	/** WRITE_ONCE(x, v); as a statement. */
	public static final String WRITE_ONCE = "WRITE_ONCE";

	private Builtins() {
	}

	/** Whether the name is a built-in macro (for name checks and completion). */
	public static boolean isBuiltin(String name) {
		return IDENTITY.contains(name) || WRITE_ONCE.equals(name);
	}

	static boolean isIdentity(SymbolTable symbols, CallExpr c) {
		return IDENTITY.contains(c.getName()) && c.getArgs().size() == 1 && Callee.of(symbols, c.getName()) == null;
	}

	static boolean isWriteOnce(SymbolTable symbols, CallExpr c) {
		return WRITE_ONCE.equals(c.getName()) && c.getArgs().size() == 2 && Callee.of(symbols, c.getName()) == null;
	}
}
