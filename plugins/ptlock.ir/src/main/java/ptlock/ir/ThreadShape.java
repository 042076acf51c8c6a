package ptlock.ir;

import java.util.List;

/**
 * Where a variable's value holds thread ids, as its declared type says (the IR's {@link Type} does not: a
 * 'thread' is a range 0..THREADS like a counter 0..THREADS). What symmetry reduction permutes when it
 * exchanges two identical threads (ptlock.ir.symmetry).
 */
public sealed interface ThreadShape {
	/** No thread id in it. */
	ThreadShape NONE = new Plain();

	record Plain() implements ThreadShape {
	}

	/** A 'thread': a thread id, 0 = nobody. */
	record Id() implements ThreadShape {
	}

	/** A 'set of thread' or 'set of 1..THREADS': bit i stands for thread i. */
	record IdSet() implements ThreadShape {
	}

	/** An array; byThread: its index is a thread id (declared '[THREADS]'). */
	record Array(ThreadShape elem, boolean byThread) implements ThreadShape {
	}

	/** A struct: its fields' shapes in order. */
	record Record(List<ThreadShape> fields) implements ThreadShape {
	}

	/** Whether anything in it is a thread id. */
	default boolean hasThreads() {
		return switch (this) {
		case Plain p -> false;
		case Id i -> true;
		case IdSet s -> true;
		case Array a -> a.byThread() || a.elem().hasThreads();
		case Record r -> r.fields().stream().anyMatch(ThreadShape::hasThreads);
		};
	}
}
