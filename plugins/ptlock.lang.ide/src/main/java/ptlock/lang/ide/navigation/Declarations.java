package ptlock.lang.ide.navigation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import ptlock.lang.ide.hover.Docs;
import ptlock.lang.load.Includes;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.ptlock.Element;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Param;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.VarDecl;
import ptlock.model.series.Architecture;
import ptlock.model.series.Series;

/**
 * Go to definition: where the name under the cursor is declared, in this file, an included one (the prelude), or
 * an included .xmi model (architectures, patches). Locals and parameters resolve to the enclosing path or
 * primitive first, as the language does.
 */
public final class Declarations {
	/** A place in a file: the declared name's offset and length, and its 1-based line. */
	public record Target(Path file, int offset, int length, int line) {
	}

	private final SpecLoader loader;

	public Declarations(SpecLoader loader) {
		this.loader = loader;
	}

	public Optional<Target> at(Path file, String text, int offset) {
		String word = Docs.wordAt(text, offset);
		if (word.isEmpty() || !Character.isJavaIdentifierStart(word.charAt(0))) {
			return Optional.empty();
		}
		LoadedSpec spec = loader.loadText(file, text);
		if (spec.main() == null) {
			return Optional.empty();
		}
		Optional<Target> local = local(spec.main(), word, offset);
		if (local.isPresent()) {
			return local;
		}
		for (Model m : spec.models()) {
			for (Element e : m.getElements()) {
				if (word.equals(Docs.nameOf(e))) {
					return target(e);
				}
			}
		}
		for (EObject root : Includes.modelRoots(spec.models())) {
			Path xmi = Path.of(root.eResource().getURI().toFileString());
			if (root instanceof Architecture a && word.equals(a.getName())) {
				return Optional.of(new Target(xmi, 0, 0, 1));
			}
			if (root instanceof Series s && s.getPatches().stream().anyMatch(p -> word.equals(p.getName()))) {
				return Optional.of(new Target(xmi, 0, 0, 1));
			}
		}
		return Optional.empty();
	}

	/** A parameter or local of the path or primitive around the offset. */
	private static Optional<Target> local(Model main, String word, int offset) {
		ICompositeNode root = NodeModelUtils.getNode(main);
		ILeafNode leaf = root == null ? null : NodeModelUtils.findLeafNodeAtOffset(root, offset);
		EObject here = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		if (here == null) {
			return Optional.empty();
		}
		EObject owner = EcoreUtil2.getContainerOfType(here, ptlock.lang.ptlock.Path.class);
		if (owner == null) {
			owner = EcoreUtil2.getContainerOfType(here, Prim.class);
		}
		if (owner == null) {
			return Optional.empty();
		}
		List<Param> params = owner instanceof ptlock.lang.ptlock.Path p ? p.getParams() : ((Prim) owner).getParams();
		for (Param p : params) {
			if (word.equals(p.getName())) {
				return target(p);
			}
		}
		for (VarDecl v : EcoreUtil2.getAllContentsOfType(owner, VarDecl.class)) {
			if (word.equals(v.getName())) {
				return target(v);
			}
		}
		return Optional.empty();
	}

	private static Optional<Target> target(EObject e) {
		EStructuralFeature name = e.eClass().getEStructuralFeature("name");
		List<INode> nodes = name == null ? List.of() : NodeModelUtils.findNodesForFeature(e, name);
		INode n = nodes.isEmpty() ? NodeModelUtils.findActualNodeFor(e) : nodes.get(0);
		if (n == null || e.eResource() == null || !e.eResource().getURI().isFile()) {
			return Optional.empty();
		}
		return Optional.of(new Target(Path.of(e.eResource().getURI().toFileString()), n.getOffset(), n.getLength(),
				n.getStartLine()));
	}
}
