package ptlock.lang.lower;

import org.eclipse.emf.ecore.EObject;

/**
 * The limits of unrolling: 'for' loops and calls are unrolled into steps, so a loop bound of 2^31 would build
 * steps until the JVM runs out of memory. Past these limits the spec gets a located error (too-big) instead.
 */
final class Unrolling {
	/** iterations of one 'for' loop */
	static final long MAX_ITERATIONS = 4096;
	/** steps of one thread */
	static final int MAX_STEPS = 50_000;

	private Unrolling() {
	}

	static boolean tooLong(int lo, int hi) {
		return (long) hi - lo + 1 > MAX_ITERATIONS;
	}

	static String message(int lo, int hi) {
		return "this 'for' loop is unrolled: " + lo + ".." + hi + " is " + ((long) hi - lo + 1)
				+ " iterations, more than " + MAX_ITERATIONS;
	}

	/** Thrown out of a thread's lowering when it has built MAX_STEPS steps, at the statement that would add more. */
	static final class TooManySteps extends RuntimeException {
		private static final long serialVersionUID = 1L;
		private final transient EObject at;

		TooManySteps(EObject at) {
			super(null, null, false, false);
			this.at = at;
		}

		EObject at() {
			return at;
		}
	}
}
