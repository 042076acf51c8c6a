package ptlock.lang.validation;

/** Stable codes of the problems ptlock reports in .ptl files. Tests and tools match on these, never on messages. */
public final class IssueCodes {
	private static final String P = "ptlock.";

	public static final String UNKNOWN_NAME = P + "unknown-name";
	public static final String UNKNOWN_PRIMITIVE = P + "unknown-primitive";
	public static final String UNKNOWN_PROPERTY = P + "unknown-property";
	public static final String UNKNOWN_TYPE = P + "unknown-type";
	public static final String UNKNOWN_FIELD = P + "unknown-field";
	public static final String DUPLICATE_NAME = P + "duplicate-name";
	public static final String ARG_COUNT = P + "arg-count";
	public static final String TYPE_MISMATCH = P + "type-mismatch";
	public static final String NOT_ASSIGNABLE = P + "not-assignable";
	public static final String NOT_CONSTANT = P + "not-constant";
	public static final String RECURSIVE_CALL = P + "recursive-call";
	public static final String BAD_RETURN = P + "bad-return";
	/** A path whose body has no statement. */
	public static final String EMPTY_PATH = P + "empty-path";
	/** A 'for' loop or a thread that unrolls to more iterations or steps than ptlock builds. */
	public static final String TOO_BIG = P + "too-big";
	public static final String NO_VALUE = P + "no-value";
	public static final String LOOP_IN_ATOMIC = P + "loop-in-atomic";
	public static final String NO_THREADS = P + "no-threads";
	public static final String INCLUDE_NOT_FOUND = P + "include-not-found";
	public static final String NONDETERMINISTIC_INIT = P + "nondeterministic-init";
	public static final String RESERVED_NAME = P + "reserved-name";
	public static final String UNKNOWN_PATCH = P + "unknown-patch";
	public static final String UNKNOWN_ARCH = P + "unknown-arch";
	/** An included .xmi file that cannot be read, or holds neither an architecture nor a series. */
	public static final String BAD_MODEL = P + "bad-model";
	/** A primitive of several steps called inside an expression, where it would silently become one step. */
	public static final String MULTI_STEP_IN_EXPRESSION = P + "multi-step-in-expression";
	/** 'goto L;' with no label L in the same path or primitive (or L where the jump cannot go). */
	public static final String UNKNOWN_LABEL = P + "unknown-label";
	/** 'break' or 'continue' outside a loop (or switch), or a jump out of an atomic step. */
	public static final String BAD_JUMP = P + "bad-jump";
	/** A CPU takes a lock it already holds (or nests a write lock in a read lock of the same rwsem): it never gets it. */
	public static final String SELF_DEADLOCK = P + "self-deadlock";
	/** A path can end holding a lock it took (or release one it does not hold). */
	public static final String UNBALANCED_LOCK = P + "unbalanced-lock";
	/** A path can end with a page table still mapped (its RCU read section open), or unmap one it did not map. */
	public static final String UNBALANCED_MAP = P + "unbalanced-map";
	/** Two paths take the same two lock classes in opposite orders. */
	public static final String LOCK_ORDER_INVERSION = P + "lock-order-inversion";
	/** Jann Horn's rule: a PTE write through a pointer from a *_nolock map without a pmd_same() recheck under the
	 * lock (or a pte_same() check against a value known not to be none). */
	public static final String UNCHECKED_NOLOCK_WRITE = P + "unchecked-nolock-write";
	/** A tag names a parameter the primitive does not have. */
	public static final String BAD_TAG = P + "bad-tag";
	/** An 'expect' line for a property that an 'ignore' leaves out. */
	public static final String IGNORED_PROPERTY = P + "ignored-property";
	/** A name that only a library file defines, used without including it (the message names the file). */
	public static final String NOT_INCLUDED = P + "not-included";
	/** Warning: a property of a scenario has no 'expect' line, so a verdict cannot be judged. */
	public static final String MISSING_EXPECTATION = P + "missing-expectation";

	private IssueCodes() {
	}
}
