package ptlock.lang.lower;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import ptlock.lang.ptlock.AtomicStmt;
import ptlock.lang.ptlock.LabelStmt;

/**
 * The labels of one function body (a path or a primitive), as C has them: a label belongs to the function it is
 * written in, wherever in its blocks it stands. The labels inside an atomic block belong to that one step.
 */
final class Labels {
	private Labels() {
	}

	/** Every label of the body outside atomic blocks, in source order (a repeated name is kept once: the first). */
	static Map<String, LabelStmt> of(EObject body, Problems problems) {
		Map<String, LabelStmt> out = new LinkedHashMap<>();
		collect(body, out, problems);
		return out;
	}

	private static void collect(EObject e, Map<String, LabelStmt> out, Problems problems) {
		for (EObject child : e.eContents()) {
			if (child instanceof LabelStmt l) {
				if (out.putIfAbsent(l.getName(), l) != null && problems != null) {
					problems.error(ptlock.lang.validation.IssueCodes.DUPLICATE_NAME,
							"label '" + l.getName() + "' is already defined in this function", l);
				}
			} else if (!(child instanceof AtomicStmt)) {
				collect(child, out, problems);
			}
		}
	}

	/** Whether the body has the label anywhere (atomic blocks included). */
	static boolean declaredIn(EObject body, String name) {
		if (body == null) {
			return false;
		}
		for (var it = body.eAllContents(); it.hasNext();) {
			if (it.next() instanceof LabelStmt l && l.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}
}
