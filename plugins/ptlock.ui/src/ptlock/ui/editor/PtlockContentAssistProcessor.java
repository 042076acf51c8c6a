package ptlock.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

import ptlock.lang.ide.assist.Completion;
import ptlock.ui.PtlockUiPlugin;

/** Keyword completion (the keywords the grammar allows at the cursor), contributed to the Generic Editor. */
public final class PtlockContentAssistProcessor implements IContentAssistProcessor {

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
			// the whole description again beside the list (the list cuts long lines)
			out.add(new CompletionProposal(c.proposal(), start, c.prefix().length(), c.proposal().length(), null, shown,
					null, c.description()));
		}
		return out.toArray(ICompletionProposal[]::new);
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
