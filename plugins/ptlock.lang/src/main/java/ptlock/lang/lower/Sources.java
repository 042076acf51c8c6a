package ptlock.lang.lower;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import ptlock.ir.SourceLoc;

/** Source locations of AST nodes: file, line, column and the node's text. */
public final class Sources {
	private Sources() {
	}

	public static SourceLoc of(EObject node) {
		if (node == null) {
			return SourceLoc.NONE;
		}
		ICompositeNode n = NodeModelUtils.findActualNodeFor(node);
		String file = fileName(node);
		if (n == null) {
			return new SourceLoc(file, 0, 0, "");
		}
		String all = n.getRootNode().getText();
		int offset = n.getOffset();
		int lineStart = all.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
		if (offset == 0) {
			lineStart = 0;
		}
		String text = NodeModelUtils.getTokenText(n);
		return new SourceLoc(file, n.getStartLine(), offset - lineStart + 1, text);
	}

	public static String fileName(EObject node) {
		if (node.eResource() == null) {
			return "<memory>";
		}
		URI uri = node.eResource().getURI();
		if (!uri.isFile()) {
			return uri.toString();
		}
		// shown relative to the working directory when below it, as compilers do
		java.nio.file.Path p = java.nio.file.Path.of(uri.toFileString());
		java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
		return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
	}
}
