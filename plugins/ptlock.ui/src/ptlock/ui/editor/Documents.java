package ptlock.ui.editor;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.IDocument;

/** Finds the workspace file behind an editor document. */
public final class Documents {
	private Documents() {
	}

	/** The workspace file of the document, or null if it is not a workspace file. */
	public static IFile file(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null) {
			return null;
		}
		IPath location = buffer.getLocation();
		if (location == null) {
			return null;
		}
		IFile f = ResourcesPlugin.getWorkspace().getRoot().getFile(location);
		return f != null && f.exists() && f.getLocation() != null ? f : null;
	}
}
