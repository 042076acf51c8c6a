package ptlock.ui.launch;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import ptlock.ui.views.MatrixView;
import ptlock.ui.views.ResultsView;

/** When a launched check ends, brings its view (results, or the matrix) to the front. */
final class ShowResults extends JobChangeAdapter {
	private final boolean matrix;

	ShowResults(boolean matrix) {
		this.matrix = matrix;
	}

	@Override
	public void done(IJobChangeEvent event) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			IWorkbenchPage page = w == null ? null : w.getActivePage();
			if (page != null) {
				try {
					page.showView(matrix ? MatrixView.ID : ResultsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
				} catch (PartInitException e) {
					// the view cannot open: the console has the results
				}
			}
		});
	}
}
