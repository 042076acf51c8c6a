package ptlock.ui.views;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import ptlock.ir.SourceLoc;
import ptlock.ui.check.ViolationMarkers;

/** Opens the .ptl line a step came from, selecting the whole line (as a debugger shows the current line). */
final class Editors {
	private Editors() {
	}

	static ITextEditor reveal(IWorkbenchPage page, SourceLoc loc) throws PartInitException {
		IFile file = ViolationMarkers.file(loc);
		if (file == null || loc.line() < 1) {
			return null;
		}
		IEditorPart part = IDE.openEditor(page, file, false);
		ITextEditor editor = part == null ? null : part.getAdapter(ITextEditor.class);
		if (editor == null) {
			return null;
		}
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		try {
			IRegion line = doc.getLineInformation(loc.line() - 1);
			editor.selectAndReveal(line.getOffset(), line.getLength());
		} catch (BadLocationException e) {
			// the file changed since the check: the line is gone, the editor is open anyway
		}
		return editor;
	}
}
