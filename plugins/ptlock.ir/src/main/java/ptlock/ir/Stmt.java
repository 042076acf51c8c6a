package ptlock.ir;

import java.util.List;

/**
 * The micro-operations of the core semantics. One {@link Step} is a tree of these, executed atomically; every
 * path through the tree ends in {@link Goto} or {@link Halt}. The kernel primitives (spin_lock, pte_free_defer,
 * rcu_read_lock, ...) are written in the prelude in terms of these and nothing else.
 * <p>
 * The TLA+ for each micro-operation is produced by {@code ptlock.tla.StepCompiler} (method named after the record).
 */
public sealed interface Stmt {

	/** target := value, where target is a variable, an element or a field of one, or a temp. */
	record Assign(Expr target, Expr value) implements Stmt {
	}

	/** The step is enabled only if cond holds (blocking wait: spin_lock on a held lock). */
	record Await(Expr cond) implements Stmt {
	}

	/** If cond is false, the named property is violated. */
	record Assert(String property, Expr cond, SourceLoc loc) implements Stmt {
	}

	record If(Expr cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
	}

	/** Nondeterministic choice: each branch is a possible behaviour. */
	record Either(List<List<Stmt>> branches) implements Stmt {
	}

	/** target := any value v in lo..hi with cond(v); blocks if there is none. */
	record Pick(Expr target, Temp bound, Expr lo, Expr hi, Expr cond) implements Stmt {
	}

	/**
	 * The model has a value here only if cond holds (an index inside its array, a divisor not 0, ...). If it is false
	 * the step goes, instead of on, to the error state: the state before the step with {@code flag} set to
	 * {@code code}, from which nothing runs (docs/LANGUAGE.md, "Model errors"). Inserted by {@link ModelChecks}.
	 *
	 * @param what the expressions that have no value, as the check describes them ("pmd[i]: index in 1..2")
	 */
	record Check(Expr cond, Var flag, int code, String what, SourceLoc loc) implements Stmt {
	}

	/** temp := value, for the rest of the step. */
	record Let(Temp temp, Expr value) implements Stmt {
	}

	/** The thread's next step (its program counter's new value). */
	record Goto(int step) implements Stmt {
	}

	/** The thread has finished. */
	record Halt() implements Stmt {
	}

	/**
	 * What a tagged primitive does for the static locking rules (ptlock.lang.rules.LockingRules), at the point of the
	 * step where it happens: it takes or releases a lock, maps or unmaps a page table, writes a PTE... It changes no
	 * state, so both back ends skip it (StepCompiler.exec and StepExecutor.exec).
	 *
	 * @param effect the tag's name ("acquires", "releases", "maps", ...)
	 * @param name a fixed lock name or lock class named by the tag, or null
	 * @param args the tag's arguments as the call binds them (locks, pointers, compared values; null if unbound)
	 * @param shown each argument as the call writes it (what findings show: "ptl", "&pml")
	 * @param result where the call's result is stored (for "tryacquires", "rechecks_pmd", ...), or null
	 * @param at where the call is, outermost call site first (the path line that leads to a prelude primitive)
	 */
	record Mark(String effect, String name, List<Expr> args, List<String> shown, Expr result, List<SourceLoc> at,
			String callee) implements Stmt {
		/**
		 * Not a tag: where lowering starts iteration {@code args[0]} of an unrolled 'for' over a range holding every
		 * thread id ({@code name}: the loop's id), so that ptlock.ir.symmetry can see the copies of one body.
		 */
		public static final String ITERATION = "iteration";
		/** Not a tag: the end of the unrolled loop {@code name} (after its last iteration). */
		public static final String LOOP_END = "loop_end";

		public static Mark loop(String effect, String loop, int iteration) {
			return new Mark(effect, loop, List.of(new Expr.IntLit(iteration, new Type.Range(iteration, iteration))),
					List.of(), null, List.of(), null);
		}
	}
}
