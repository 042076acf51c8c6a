package ptlock.lang.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import ptlock.lang.lower.SymbolTable;
import ptlock.lang.lower.Problems;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.ptlock.ThreadDecl;

/** Which paths and primitives the scenarios of a file run: their threads and everything those call. */
final class Coverage {
	private Coverage() {
	}

	/**
	 * The paths and primitives that a path of the spec (with its includes) calls: those are checked inside their
	 * callers, which hold what they rely on (adjust_pte() runs with make_coherent()'s ptl held), not alone.
	 */
	static Set<String> calledByPaths(List<Model> models) {
		Set<String> called = new HashSet<>();
		for (Model m : models) {
			for (EObject e : m.getElements()) {
				if (e instanceof ptlock.lang.ptlock.Path p) {
					p.eAllContents().forEachRemaining(x -> {
						if (x instanceof CallExpr c && !c.getName().equals(p.getName())) {
							called.add(c.getName());
						}
					});
				}
			}
		}
		return called;
	}

	static Set<String> reachedByScenarios(Model model, List<Model> models) {
		SymbolTable symbols = SymbolTable.of(models, new Problems());
		Set<String> reached = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>();
		for (EObject e : model.getElements()) {
			if (e instanceof Scenario s) {
				s.getMembers().stream().filter(ThreadDecl.class::isInstance)
						.forEach(t -> todo.add(((ThreadDecl) t).getPath()));
			}
		}
		while (!todo.isEmpty()) {
			String name = todo.pop();
			if (!reached.add(name)) {
				continue;
			}
			EObject body = symbols.paths.containsKey(name) ? symbols.paths.get(name)
					: symbols.prims.get(name);
			if (body == null) {
				continue;
			}
			body.eAllContents().forEachRemaining(x -> {
				if (x instanceof CallExpr c) {
					todo.add(c.getName());
				}
			});
		}
		return reached;
	}
}
