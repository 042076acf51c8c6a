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

import com.google.inject.Injector;

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
		for (ContentAssistEntry e : acceptor.getEntries()) {
			if (ContentAssistEntry.KIND_KEYWORD.equals(e.getKind())) {
				out.add(new Completion(e.getProposal(), e.getPrefix() == null ? "" : e.getPrefix(), "keyword",
						e.getProposal() + " (ptlock keyword)"));
			}
		}
		return out;
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
