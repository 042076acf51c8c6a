package ptlock.lang.load;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.rules.RuleMemo;

/**
 * What one batch load computes more than once, computed once: a check lowers each scenario in the validator (its
 * errors), again for the static rules and again to run it, and follows each thread with the static rules in the
 * validator and again for the scenario's report. Attached to the resource set of {@link SpecLoader#load} only,
 * whose files are read once and never edited; an editor's resources have none, so nothing stale is ever reused.
 * Instance state of that one resource set, nothing static.
 */
public final class BatchCache extends AdapterImpl {
	private record Lowered(List<Model> models, List<Lowering.Result> results) {
	}

	private final Map<Scenario, Lowered> lowered = new IdentityHashMap<>();
	private final RuleMemo rules = new RuleMemo();

	static void attach(ResourceSet rs) {
		rs.eAdapters().add(new BatchCache());
	}

	@Override
	public boolean isAdapterForType(Object type) {
		return type == BatchCache.class;
	}

	/** The cache of the batch load the object was read by, or null (an editor's resource, a test's own set). */
	static BatchCache of(EObject o) {
		Resource r = o == null ? null : o.eResource();
		ResourceSet rs = r == null ? null : r.getResourceSet();
		return rs == null ? null : (BatchCache) EcoreUtil.getAdapter(rs.eAdapters(), BatchCache.class);
	}

	/** {@link Lowering#lower(List, Scenario)}, once per scenario of a batch load. */
	public static List<Lowering.Result> lower(List<Model> models, Scenario scenario) {
		BatchCache c = of(scenario);
		if (c == null) {
			return new Lowering().lower(models, scenario);
		}
		synchronized (c) {
			Lowered l = c.lowered.get(scenario);
			if (l == null || !l.models().equals(models)) {
				l = new Lowered(List.copyOf(models), new Lowering().lower(models, scenario));
				c.lowered.put(scenario, l);
			}
			return l.results();
		}
	}

	/** What the static rules found on each thread already followed in this batch load (a fresh memo: none). */
	public static RuleMemo rules(EObject o) {
		BatchCache c = of(o);
		return c == null ? new RuleMemo() : c.rules;
	}
}
