package ptlock.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;

import ptlock.lang.ide.folding.FoldingRegions;

/** Folding for the Generic Editor: the regions of {@link FoldingRegions}, recomputed in the reconciler thread. */
public final class PtlockFoldingReconciler extends Reconciler {
	private final Strategy strategy = new Strategy();

	public PtlockFoldingReconciler() {
		setReconcilingStrategy(strategy, IDocument.DEFAULT_CONTENT_TYPE);
		setIsIncrementalReconciler(false);
		setIsAllowedToModifyDocument(false);
		setDelay(500);
	}

	@Override
	public void install(ITextViewer viewer) {
		super.install(viewer);
		if (viewer instanceof ProjectionViewer pv) {
			strategy.viewer = pv;
		}
	}

	private static final class Strategy extends WholeDocumentStrategy {
		private final FoldingRegions regions = new FoldingRegions();
		private volatile ProjectionViewer viewer;
		private final Map<Annotation, Position> current = new HashMap<>();

		@Override
		protected void update(IDocument document) {
			ProjectionViewer v = viewer;
			if (v == null) {
				return;
			}
			Map<Annotation, Position> next = new HashMap<>();
			for (FoldingRegions.Region r : regions.of(document.get())) {
				next.put(new ProjectionAnnotation(), new Position(r.offset(), r.length()));
			}
			v.getTextWidget().getDisplay().asyncExec(() -> {
				ProjectionAnnotationModel model = v.getProjectionAnnotationModel();
				if (model == null || v.getTextWidget().isDisposed()) {
					return;
				}
				List<Annotation> gone = new ArrayList<>(current.keySet());
				model.modifyAnnotations(gone.toArray(Annotation[]::new), next, null);
				current.clear();
				current.putAll(next);
			});
		}
	}
}
