package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

/** Collects diagnostics while lowering; lowering goes on after an error to report as many as it can. */
public final class Problems {
	private final List<Diagnostic> all = new ArrayList<>();

	public void error(String code, String message, EObject node) {
		all.add(new Diagnostic(Diagnostic.Severity.ERROR, code, message, node));
	}

	public void warning(String code, String message, EObject node) {
		all.add(new Diagnostic(Diagnostic.Severity.WARNING, code, message, node));
	}

	/**
	 * An unknown name: if the kernel library declares it, the error says which file to include
	 * (IssueCodes.NOT_INCLUDED); otherwise the given code and message.
	 */
	public void unknown(String code, String message, String name, EObject node) {
		if (library == null) {
			library = new ptlock.lang.load.Library();
		}
		String hint = library.hint(name, node);
		if (hint != null) {
			error(ptlock.lang.validation.IssueCodes.NOT_INCLUDED, message + ": " + hint, node);
		} else {
			error(code, message, node);
		}
	}

	private ptlock.lang.load.Library library;

	public boolean hasErrors() {
		return all.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
	}

	public List<Diagnostic> all() {
		return List.copyOf(all);
	}
}
