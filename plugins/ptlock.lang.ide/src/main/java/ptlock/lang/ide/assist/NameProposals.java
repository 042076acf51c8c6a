package ptlock.lang.ide.assist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ParserRule;

import ptlock.lang.ide.hover.Docs;
import ptlock.lang.load.Includes;
import ptlock.lang.ptlock.Const;
import ptlock.lang.ptlock.Element;
import ptlock.lang.ptlock.Invariant;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Param;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Property;
import ptlock.lang.ptlock.VarDecl;

/**
 * The names the language resolves itself (not through Xtext linking): what may stand where the grammar expects an
 * identifier. In code: primitives (with their signature and the first line of their prelude comment), paths,
 * constants, globals and the locals and parameters of the enclosing path; after 'as' or 'expect': properties; in a
 * thread declaration: paths.
 */
final class NameProposals {
	enum Slot {
		CODE, PROPERTY, PATH
	}

	/** What the identifier the grammar expects at an assignment names, or null if it is a new name. */
	static Slot slot(Assignment a) {
		ParserRule rule = GrammarUtil.containingParserRule(a);
		String r = rule == null ? "" : rule.getName();
		return switch (a.getFeature()) {
		case "name" -> r.equals("Primary") || r.equals("CallExpr") ? Slot.CODE : null;
		case "property" -> Slot.PROPERTY;
		case "path" -> r.equals("ThreadDecl") ? Slot.PATH : null;
		default -> null;
		};
	}

	/** Proposals for a slot, from the file's model (and everything it includes) around the cursor's node. */
	static List<Completion> of(Slot slot, Model model, EObject at, String prefix) {
		Map<String, Completion> out = new LinkedHashMap<>();
		List<Model> models = Includes.closure(model);
		if (slot == Slot.CODE && at != null) {
			EObject owner = EcoreUtil2.getContainerOfType(at, Path.class);
			if (owner == null) {
				owner = EcoreUtil2.getContainerOfType(at, Prim.class);
			}
			if (owner != null) {
				for (Param p : owner instanceof Path path ? path.getParams() : ((Prim) owner).getParams()) {
					add(out, prefix, p.getName(), "parameter", p.getName() + " (parameter)");
				}
				for (VarDecl v : EcoreUtil2.getAllContentsOfType(owner, VarDecl.class)) {
					add(out, prefix, v.getName(), "local", v.getName() + " (local variable)");
				}
			}
		}
		for (Model m : models) {
			for (Element e : m.getElements()) {
				switch (slot) {
				case CODE -> {
					switch (e) {
					case Prim p -> add(out, prefix, p.getName(), "primitive", describe(p));
					case Path p -> add(out, prefix, p.getName(), "path", describe(p));
					case Const c -> add(out, prefix, c.getName(), "constant", describe(c));
					case VarDecl v -> add(out, prefix, v.getName(), "global", describe(v));
					default -> {
					}
					}
				}
				case PROPERTY -> {
					if (e instanceof Property p) {
						add(out, prefix, p.getName(), "property", describe(p));
					} else if (e instanceof Invariant i) {
						add(out, prefix, i.getName(), "property", describe(i));
					}
				}
				case PATH -> {
					if (e instanceof Path p) {
						add(out, prefix, p.getName(), "path", describe(p));
					}
				}
				}
			}
		}
		return new ArrayList<>(out.values());
	}

	/** "signature — first line of its comment". */
	private static String describe(EObject e) {
		Docs.Doc d = Docs.describe(e);
		if (d == null) {
			return "";
		}
		String first = d.comment().lines().findFirst().orElse("");
		return first.isEmpty() || first.startsWith("static rules:") ? d.signature() : d.signature() + " — " + first;
	}

	private static void add(Map<String, Completion> out, String prefix, String name, String kind, String description) {
		if (name != null && name.startsWith(prefix) && !out.containsKey(name)) {
			out.put(name, new Completion(name, prefix, kind, description));
		}
	}
}
