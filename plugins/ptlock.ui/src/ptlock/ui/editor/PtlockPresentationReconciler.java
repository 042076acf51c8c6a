package ptlock.ui.editor;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

import ptlock.ui.PtlockUiPlugin;

/** Syntax highlighting of .ptl files, contributed to the Generic Editor. */
public final class PtlockPresentationReconciler extends PresentationReconciler {

	public PtlockPresentationReconciler() {
		DefaultDamagerRepairer dr = new DefaultDamagerRepairer(
				new PtlockTokenScanner(PtlockUiPlugin.services().tokenizer())) {
			@Override
			public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent e, boolean changed) {
				// an edit can open or close a comment: repaint everything (specs are small)
				IDocument d = e.getDocument();
				return new Region(0, d.getLength());
			}
		};
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
