package ptlock.lang.ide.highlight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.lang.ptlock.Element;
import ptlock.lang.ptlock.Invariant;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Property;
import ptlock.lang.ptlock.Tag;

/**
 * What the identifiers of a spec name, for semantic highlighting: code paths, primitives, the primitives that take
 * or drop a lock (by their static-rule tags), and properties (assertion properties and invariants). From the file
 * and everything it includes, so the prelude's primitives are known.
 */
public final class SemanticNames {
	/** Stable names: editors map them to styles. */
	public enum Kind {
		PATH, PRIMITIVE, LOCK, PROPERTY
	}

	private static final Set<String> LOCK_TAGS = Set.of("acquires", "tryacquires", "releases");

	private SemanticNames() {
	}

	public static Map<String, Kind> of(List<Model> models) {
		Map<String, Kind> out = new HashMap<>();
		for (Model m : models) {
			for (Element e : m.getElements()) {
				switch (e) {
				case Path p -> out.putIfAbsent(p.getName(), Kind.PATH);
				case Prim p -> out.putIfAbsent(p.getName(), p.getTags().stream().map(Tag::getName)
						.anyMatch(LOCK_TAGS::contains) ? Kind.LOCK : Kind.PRIMITIVE);
				case Property p -> out.putIfAbsent(p.getName(), Kind.PROPERTY);
				case Invariant i -> out.putIfAbsent(i.getName(), Kind.PROPERTY);
				default -> {
				}
				}
			}
		}
		return out;
	}
}
