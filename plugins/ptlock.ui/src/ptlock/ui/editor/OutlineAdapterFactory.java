package ptlock.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/** Gives the Generic Editor an outline for .ptl files (editors ask the adapter manager for IContentOutlinePage). */
public final class OutlineAdapterFactory implements IAdapterFactory {
	@Override
	public <T> T getAdapter(Object adaptable, Class<T> type) {
		if (type == IContentOutlinePage.class && adaptable instanceof ITextEditor editor) {
			IFile f = editor.getEditorInput() == null ? null : editor.getEditorInput().getAdapter(IFile.class);
			if (f != null && "ptl".equals(f.getFileExtension())) {
				return type.cast(new PtlockOutlinePage(editor));
			}
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
