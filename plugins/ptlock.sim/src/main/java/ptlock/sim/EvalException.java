package ptlock.sim;

/** An expression that has no value (an index outside its array, a set element the encoding cannot hold). */
final class EvalException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	EvalException(String message) {
		super(message);
	}
}
