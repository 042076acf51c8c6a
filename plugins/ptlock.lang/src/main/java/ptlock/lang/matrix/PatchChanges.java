package ptlock.lang.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import ptlock.lang.load.Includes;
import ptlock.lang.ptlock.Const;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.SinceStmt;
import ptlock.model.series.Architecture;
import ptlock.model.series.Patch;
import ptlock.model.series.Series;

/**
 * What each patch of a series changes in the model, as the spec and the architecture models say it: the code
 * paths with a 'since' block for it, and the architectures whose page-table freeing it switches to
 * pte_free_defer(). The series model's own variant tags, when an import or a user set them, come first.
 */
public final class PatchChanges {
	private PatchChanges() {
	}

	/** Patch name -> its changes, in the series' order (patches that change nothing map to an empty list). */
	public static Map<String, List<String>> of(List<Model> models, Series series) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		for (Patch p : series.getPatches()) {
			out.put(p.getName(), new ArrayList<>(p.getVariantTags()));
		}
		for (Model m : models) {
			for (SinceStmt s : EcoreUtil2.getAllContentsOfType(m, SinceStmt.class)) {
				if (s.getPatch() == null || s.getPatch().eIsProxy() || !out.containsKey(s.getPatch().getName())) {
					continue;
				}
				String where = owner(s) + " (" + m.eResource().getURI().lastSegment() + ":" + line(s) + ")";
				List<String> changes = out.get(s.getPatch().getName());
				if (!changes.contains(where)) {
					changes.add(where);
				}
			}
		}
		for (Model m : models) {
			for (Const c : EcoreUtil2.getAllContentsOfType(m, Const.class)) {
				if (c.getPatch() == null || c.getPatch().eIsProxy() || !out.containsKey(c.getPatch().getName())) {
					continue;
				}
				String where = "library " + c.getName() + " (" + m.eResource().getURI().lastSegment() + ":" + line(c)
						+ ")";
				if (!out.get(c.getPatch().getName()).contains(where)) {
					out.get(c.getPatch().getName()).add(where);
				}
			}
		}
		for (EObject root : Includes.modelRoots(models)) {
			if (root instanceof Architecture a && out.containsKey(a.getDeferredFreeingFrom())) {
				out.get(a.getDeferredFreeingFrom()).add(a.getName() + ": page tables freed " + a.getTableFreeing()
						+ " (pte_free_defer)");
			}
		}
		return out;
	}

	private static String owner(EObject e) {
		Path path = EcoreUtil2.getContainerOfType(e, Path.class);
		if (path != null) {
			return "path " + path.getName();
		}
		Prim prim = EcoreUtil2.getContainerOfType(e, Prim.class);
		return prim != null ? "prim " + prim.getName() : "code";
	}

	private static int line(EObject e) {
		INode n = NodeModelUtils.findActualNodeFor(e);
		return n == null ? 0 : n.getStartLine();
	}
}
