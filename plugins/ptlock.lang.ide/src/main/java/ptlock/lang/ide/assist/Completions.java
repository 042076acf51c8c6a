package ptlock.lang.ide.assist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.util.TextRegion;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Assignment;

import com.google.inject.Injector;

import ptlock.lang.ptlock.Model;
import ptlock.model.series.Architecture;
import ptlock.model.series.Patch;

/**
 * Grammar-aware completion: the keywords valid at the cursor, from Xtext's editor-agnostic content assist (the
 * content-assist parser generated from the grammar). Editor independent; the Eclipse UI shows these.
 */
public final class Completions implements AutoCloseable {
	private final Injector injector;
	private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "ptlock-content-assist");
		t.setDaemon(true);
		return t;
	});

	public Completions(Injector ideInjector) {
		this.injector = ideInjector;
	}

	/**
	 * @param uri the document's URI (decides relative includes)
	 * @param offset the cursor
	 */
	public List<Completion> at(URI uri, String text, int offset) {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		XtextResource res = (XtextResource) rs.createResource(uri);
		try {
			res.load(new StringInputStream(text), null);
		} catch (IOException e) {
			return List.of();
		}
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(pool);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, res);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(List.of(contexts), acceptor);
		List<Completion> out = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		// names first: in code they are what one types most
		for (ContentAssistContext c : contexts) {
			Model model = c.getResource().getContents().isEmpty() ? null
					: (Model) c.getResource().getContents().get(0);
			for (AbstractElement g : c.getFirstSetGrammarElements()) {
				NameProposals.Slot slot = g instanceof Assignment a ? NameProposals.slot(a) : null;
				if (slot != null && model != null) {
					for (Completion n : NameProposals.of(slot, model, c.getCurrentModel(), c.getPrefix())) {
						if (seen.add(n.proposal())) {
							out.add(n);
						}
					}
				}
			}
		}
		for (ContentAssistEntry e : acceptor.getEntries()) {
			String prefix = e.getPrefix() == null ? "" : e.getPrefix();
			// operators and punctuation are keywords to the grammar, noise in a completion list
			if (ContentAssistEntry.KIND_KEYWORD.equals(e.getKind()) && e.getProposal().matches("[A-Za-z_]\\w*")
					&& seen.add(e.getProposal())) {
				out.add(new Completion(e.getProposal(), prefix, "keyword", e.getProposal() + " (ptlock keyword)"));
			} else if (ContentAssistEntry.KIND_REFERENCE.equals(e.getKind()) && seen.add(e.getProposal())) {
				// architectures and patches, from the included .xmi models
				out.add(new Completion(e.getProposal(), prefix, "reference", describe(e)));
			}
		}
		return out;
	}

	private static String describe(ContentAssistEntry e) {
		EObject target = e.getSource() instanceof org.eclipse.xtext.resource.IEObjectDescription d ? d.getEObjectOrProxy()
				: null;
		if (target instanceof Architecture a) {
			return a.getName() + " — architecture: " + a.getTitle();
		}
		if (target instanceof Patch p) {
			return p.getName() + " — patch " + p.getNumber() + ": " + p.getSubject();
		}
		return e.getProposal();
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
