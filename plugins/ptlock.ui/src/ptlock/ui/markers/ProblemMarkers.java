package ptlock.ui.markers;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import ptlock.lang.load.Issue;

/** Keeps a file's ptlock problem markers equal to the latest validation result. */
public final class ProblemMarkers {
	/** The marker type (plugin.xml): a problem marker and a text marker. */
	public static final String TYPE = "ptlock.ui.problem";
	/** Marker attribute holding the issue code (IssueCodes). */
	public static final String CODE = "code";

	private ProblemMarkers() {
	}

	/** Replaces the markers in a workspace job (so the reconciler thread never holds the workspace lock). */
	public static void replace(IFile file, List<Issue> issues, int documentLength) {
		Job job = Job.create("Updating ptlock problems of " + file.getName(), monitor -> {
			try {
				if (file.exists()) {
					ResourcesPlugin.getWorkspace().run(m -> set(file, issues, documentLength), file, IResource.NONE,
							monitor);
				}
			} catch (CoreException e) {
				ILog.of(ProblemMarkers.class).log(Status.error("cannot update ptlock markers of " + file, e));
			}
		});
		job.setRule(file);
		job.setSystem(true);
		job.schedule();
	}

	/**
	 * Replaces the markers now (the caller holds the file's rule: a build). The message ends with the issue code in
	 * brackets, as on the command line, so the Problems view shows which rule or check it is.
	 */
	public static void set(IFile file, List<Issue> issues, int documentLength) throws CoreException {
		file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
		for (Issue i : issues) {
			IMarker marker = file.createMarker(TYPE);
			int start = Math.max(0, Math.min(i.offset(), documentLength));
			int end = Math.min(documentLength, start + Math.max(1, i.length()));
			marker.setAttribute(IMarker.SEVERITY, i.severity() == Issue.Severity.ERROR ? IMarker.SEVERITY_ERROR
					: IMarker.SEVERITY_WARNING);
			marker.setAttribute(IMarker.MESSAGE, i.code() == null ? i.message() : i.message() + " [" + i.code() + "]");
			marker.setAttribute(IMarker.LINE_NUMBER, i.line());
			marker.setAttribute(IMarker.CHAR_START, start);
			marker.setAttribute(IMarker.CHAR_END, Math.max(end, start));
			marker.setAttribute(IMarker.LOCATION, "line " + i.line());
			marker.setAttribute(CODE, i.code());
		}
	}
}
