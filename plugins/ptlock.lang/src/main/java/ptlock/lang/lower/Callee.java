package ptlock.lang.lower;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import ptlock.lang.ptlock.Block;
import ptlock.lang.ptlock.Param;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.Prim;

/** A primitive or a path, seen as something that can be called (and inlined). */
record Callee(String name, List<Param> params, Block body, boolean atomic, ptlock.lang.ptlock.Type result,
		EObject decl) {

	static Callee of(SymbolTable symbols, String name) {
		Prim p = symbols.prims.get(name);
		if (p != null) {
			return new Callee(name, p.getParams(), p.getBody(), p.isAtomic(), p.getResult(), p);
		}
		Path path = symbols.paths.get(name);
		if (path != null) {
			return new Callee(name, path.getParams(), path.getBody(), false, null, path);
		}
		return null;
	}
}
