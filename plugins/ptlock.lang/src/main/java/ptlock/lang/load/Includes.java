package ptlock.lang.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

import ptlock.lang.ptlock.Include;
import ptlock.lang.ptlock.Model;
import ptlock.model.series.Architecture;
import ptlock.model.series.Series;

/**
 * Resolves 'include "file";' (relative to the including file) into the same resource set, transitively. A .ptl
 * file is a Model; an .xmi file is an EMF model of ptlock.model (an Architecture or a Series) that specs refer to.
 */
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
			if (!isModelFile(inc)) {
				visit(resolve(inc), seen);
			}
		}
	}

	/** The architectures and series included by the model or by any .ptl file it includes, in include order. */
	public static List<EObject> modelRoots(Model main) {
		return modelRoots(closure(main));
	}

	/** The architectures and series included by any of the given .ptl models. */
	public static List<EObject> modelRoots(List<Model> models) {
		Set<EObject> roots = new LinkedHashSet<>();
		for (Model m : models) {
			for (Include inc : m.getIncludes()) {
				EObject root = isModelFile(inc) ? resolveModel(inc) : null;
				if (root != null) {
					roots.add(root);
				}
			}
		}
		return new ArrayList<>(roots);
	}

	/** Whether an include names an XMI model rather than a .ptl file. */
	public static boolean isModelFile(Include inc) {
		return inc.getImportURI() != null && inc.getImportURI().endsWith(".xmi");
	}

	/** The included model, or null if the file does not exist or does not parse to a model. */
	public static Model resolve(Include inc) {
		Resource r = load(inc);
		return r == null || r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m) ? null : m;
	}

	/** The architecture or series an .xmi include holds, or null (see {@link #modelProblem(Include)}). */
	public static EObject resolveModel(Include inc) {
		Resource r = load(inc);
		if (r == null || !r.getErrors().isEmpty() || r.getContents().isEmpty()) {
			return null;
		}
		EObject root = r.getContents().get(0);
		return root instanceof Architecture || root instanceof Series ? root : null;
	}

	/** Why an .xmi include gives no architecture or series, or null if it does. */
	public static String modelProblem(Include inc) {
		Resource r = load(inc);
		if (r == null) {
			return "cannot find included file '" + inc.getImportURI() + "'";
		}
		if (!r.getErrors().isEmpty()) {
			Resource.Diagnostic d = r.getErrors().get(0);
			return "cannot read '" + inc.getImportURI() + "'" + (d.getLine() > 0 ? " (line " + d.getLine() + ")" : "")
					+ ": " + d.getMessage();
		}
		return resolveModel(inc) == null ? "'" + inc.getImportURI() + "' holds neither an architecture nor a series"
				: null;
	}

	private static Resource load(Include inc) {
		Resource here = inc.eResource();
		if (here == null || inc.getImportURI() == null) {
			return null;
		}
		URI uri = URI.createURI(inc.getImportURI()).resolve(here.getURI());
		ResourceSet rs = here.getResourceSet();
		if (rs == null || !rs.getURIConverter().exists(uri, null)) {
			return null;
		}
		try {
			return rs.getResource(uri, true);
		} catch (RuntimeException e) {
			// EMF keeps the failed resource in the set with its errors: report those
			Resource failed = rs.getResource(uri, false);
			return failed;
		}
	}
}
