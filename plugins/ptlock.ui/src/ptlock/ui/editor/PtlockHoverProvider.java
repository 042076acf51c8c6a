package ptlock.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

import ptlock.lang.ide.hover.Docs;
import ptlock.ui.PtlockUiPlugin;

/**
 * Hover over a name: the declaration's signature and the comment above it. For a kernel primitive that is its
 * one-sentence semantics from the prelude, and the tags the static rules read.
 */
public final class PtlockHoverProvider implements ITextHover {

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		String word = Docs.wordAt(text, offset);
		if (word.isEmpty()) {
			return new Region(offset, 0);
		}
		int start = text.lastIndexOf(word, offset);
		return new Region(start < 0 ? offset : start, word.length());
	}

	@Override
	@SuppressWarnings("deprecation") // the Generic Editor asks ITextHover for plain text
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		IFile file = Documents.file(viewer.getDocument());
		if (file == null) {
			return null;
		}
		return PtlockUiPlugin.services().docs()
				.at(file.getLocation().toFile().toPath(), viewer.getDocument().get(), region.getOffset())
				.map(Docs.Doc::text).orElse(null);
	}
}
