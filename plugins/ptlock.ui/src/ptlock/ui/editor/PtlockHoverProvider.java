package ptlock.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.ui.editors.text.EditorsUI;

import ptlock.lang.ide.hover.Docs;
import ptlock.ui.PtlockUiPlugin;

/**
 * Hover over a name: the declaration's signature and the comment above it. For a kernel primitive that is its
 * one-sentence semantics from the prelude, and the tags the static rules read. Shown as plain text that wraps at
 * about 80 columns ({@link WrappingInformationControl}).
 */
public final class PtlockHoverProvider implements ITextHover, ITextHoverExtension {
	private IInformationControlCreator creator;

	@Override
	public IInformationControlCreator getHoverControlCreator() {
		if (creator == null) {
			creator = WrappingInformationControl.creator(EditorsUI.getTooltipAffordanceString());
		}
		return creator;
	}

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
