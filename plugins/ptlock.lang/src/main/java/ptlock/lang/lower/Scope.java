package ptlock.lang.lower;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import ptlock.ir.Var;
import ptlock.model.series.Patch;
import ptlock.model.series.Series;
import ptlock.lang.validation.IssueCodes;

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
	/** How races show each variable (Program.views), filled as variables are made. */
	final Map<String, ptlock.ir.VarView> views = new java.util.LinkedHashMap<>();
	/** Where each variable holds thread ids (Program.shapes), filled as variables are made; none: not there. */
	final Map<String, ptlock.ir.ThreadShape> shapes = new java.util.LinkedHashMap<>();
	/** The statements of the calls being inlined, innermost first (where a mark's call comes from). */
	final Deque<EObject> callSites = new ArrayDeque<>();
	/** The function bodies being lowered, innermost first (their labels). */
	private final Deque<Callee> bodies = new ArrayDeque<>();
	/** > 0 inside a tagged atomic primitive: the static rules see it through its tags, not its body. */
	int marksHidden;
	/** true while lowering an expression evaluated by a thread-level step (not inside an atomic body) */
	boolean threadLevel;
	/** the patch the scenario runs at (null: every patch applied) */
	Patch at;
	/** when set, exactly these patches are applied (a prefix of some order of a series: the matrix), 'at' aside */
	java.util.Set<String> appliedPatches;
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

	/** Whether the code of a patch is in: the scenario runs at that patch or a later one of the same series. */
	boolean applied(Patch p, EObject where) {
		return applied(p, at, appliedPatches);
	}

	/**
	 * Whether patch p is applied when exactly the given patches are (if not null), else at patch level 'at' (null:
	 * every patch).
	 */
	static boolean applied(Patch p, Patch at, java.util.Set<String> appliedPatches) {
		if (p == null || p.eIsProxy()) {
			// unresolved: the linker reports it (IssueCodes.UNKNOWN_PATCH)
			return true;
		}
		if (appliedPatches != null) {
			return appliedPatches.contains(p.getName());
		}
		if (at == null || at.eContainer() != p.eContainer()) {
			return true;
		}
		Series s = (Series) p.eContainer();
		return s.getPatches().indexOf(p) <= s.getPatches().indexOf(at);
	}

	void enterBody(Callee c) {
		bodies.push(c);
	}

	void leaveBody() {
		bodies.pop();
	}

	/** The body of the path or primitive being lowered (null at top level). */
	EObject currentBody() {
		return bodies.isEmpty() ? null : bodies.peek().body();
	}

	/** "path" or "primitive", for messages. */
	String currentKind() {
		return bodies.isEmpty() || bodies.peek().decl() instanceof ptlock.lang.ptlock.Prim ? "primitive" : "path";
	}

	String fresh(String base) {
		return base + "_" + (++fresh);
	}

	private int loops;

	/** A new id for an unrolled loop's marks (its own counter: fresh names, which the TLA+ shows, do not move). */
	String loopId() {
		return "loop_" + (++loops);
	}
}
