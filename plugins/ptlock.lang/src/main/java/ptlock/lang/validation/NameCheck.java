package ptlock.lang.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import ptlock.lang.lower.Diagnostic;
import ptlock.lang.lower.Problems;
import ptlock.lang.lower.SymbolTable;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.ForStmt;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.NameRef;
import ptlock.lang.ptlock.Param;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.PickStmt;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Quantifier;
import ptlock.lang.ptlock.SetBuilder;
import ptlock.lang.ptlock.VarDecl;

/**
 * A coarse check for files that no scenario lowers (a prelude): every name used in a primitive or path is declared
 * somewhere in it or at top level, and every call names a primitive or path.
 */
final class NameCheck {

	List<Diagnostic> check(Model model, List<Model> models) {
		Problems problems = new Problems();
		SymbolTable symbols = SymbolTable.of(models, problems);
		for (EObject e : model.getElements()) {
			if (e instanceof Prim || e instanceof Path) {
				Set<String> local = declared(e);
				e.eAllContents().forEachRemaining(x -> {
					if (x instanceof NameRef n && !known(n.getName(), local, symbols)) {
						problems.unknown(IssueCodes.UNKNOWN_NAME, "unknown name '" + n.getName() + "'", n.getName(), n);
					} else if (x instanceof CallExpr c && !symbols.prims.containsKey(c.getName())
							&& !symbols.paths.containsKey(c.getName())
							&& !ptlock.lang.lower.Builtins.isBuiltin(c.getName())) {
						problems.unknown(IssueCodes.UNKNOWN_PRIMITIVE,
								"unknown primitive or path '" + c.getName() + "'", c.getName(), c);
					}
				});
			}
		}
		// duplicates are reported once per file: keep only those located in this model
		List<Diagnostic> out = new ArrayList<>();
		for (Diagnostic d : problems.all()) {
			if (d.node() != null && d.node().eResource() == model.eResource()) {
				out.add(d);
			}
		}
		return out;
	}

	private static boolean known(String name, Set<String> local, SymbolTable s) {
		return local.contains(name) || s.globals.containsKey(name) || s.consts.containsKey(name)
				|| s.enumLiterals.containsKey(name) || "THREADS".equals(name);
	}

	private static Set<String> declared(EObject callable) {
		Set<String> names = new HashSet<>();
		callable.eAllContents().forEachRemaining(x -> {
			switch (x) {
			case Param p -> names.add(p.getName());
			case VarDecl v -> names.add(v.getName());
			case PickStmt p -> names.add(p.getName());
			case ForStmt f -> names.add(f.getName());
			case Quantifier q -> names.add(q.getName());
			case SetBuilder b -> names.add(b.getName());
			default -> {
			}
			}
		});
		if (callable instanceof Prim p) {
			p.getParams().forEach(x -> names.add(x.getName()));
		} else if (callable instanceof Path p) {
			p.getParams().forEach(x -> names.add(x.getName()));
		}
		return names;
	}
}
