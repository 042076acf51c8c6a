package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.ui.IEditorPart;

/** The text viewer of an open editor (the Generic Editor gives it directly or as its operation target). */
final class TextViewers {
	private TextViewers() {
	}

	static ITextViewer of(IEditorPart editor) {
		ITextViewer viewer = editor.getAdapter(ITextViewer.class);
		if (viewer == null) {
			viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		}
		assertNotNull(viewer, "the editor has a text viewer");
		return viewer;
	}
}
