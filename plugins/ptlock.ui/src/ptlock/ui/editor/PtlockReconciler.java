package ptlock.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.reconciler.Reconciler;

/** Validates .ptl files while they are edited, in the reconciler's background thread. */
public final class PtlockReconciler extends Reconciler {
	private final PtlockValidationStrategy strategy = new PtlockValidationStrategy();

	public PtlockReconciler() {
		setReconcilingStrategy(strategy, IDocument.DEFAULT_CONTENT_TYPE);
		setIsIncrementalReconciler(false);
		setIsAllowedToModifyDocument(false);
		setDelay(300);
	}

	@Override
	public void install(org.eclipse.jface.text.ITextViewer viewer) {
		super.install(viewer);
		strategy.viewer = viewer;
	}
}
