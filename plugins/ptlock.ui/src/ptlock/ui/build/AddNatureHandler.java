package ptlock.ui.build;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Configure > Add ptlock Nature on the selected projects; the build that follows marks their .ptl files. */
public final class AddNatureHandler extends AbstractHandler {
	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
			for (Object o : selection) {
				IProject project = Adapters.adapt(o, IProject.class);
				if (project == null && Adapters.adapt(o, IResource.class) instanceof IResource r) {
					project = r.getProject();
				}
				if (project != null) {
					schedule(project);
				}
			}
		}
		return null;
	}

	/** Adds the nature in a workspace job (it changes the project description). */
	public static void schedule(IProject project) {
		WorkspaceJob job = new WorkspaceJob("Adding the ptlock nature to " + project.getName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws org.eclipse.core.runtime.CoreException {
				PtlockNature.add(project, monitor);
				return Status.OK_STATUS;
			}
		};
		// a new nature configures a builder: the description change needs the workspace root
		job.setRule(project.getWorkspace().getRoot());
		job.schedule();
	}
}
