package ptlock.lang.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

import ptlock.lang.ptlock.Include;
import ptlock.lang.ptlock.Model;

/** Resolves 'include "file";' (relative to the including file) into the same resource set, transitively. */
public final class Includes {
	private Includes() {
	}

	/** The model and every model it includes, the model first; missing files are skipped (the validator reports them). */
	public static List<Model> closure(Model main) {
		Set<Model> seen = new LinkedHashSet<>();
		visit(main, seen);
		return new ArrayList<>(seen);
	}

	private static void visit(Model m, Set<Model> seen) {
		if (m == null || !seen.add(m)) {
			return;
		}
		for (Include inc : m.getIncludes()) {
			visit(resolve(inc), seen);
		}
	}

	/** The included model, or null if the file does not exist or does not parse to a model. */
	public static Model resolve(Include inc) {
		Resource here = inc.eResource();
		if (here == null || inc.getImportURI() == null) {
			return null;
		}
		URI uri = URI.createURI(inc.getImportURI()).resolve(here.getURI());
		ResourceSet rs = here.getResourceSet();
		if (rs == null || !rs.getURIConverter().exists(uri, null)) {
			return null;
		}
		Resource r = rs.getResource(uri, true);
		return r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m) ? null : m;
	}
}
