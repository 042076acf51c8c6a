package ptlock.lang.ide.hover;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.ptlock.Const;
import ptlock.lang.ptlock.Element;
import ptlock.lang.ptlock.Invariant;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Property;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.ptlock.VarDecl;

/**
 * What the name under the cursor is, for hovers: its declaration's first line and the comment above it (the
 * prelude documents every primitive that way), found in the file and everything it includes.
 */
public final class Docs {
	/** @param signature the declaration's first line; @param comment the // lines just above it, without '//' */
	public record Doc(String name, String kind, String signature, String comment, String file, int line) {
		/** Plain text for a hover. */
		public String text() {
			return signature + (comment.isEmpty() ? "" : "\n\n" + comment) + "\n\n(" + kind + ", " + file + ":" + line
					+ ")";
		}
	}

	private final SpecLoader loader;

	public Docs(SpecLoader loader) {
		this.loader = loader;
	}

	public Optional<Doc> at(Path file, String text, int offset) {
		String word = wordAt(text, offset);
		if (word.isEmpty()) {
			return Optional.empty();
		}
		LoadedSpec spec = loader.loadText(file, text);
		for (Model m : spec.models()) {
			for (Element e : m.getElements()) {
				if (word.equals(name(e))) {
					return Optional.of(doc(word, e));
				}
			}
		}
		if (spec.main() != null) {
			for (EObject root : ptlock.lang.load.Includes.modelRoots(spec.models())) {
				Optional<Doc> d = modelDoc(word, root);
				if (d.isPresent()) {
					return d;
				}
			}
		}
		return Optional.empty();
	}

	/** Architectures and patches live in .xmi models: their hover lists what the model says. */
	private static Optional<Doc> modelDoc(String word, EObject root) {
		String file = root.eResource().getURI().lastSegment();
		if (root instanceof ptlock.model.series.Architecture a && word.equals(a.getName())) {
			String facts = "PTE tables per page: " + a.getPteTablesPerPage() + "\nempty PTE: " + a.getEmptyPte()
					+ "\natomic entry reads: " + a.isAtomicEntryReads() + "\nsplit PTE locks: " + a.isSplitPtlocks()
					+ "\npage tables freed: " + a.getTableFreeing()
					+ (a.getDeferredFreeingFrom() == null ? "" : " from " + a.getDeferredFreeingFrom());
			return Optional.of(new Doc(word, "architecture", "arch " + word + " (" + a.getTitle() + ")", facts, file, 1));
		}
		if (root instanceof ptlock.model.series.Series s) {
			for (ptlock.model.series.Patch p : s.getPatches()) {
				if (word.equals(p.getName())) {
					return Optional.of(new Doc(word, "patch", "[PATCH " + p.getNumber() + "/" + s.getPatches().size() + "] "
							+ p.getSubject(), "of '" + s.getSubject() + "'" + (p.getAuthor() == null ? "" : " by "
							+ p.getAuthor()), file, 1));
				}
			}
		}
		return Optional.empty();
	}

	/** The identifier around an offset ('' if there is none). */
	public static String wordAt(String text, int offset) {
		int s = Math.min(Math.max(0, offset), text.length());
		int e = s;
		while (s > 0 && ident(text.charAt(s - 1))) {
			s--;
		}
		while (e < text.length() && ident(text.charAt(e))) {
			e++;
		}
		return text.substring(s, e);
	}

	private static boolean ident(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	/** The name an element declares, or null (init blocks). */
	public static String nameOf(Element e) {
		return name(e);
	}

	private static String name(Element e) {
		return switch (e) {
		case Prim p -> p.getName();
		case ptlock.lang.ptlock.Path p -> p.getName();
		case Const c -> c.getName();
		case VarDecl v -> v.getName();
		case Property p -> p.getName();
		case Invariant i -> i.getName();
		case Scenario s -> s.getName();
		default -> null;
		};
	}

	/** The hover of a declaration (its first line and the comment above it), or null if it has no source text. */
	public static Doc describe(EObject e) {
		String name = e instanceof Element el ? name(el) : null;
		return name == null || NodeModelUtils.findActualNodeFor(e) == null ? null : doc(name, e);
	}

	private static Doc doc(String name, EObject e) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(e);
		String all = node.getRootNode().getText();
		int start = node.getOffset();
		int lineStart = all.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
		// tag lines (@acquires(l) ...) come first: the signature is the first line after them
		String tags = "";
		int from = start;
		String first;
		while (true) {
			int lineEnd = all.indexOf('\n', from);
			first = all.substring(from, lineEnd < 0 ? all.length() : lineEnd).strip();
			if (!first.startsWith("@") || lineEnd < 0) {
				break;
			}
			tags = tags.isEmpty() ? first : tags + " " + first;
			from = lineEnd + 1;
		}
		if (first.endsWith("{")) {
			first = first.substring(0, first.length() - 1).strip();
		}
		// the // lines just above (tags, such as @acquires(l), sit on their own line between them and the name)
		StringBuilder comment = new StringBuilder();
		int at = lineStart;
		while (at > 0) {
			int prevStart = all.lastIndexOf('\n', at - 2) + 1;
			String prev = all.substring(prevStart, at - 1).strip();
			if (!prev.startsWith("//")) {
				break;
			}
			comment.insert(0, prev.substring(2).strip() + "\n");
			at = prevStart;
		}
		String kind = e.eClass().getName().toLowerCase(java.util.Locale.ROOT).replace("_", "");
		String file = e.eResource().getURI().lastSegment();
		String text = comment.toString().strip();
		if (!tags.isEmpty()) {
			text = (text.isEmpty() ? "" : text + "\n") + "static rules: " + tags;
		}
		return new Doc(name, kind, first, text, file, node.getStartLine());
	}
}
