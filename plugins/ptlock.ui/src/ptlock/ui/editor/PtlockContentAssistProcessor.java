package ptlock.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

import ptlock.lang.ide.assist.Completion;
import ptlock.lang.ide.hover.Docs;
import ptlock.ui.PtlockUiPlugin;

/**
 * Completion (the keywords the grammar allows at the cursor, and the names that may stand there), contributed to the
 * Generic Editor. Beside the list, the selected name's whole documentation (as its hover shows it), wrapped.
 */
public final class PtlockContentAssistProcessor implements IContentAssistProcessor {
	/** The longest a line of the list gets: the rest of a long description is in the documentation beside it. */
	static final int MAX_SHOWN = 100;
	private final IInformationControlCreator docCreator = WrappingInformationControl.creator(null);

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		IFile file = Documents.file(viewer.getDocument());
		URI uri = file == null ? URI.createURI("memory:/untitled.ptl")
				: URI.createFileURI(file.getLocation().toOSString());
		List<ICompletionProposal> out = new ArrayList<>();
		for (Completion c : PtlockUiPlugin.services().completions().at(uri, text, offset)) {
			int start = offset - c.prefix().length();
			// the popup is sorted and typed through by name: the name comes first, then what it is
			String shown = c.description().startsWith(c.proposal()) ? c.description()
					: c.proposal() + "  " + c.kind() + ": " + c.description();
			// the whole documentation beside the list (the list is kept narrow: long lines are cut with '…')
			out.add(new DocProposal(c.proposal(), start, c.prefix().length(), shorten(shown),
					() -> documentation(file, text, start, offset, c), docCreator));
		}
		return out.toArray(ICompletionProposal[]::new);
	}

	static String shorten(String s) {
		return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN - 1).stripTrailing() + "…";
	}

	/**
	 * What the hover of the name would say once inserted (its signature, whole comment and where it is declared), or
	 * the completion's description for what has no declaration (keywords, locals). Called off the UI thread.
	 */
	private static String documentation(IFile file, String text, int start, int offset, Completion c) {
		if (file != null && !"keyword".equals(c.kind()) && file.getLocation() != null) {
			String inserted = text.substring(0, start) + c.proposal() + text.substring(offset);
			try {
				java.util.Optional<Docs.Doc> d = PtlockUiPlugin.services().docs()
						.at(file.getLocation().toFile().toPath(), inserted, start);
				if (d.isPresent() && d.get().name().equals(c.proposal())) {
					return d.get().text();
				}
			} catch (RuntimeException e) {
				// a spec the loader cannot read yet: the short description will do
			}
		}
		return c.description();
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
