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

	public boolean hasErrors() {
		return all.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
	}

	public List<Diagnostic> all() {
		return List.copyOf(all);
	}
}
