package ptlock.lang.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;

import ptlock.ir.SourceLoc;
import ptlock.lang.lower.Sources;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.ptlock.ThreadDecl;
import ptlock.lang.rules.Finding;

/**
 * Puts the locking rules' findings on the file: as warnings at the statement of this file that leads to them (a
 * path's line, even when the lock is taken in a primitive it calls), or, for code of an included file that a
 * scenario here runs, on the scenario's thread, naming the place.
 */
final class FindingMarkers {
	private final Model model;
	private final ValidationMessageAcceptor acceptor;
	private final String file;
	private final String text;

	FindingMarkers(Model model, ValidationMessageAcceptor acceptor) {
		this.model = model;
		this.acceptor = acceptor;
		this.file = Sources.fileName(model);
		ICompositeNode node = NodeModelUtils.getNode(model);
		this.text = node == null ? "" : node.getRootNode().getText();
	}

	void report(List<Finding> findings) {
		java.util.Set<String> done = new java.util.HashSet<>();
		for (Finding f : findings) {
			SourceLoc here = f.in(file);
			if (here != null) {
				int offset = offset(here);
				if (offset >= 0 && done.add(f.code() + "@" + offset)) {
					acceptor.acceptWarning(f.message(), model, offset, Math.max(1, firstLine(here.text()).length()),
							f.code());
				}
				continue;
			}
			ThreadDecl t = thread(f.thread());
			if (t != null && done.add(f.code() + "@" + f.message())) {
				acceptor.acceptWarning(f.message() + " (in " + place(f.at().get(0)) + ")", t, null,
						ValidationMessageAcceptor.INSIGNIFICANT_INDEX, f.code());
			}
		}
	}

	private ThreadDecl thread(String name) {
		if (name == null) {
			return null;
		}
		for (EObject e : model.getElements()) {
			if (e instanceof Scenario s) {
				for (EObject m : s.getMembers()) {
					if (m instanceof ThreadDecl t && t.getName().equals(name)) {
						return t;
					}
				}
			}
		}
		return null;
	}

	/** The character offset of a 1-based line and column in this file. */
	private int offset(SourceLoc l) {
		int line = 1;
		int i = 0;
		while (line < l.line() && i < text.length()) {
			if (text.charAt(i++) == '\n') {
				line++;
			}
		}
		int o = i + l.column() - 1;
		return line == l.line() && o <= text.length() ? o : -1;
	}

	private static String firstLine(String s) {
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}

	private static String place(SourceLoc l) {
		String f = l.file();
		return f.substring(f.lastIndexOf('/') + 1) + ":" + l.line();
	}
}
