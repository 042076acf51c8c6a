package ptlock.lang.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import ptlock.ir.Expr;
import ptlock.ir.Program;
import ptlock.ir.Stmt;
import ptlock.ir.ThreadIr;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.ExprStmt;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.UnExpr;
import ptlock.lang.ptlock.VarDecl;

/**
 * The shared variables nothing writes after init: which mm a slot belongs to, whether a VMA is a file mapping. The
 * rules read them like locals, so that 'mmap_read_lock(slot_mm[s]) ... mmap_read_unlock(slot_mm[s])' is one lock.
 */
public final class StableGlobals {
	private static final Pattern ROOT = Pattern.compile("^\\s*(\\w+)");

	private StableGlobals() {
	}

	/**
	 * Of a scenario: the globals no step of any of its threads assigns (init does not count) and some lock
	 * operation names (only those: every other read of shared state stays unknown, or the rules would follow
	 * every value of every flag).
	 */
	static Set<String> of(Program p) {
		Set<String> out = new HashSet<>();
		for (ThreadIr t : p.threads()) {
			t.steps().forEach(s -> lockArgs(s.body(), out));
		}
		for (ThreadIr t : p.threads()) {
			t.steps().forEach(s -> written(s.body(), out));
		}
		return out;
	}

	/** The shared variables a lock operation of this thread names, for a path checked alone. */
	static Set<String> lockArgs(ThreadIr t) {
		Set<String> out = new HashSet<>();
		t.steps().forEach(s -> lockArgs(s.body(), out));
		return out;
	}

	private static final Set<String> LOCKING = Set.of("acquires", "acquires_nested", "acquires_read", "tryacquires",
			"tryacquires_read", "releases", "downgrades");

	private static void lockArgs(List<Stmt> body, Set<String> out) {
		lockArgs(body, out, new java.util.HashMap<>());
	}

	/** 'lets': what each temp of the step was bound to (a call's argument is bound to a temp before the call). */
	private static void lockArgs(List<Stmt> body, Set<String> out, java.util.Map<String, Expr> lets) {
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Let l -> lets.put(l.temp().name(), l.value());
			case Stmt.Mark m when LOCKING.contains(m.effect()) && !m.args().isEmpty() && m.args().get(0) != null ->
				globals(m.args().get(0), out, lets);
			case Stmt.If f -> {
				lockArgs(f.then(), out, lets);
				lockArgs(f.otherwise(), out, lets);
			}
			case Stmt.Either e -> e.branches().forEach(b -> lockArgs(b, out, lets));
			default -> {
			}
			}
		}
	}

	private static void globals(Expr e, Set<String> out, java.util.Map<String, Expr> lets) {
		switch (e) {
		case Expr.VarRef v when v.var().isGlobal() -> out.add(v.var().name());
		case Expr.TempRef t when lets.containsKey(t.temp().name()) -> {
			Expr bound = lets.remove(t.temp().name()); // (removed first: a temp never refers to itself)
			globals(bound, out, lets);
		}
		case Expr.Index x -> {
			globals(x.base(), out, lets);
			globals(x.index(), out, lets);
		}
		case Expr.FieldGet f -> globals(f.base(), out, lets);
		default -> {
		}
		}
	}

	private static void written(List<Stmt> body, Set<String> stable) {
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Assign a -> stable.remove(root(a.target()));
			case Stmt.Pick p -> {
				if (p.target() != null) {
					stable.remove(root(p.target()));
				}
			}
			case Stmt.If f -> {
				written(f.then(), stable);
				written(f.otherwise(), stable);
			}
			case Stmt.Either e -> e.branches().forEach(b -> written(b, stable));
			default -> {
			}
			}
		}
	}

	private static String root(Expr e) {
		return switch (e) {
		case Expr.Index x -> root(x.base());
		case Expr.FieldGet f -> root(f.base());
		case Expr.VarRef v -> v.var().isGlobal() ? v.var().name() : "";
		default -> "";
		};
	}

	/**
	 * Of the loaded files, for paths checked alone: the declared shared variables that no statement of any
	 * primitive or path assigns, increments or passes by address.
	 */
	public static Set<String> of(List<Model> models) {
		Set<String> out = new HashSet<>();
		for (Model m : models) {
			m.eAllContents().forEachRemaining(e -> {
				if (e instanceof VarDecl v && v.eContainer() instanceof Model) {
					out.add(v.getName());
				}
			});
		}
		for (Model m : models) {
			m.eAllContents().forEachRemaining(e -> {
				if (e instanceof ExprStmt x && (x.getValue() != null || x.getStep() != null)) {
					out.remove(rootName(x.getExpr()));
				} else if (e instanceof CallExpr c && "WRITE_ONCE".equals(c.getName()) && !c.getArgs().isEmpty()) {
					out.remove(rootName(c.getArgs().get(0)));
				} else if (e instanceof UnExpr u && "&".equals(u.getOp())) {
					out.remove(rootName(u.getOperand()));
				}
			});
		}
		return out;
	}

	private static String rootName(EObject e) {
		var node = e == null ? null : NodeModelUtils.findActualNodeFor(e);
		if (node == null) {
			return "";
		}
		Matcher m = ROOT.matcher(NodeModelUtils.getTokenText(node));
		return m.find() ? m.group(1) : "";
	}

}
