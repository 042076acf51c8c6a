package ptlock.ir;

import java.util.List;

/**
 * How a race shows a variable (nothing of it reaches the engines): whether its values are CPUs (type 'thread':
 * 0 is nobody), what each element of its first dimension stands for ({@code @names(...)} on the declaration:
 * "ptl of PTE page 1"), and for a local, the inlined call that declared it.
 *
 * @param elementNames the name of element i at index i - 1 (empty: elements are shown by number)
 * @param frame the callee whose body declares this local, or null (a path's own local or a global)
 */
public record VarView(boolean cpus, List<String> elementNames, String frame) {
	public static final VarView PLAIN = new VarView(false, List.of(), null);
}
