package ptlock.ui.editor;

import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension3;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension5;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * A completion proposal whose documentation (beside the list) is computed when it is first shown, off the UI thread,
 * and shown in a {@link WrappingInformationControl}: it wraps to the popup's width instead of running off it.
 */
final class DocProposal implements ICompletionProposal, ICompletionProposalExtension3, ICompletionProposalExtension5 {
	private final String replacement;
	private final int offset;
	private final int length;
	private final String display;
	private final Supplier<String> doc;
	private final IInformationControlCreator creator;
	private volatile String info;

	DocProposal(String replacement, int offset, int length, String display, Supplier<String> doc,
			IInformationControlCreator creator) {
		this.replacement = replacement;
		this.offset = offset;
		this.length = length;
		this.display = display;
		this.doc = doc;
		this.creator = creator;
	}

	@Override
	public void apply(IDocument document) {
		try {
			document.replace(offset, length, replacement);
		} catch (BadLocationException e) {
			// the document changed under the popup: nothing to insert into
		}
	}

	@Override
	public Point getSelection(IDocument document) {
		return new Point(offset + replacement.length(), 0);
	}

	@Override
	public String getAdditionalProposalInfo() {
		String s = info;
		if (s == null) {
			s = doc.get();
			info = s;
		}
		return s;
	}

	@Override
	public Object getAdditionalProposalInfo(IProgressMonitor monitor) {
		return getAdditionalProposalInfo();
	}

	@Override
	public String getDisplayString() {
		return display;
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}

	@Override
	public IInformationControlCreator getInformationControlCreator() {
		return creator;
	}

	@Override
	public CharSequence getPrefixCompletionText(IDocument document, int completionOffset) {
		return replacement;
	}

	@Override
	public int getPrefixCompletionStart(IDocument document, int completionOffset) {
		return offset;
	}

	@Override
	public String toString() {
		return display;
	}
}
