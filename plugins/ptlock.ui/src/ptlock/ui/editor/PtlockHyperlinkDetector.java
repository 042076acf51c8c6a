package ptlock.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;

import ptlock.lang.ide.hover.Docs;

/**
 * Go to definition (Ctrl+click, F3 through Open Hyperlink): any identifier is a link; where it leads is resolved
 * when it is opened (a parse of the spec and its includes), so hovering with Ctrl never parses on the UI thread.
 */
public final class PtlockHyperlinkDetector extends AbstractHyperlinkDetector {
	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultiple) {
		IDocument doc = viewer.getDocument();
		IFile file = doc == null ? null : Documents.file(doc);
		if (file == null) {
			return null;
		}
		String text = doc.get();
		int offset = region.getOffset();
		String word = Docs.wordAt(text, offset);
		if (word.isEmpty() || !Character.isJavaIdentifierStart(word.charAt(0))) {
			return null;
		}
		int start = offset;
		while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
			start--;
		}
		return new IHyperlink[] { new DeclarationHyperlink(new Region(start, word.length()), file, text, offset) };
	}
}
