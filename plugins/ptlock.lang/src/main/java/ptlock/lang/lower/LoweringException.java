package ptlock.lang.lower;

import java.util.List;

/** Thrown when a scenario cannot be lowered; carries every error found. */
public final class LoweringException extends Exception {
	private static final long serialVersionUID = 1L;
	private final transient List<Diagnostic> diagnostics;

	public LoweringException(List<Diagnostic> diagnostics) {
		super(diagnostics.isEmpty() ? "lowering failed" : diagnostics.get(0).message());
		this.diagnostics = List.copyOf(diagnostics);
	}

	public List<Diagnostic> diagnostics() {
		return diagnostics;
	}
}
