package ptlock.lang.lower;

import org.eclipse.emf.ecore.EObject;

/** A problem found while resolving or lowering a spec, attached to the AST node it is about. */
public record Diagnostic(Severity severity, String code, String message, EObject node) {
	public enum Severity {
		ERROR, WARNING
	}
}
