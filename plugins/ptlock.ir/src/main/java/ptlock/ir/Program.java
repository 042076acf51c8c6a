package ptlock.ir;

import java.util.List;
import java.util.Map;

/**
 * A scenario lowered to the IR: the state schema, the initial assignments, the threads and the properties.
 * Both back ends (the TLA+ generator and the simulator) take this and nothing else.
 *
 * @param arch the architecture it runs on (null: the spec names none)
 * @param patch the patch level it runs at (null: the whole series)
 * @param init assignments executed once from each variable's default value
 * @param expectations the verdict the spec's author expects for each property (may be incomplete)
 * @param ignored the properties left out of the checks ('ignore PROP "reason";'), with the reason
 * @param views how races show each variable, by variable name (missing: {@link VarView#PLAIN})
 * @param shapes where each variable holds thread ids, by variable name (missing: none; see {@link ThreadShape})
 */
public record Program(String spec, String scenario, String arch, String patch, String doc, SourceLoc loc,
		List<Var> globals, List<Stmt> init,
		List<ThreadIr> threads, List<Property> properties, Map<String, Verdict> expectations,
		Map<String, String> ignored, Map<String, VarView> views, Map<String, ThreadShape> shapes) {

	public Program(String spec, String scenario, String arch, String patch, String doc, SourceLoc loc,
			List<Var> globals, List<Stmt> init, List<ThreadIr> threads, List<Property> properties,
			Map<String, Verdict> expectations, Map<String, String> ignored, Map<String, VarView> views) {
		this(spec, scenario, arch, patch, doc, loc, globals, init, threads, properties, expectations, ignored, views,
				Map.of());
	}

	public Program(String spec, String scenario, String arch, String patch, String doc, SourceLoc loc,
			List<Var> globals, List<Stmt> init, List<ThreadIr> threads, List<Property> properties,
			Map<String, Verdict> expectations, Map<String, String> ignored) {
		this(spec, scenario, arch, patch, doc, loc, globals, init, threads, properties, expectations, ignored,
				Map.of());
	}

	public ThreadShape shape(String varName) {
		return shapes.getOrDefault(varName, ThreadShape.NONE);
	}

	public VarView view(String varName) {
		return views.getOrDefault(varName, VarView.PLAIN);
	}

	/** The scenario with its architecture, as reports name it: "scenario" or "scenario@arch". */
	public String title() {
		return arch == null ? scenario : scenario + "@" + arch;
	}

	public ThreadIr thread(String name) {
		for (ThreadIr t : threads) {
			if (t.name().equals(name)) {
				return t;
			}
		}
		throw new IllegalArgumentException("no thread " + name);
	}

	public Property property(String name) {
		for (Property p : properties) {
			if (p.name().equals(name)) {
				return p;
			}
		}
		return null;
	}
}
