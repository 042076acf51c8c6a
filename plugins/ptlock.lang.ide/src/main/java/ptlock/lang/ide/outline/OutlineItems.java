package ptlock.lang.ide.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import ptlock.lang.ptlock.Const;
import ptlock.lang.ptlock.Element;
import ptlock.lang.ptlock.Expectation;
import ptlock.lang.ptlock.Invariant;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.OnArchs;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Property;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.ptlock.ScenarioMember;
import ptlock.lang.ptlock.ThreadDecl;
import ptlock.lang.ptlock.VarDecl;

/**
 * The outline of one .ptl file: its paths, primitives, properties and invariants, constants and globals, and its
 * scenarios with their threads, architectures and expectations. Editor independent (the Eclipse Outline view shows
 * it).
 */
public final class OutlineItems {
	/** @param kind path, primitive, property, invariant, constant, global, scenario, thread, architectures, expect */
	public record Item(String kind, String label, int offset, int length, List<Item> children) {
	}

	private OutlineItems() {
	}

	public static List<Item> of(Model model) {
		List<Item> out = new ArrayList<>();
		if (model == null) {
			return out;
		}
		for (Element e : model.getElements()) {
			Item i = switch (e) {
			case Path p -> item("path", p.getName() + "(" + params(p.getParams()) + ")", p, List.of());
			case Prim p -> item("primitive", (p.isAtomic() ? "atomic " : "") + p.getName() + "(" + params(p.getParams())
					+ ")", p, List.of());
			case Property p -> item("property", p.getName(), p, List.of());
			case Invariant v -> item("invariant", v.getName(), v, List.of());
			case Const c -> item("constant", c.getName(), c, List.of());
			case VarDecl v -> item("global", v.getName(), v, List.of());
			case Scenario s -> item("scenario", s.getName(), s, members(s));
			default -> null;
			};
			if (i != null) {
				out.add(i);
			}
		}
		return out;
	}

	private static List<Item> members(Scenario s) {
		List<Item> out = new ArrayList<>();
		for (ScenarioMember m : s.getMembers()) {
			switch (m) {
			case ThreadDecl t -> out.add(item("thread", (t.isDaemon() ? "daemon " : "") + t.getName() + " = "
					+ t.getPath() + "(...)", t, List.of()));
			case OnArchs o -> out.add(item("architectures", "on " + String.join(", ", o.getArchs().stream()
					.map(a -> a.eIsProxy() ? "?" : a.getName()).toList()), o, List.of()));
			case Expectation x -> out.add(item("expect", "expect " + (x.isOthers() ? "others" : x.getProperty()) + " "
					+ x.getVerdict().getLiteral(), x, List.of()));
			default -> {
			}
			}
		}
		return out;
	}

	private static String params(List<ptlock.lang.ptlock.Param> ps) {
		return String.join(", ", ps.stream().map(p -> (p.isOut() ? "&" : "") + p.getName()).toList());
	}

	/** An item selects its name in the editor (the whole declaration if it has none). */
	private static Item item(String kind, String label, EObject e, List<Item> children) {
		EStructuralFeature name = e.eClass().getEStructuralFeature("name");
		List<INode> nodes = name == null ? List.of() : NodeModelUtils.findNodesForFeature(e, name);
		INode n = nodes.isEmpty() ? NodeModelUtils.findActualNodeFor(e) : nodes.get(0);
		return new Item(kind, label, n == null ? 0 : n.getOffset(), n == null ? 0 : n.getLength(), children);
	}
}
