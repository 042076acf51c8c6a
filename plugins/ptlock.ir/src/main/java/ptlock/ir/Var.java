package ptlock.ir;

/**
 * A state variable. Globals are shared; locals belong to one thread (name prefixed with the thread's name);
 * each thread also has a program counter.
 *
 * @param name unique name in the program (a valid TLA+ identifier)
 * @param source the name as written in the .ptl file
 * @param thread the owning thread's name, or null for a global
 */
public record Var(String name, String source, Type type, String thread) {
	public boolean isGlobal() {
		return thread == null;
	}
}
