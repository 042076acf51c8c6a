package ptlock.ui.editor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;

/**
 * A reconciling strategy that redoes its work on the whole document after each pause in typing (specs are small),
 * in the reconciler's background thread.
 */
abstract class WholeDocumentStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
	private volatile IDocument document;

	/** Does the work on the current document (never null). */
	protected abstract void update(IDocument document);

	@Override
	public final void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public final void setProgressMonitor(IProgressMonitor monitor) {
		// one file's work is short; nothing to report
	}

	@Override
	public final void initialReconcile() {
		run();
	}

	@Override
	public final void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		run();
	}

	@Override
	public final void reconcile(IRegion partition) {
		run();
	}

	private void run() {
		IDocument d = document;
		if (d != null) {
			update(d);
		}
	}
}
