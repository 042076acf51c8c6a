package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.junit.jupiter.api.Test;

import ptlock.ui.markers.ProblemMarkers;

/**
 * The second half of the restart test (its own workbench, on the workspace MarkersBeforeRestartTest left): the
 * problem of a file no editor has opened is still in the Problems view after the restart, before any build.
 */
public class MarkersAfterRestartTest {
	@Test
	public void theMarkersOfAnUnopenedFileSurviveARestart() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(MarkersBeforeRestartTest.PROJECT);
		assertTrue(project.exists(), "the first workbench's project is in the workspace");
		assertFalse(ResourcesPlugin.getWorkspace().isAutoBuilding(), "nothing was rebuilt at this start");
		IFile broken = project.getFile("broken.ptl");
		IMarker[] markers = broken.findMarkers(ProblemMarkers.TYPE, false, 0);
		assertEquals(1, markers.length, "the marker was saved with the workspace");
		assertTrue(markers[0].getAttribute(IMarker.MESSAGE, "").contains("[ptlock."),
				markers[0].getAttribute(IMarker.MESSAGE, ""));
		IWorkspaceDescription d = ResourcesPlugin.getWorkspace().getDescription();
		d.setAutoBuilding(true);
		ResourcesPlugin.getWorkspace().setDescription(d);
		project.delete(true, true, null);
	}
}
