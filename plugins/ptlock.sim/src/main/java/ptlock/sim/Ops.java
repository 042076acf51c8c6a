package ptlock.sim;

import ptlock.ir.Stmt;
import ptlock.ir.Temp;
import ptlock.ir.Type;

/**
 * A step's statements compiled once for the search ({@link StepExecutor#plan}): each statement with its expressions'
 * closures resolved, so that running a step looks nothing up per statement. Each op does what the StepExecutor
 * method named beside it does (which in turn points at the TLA+ the generator's StepCompiler writes); a statement
 * with no op of its own runs through that method ({@link Other}).
 */
final class Ops {
	private Ops() {
	}

	sealed interface Op {
	}

	/** StepExecutor.assign, its one-slot fast path: a scalar into a slot of the state. */
	record SetSlot(Evaluator.IntEval value, Evaluator.IntEval slot, Type type) implements Op {
	}

	/** StepExecutor.await. */
	record Await(Evaluator.IntEval cond) implements Op {
	}

	/** StepExecutor.assertion: flag is the property's violation slot, or -1 when the property is not checked. */
	record Assert(Evaluator.IntEval cond, int flag) implements Op {
	}

	/** StepExecutor.let of a scalar value. */
	record LetScalar(Temp temp, Evaluator.IntEval value) implements Op {
	}

	/** StepExecutor.check: flagSlot is the error flag's slot. */
	record Check(Evaluator.IntEval cond, int flagSlot, int code) implements Op {
	}

	/** StepExecutor.ifThenElse. */
	record If(Evaluator.IntEval cond, Op[] then, Op[] otherwise) implements Op {
	}

	/** StepExecutor.either. */
	record Either(Op[][] branches) implements Op {
	}

	/** StepExecutor.jump: the thread's pc (at pcSlot) to a step's ordinal (Goto) or to the step count (Halt, Done). */
	record Jump(int pcSlot, int ordinal) implements Op {
	}

	/** StepExecutor.pick, with the bounds' and the condition's closures (cond null: every value). */
	record Pick(Stmt.Pick stmt, Evaluator.IntEval lo, Evaluator.IntEval hi, Evaluator.IntEval cond) implements Op {
	}

	/** Any other statement (a composite assignment or let): run by StepExecutor's method for it. */
	record Other(Stmt stmt) implements Op {
	}
}
