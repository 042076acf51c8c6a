package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;

import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.SinceStmt;
import ptlock.model.series.Patch;
import ptlock.model.series.Series;

/**
 * The patch levels at which a path checked alone is lowered: every series applied, and just before each patch that
 * some 'since' names (that patch and the later ones of its series left out). Code that no 'since' distinguishes
 * is the same at every level, so this covers every version of every path.
 */
final class PatchLevels {
	private PatchLevels() {
	}

	/** Each level as the set of applied patch names; the first is "everything applied". */
	static List<Set<String>> of(List<Model> models) {
		Set<Patch> named = new LinkedHashSet<>();
		Set<Series> series = new LinkedHashSet<>();
		for (Model m : models) {
			for (var it = m.eAllContents(); it.hasNext();) {
				EObject e = it.next();
				Patch p = e instanceof SinceStmt s ? s.getPatch() : e instanceof ptlock.lang.ptlock.Const c ? c.getPatch() : null;
				if (p != null && !p.eIsProxy() && p.eContainer() instanceof Series owner) {
					named.add(p);
					series.add(owner);
				}
			}
		}
		Set<String> all = new TreeSet<>();
		series.forEach(s -> s.getPatches().forEach(p -> all.add(p.getName())));
		List<Set<String>> out = new ArrayList<>();
		out.add(all);
		for (Patch p : named) {
			Series owner = (Series) p.eContainer();
			Set<String> before = new TreeSet<>(all);
			List<Patch> patches = owner.getPatches();
			for (int i = patches.indexOf(p); i < patches.size(); i++) {
				before.remove(patches.get(i).getName());
			}
			if (!out.contains(before)) {
				out.add(before);
			}
		}
		return out;
	}
}
