package ptlock.ui;

import ptlock.ui.check.CheckRuns;

import com.google.inject.Injector;

import ptlock.lang.ide.PtlockIdeSetup;
import ptlock.lang.ide.assist.Completions;
import ptlock.lang.ide.highlight.Tokenizer;
import ptlock.lang.ide.hover.Docs;
import ptlock.lang.load.SpecLoader;

/**
 * The language services the editor uses, created on first use (building the Xtext injector takes a moment, so it
 * is never done on the UI thread by the highlighting path, which needs only the lexer).
 */
public final class PtlockServices {
	private final Tokenizer tokenizer = new Tokenizer();
	private volatile Injector injector;
	private volatile SpecLoader loader;
	private volatile Completions completions;
	private volatile Docs docs;
	private final CheckRuns runs = new CheckRuns();

	private final java.util.Map<org.eclipse.jface.text.IDocument, java.util.Map<String, ptlock.lang.ide.highlight.SemanticNames.Kind>> names = java.util.Collections
			.synchronizedMap(new java.util.WeakHashMap<>());

	/** What the identifiers of an open document name (computed by its validation, used by its highlighting). */
	public java.util.Map<String, ptlock.lang.ide.highlight.SemanticNames.Kind> semanticNames(
			org.eclipse.jface.text.IDocument document) {
		return names.getOrDefault(document, java.util.Map.of());
	}

	public void semanticNames(org.eclipse.jface.text.IDocument document,
			java.util.Map<String, ptlock.lang.ide.highlight.SemanticNames.Kind> kinds) {
		names.put(document, java.util.Map.copyOf(kinds));
	}

	/** The latest check from Eclipse, for the views. */
	public CheckRuns runs() {
		return runs;
	}

	public Tokenizer tokenizer() {
		return tokenizer;
	}

	public synchronized SpecLoader loader() {
		if (loader == null) {
			loader = new SpecLoader(injector());
		}
		return loader;
	}

	public synchronized Docs docs() {
		if (docs == null) {
			docs = new Docs(loader());
		}
		return docs;
	}

	public synchronized ptlock.lang.ide.navigation.Declarations declarations() {
		return new ptlock.lang.ide.navigation.Declarations(loader());
	}

	public synchronized Completions completions() {
		if (completions == null) {
			completions = new Completions(injector());
		}
		return completions;
	}

	private synchronized Injector injector() {
		if (injector == null) {
			injector = new PtlockIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	synchronized void close() {
		if (completions != null) {
			completions.close();
		}
	}
}
