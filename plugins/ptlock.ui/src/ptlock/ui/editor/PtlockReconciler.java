package ptlock.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.reconciler.Reconciler;

/** Validates .ptl files while they are edited, in the reconciler's background thread. */
public final class PtlockReconciler extends Reconciler {
	public PtlockReconciler() {
		setReconcilingStrategy(new PtlockValidationStrategy(), IDocument.DEFAULT_CONTENT_TYPE);
		setIsIncrementalReconciler(false);
		setIsAllowedToModifyDocument(false);
		setDelay(300);
	}
}
