package ptlock.lang.lower;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import ptlock.ir.Var;

/**
 * What lowering of one scenario shares: symbols, problems, types, constants, globals, the thread being lowered
 * (for 'self' and its locals), the call stack (recursion is an error: calls are inlined) and fresh-name counters.
 */
final class Scope {
	final SymbolTable symbols;
	final Problems problems;
	final ConstEvaluator consts;
	final TypeResolver types;
	final Map<String, Var> globals;
	final int threads;
	/** 1-based index of the thread being lowered, 0 while lowering init */
	int threadIndex;
	String threadName;
	final Deque<String> callStack = new ArrayDeque<>();
	private int fresh;

	Scope(SymbolTable symbols, Problems problems, ConstEvaluator consts, TypeResolver types, Map<String, Var> globals,
			int threads) {
		this.symbols = symbols;
		this.problems = problems;
		this.consts = consts;
		this.types = types;
		this.globals = globals;
		this.threads = threads;
	}

	String fresh(String base) {
		return base + "_" + (++fresh);
	}
}
