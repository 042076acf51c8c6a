package ptlock.ui.editor;

import ptlock.lang.ide.highlight.SemanticNames;
import ptlock.lang.load.LoadedSpec;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.IDocument;

import ptlock.lang.load.Issue;
import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.markers.ProblemMarkers;

/**
 * Parses and validates the editor's text (off the UI thread) and turns the problems into markers on the file: the
 * editor shows them as annotations, the Problems view lists them.
 */
final class PtlockValidationStrategy extends WholeDocumentStrategy {
	/** to repaint when the names the spec declares change (semantic highlighting) */
	volatile org.eclipse.jface.text.ITextViewer viewer;

	@Override
	protected void update(IDocument d) {
		IFile file = Documents.file(d);
		IPath location = file == null ? null : file.getLocation();
		if (location == null) {
			// not a workspace file, or deleted meanwhile: nothing to mark
			return;
		}
		List<Issue> issues = PtlockUiPlugin.services().loader().validateText(location.toFile().toPath(), d.get());
		ProblemMarkers.replace(file, issues, d.getLength());
		// the first .ptl file opened in a project gives it the ptlock nature: its builder keeps the markers of the
		// files no editor has open (and they persist across restarts)
		if (!ptlock.ui.build.PtlockNature.has(file.getProject()) && file.getProject().isAccessible()) {
			ptlock.ui.build.AddNatureHandler.schedule(file.getProject());
		}
		LoadedSpec spec = PtlockUiPlugin.services().loader().loadText(location.toFile().toPath(), d.get());
		java.util.Map<String, SemanticNames.Kind> names = SemanticNames.of(spec.models());
		if (!names.equals(PtlockUiPlugin.services().semanticNames(d))) {
			PtlockUiPlugin.services().semanticNames(d, names);
			org.eclipse.jface.text.ITextViewer v = viewer;
			if (v != null && v.getTextWidget() != null && !v.getTextWidget().isDisposed()) {
				v.getTextWidget().getDisplay().asyncExec(() -> {
					if (v.getTextWidget() != null && !v.getTextWidget().isDisposed()) {
						v.invalidateTextPresentation();
					}
				});
			}
		}
	}
}
