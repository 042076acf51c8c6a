package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import ptlock.ui.build.PtlockNature;

/**
 * The first half of the restart test: a project whose unopened broken.ptl the builder marked, autobuild off (so that
 * nothing rebuilds at the next start), the workspace saved. MarkersAfterRestartTest runs in a second workbench on
 * the same workspace (a second tycho-surefire execution, pom.xml).
 */
public class MarkersBeforeRestartTest {
	static final String PROJECT = "ptlock-restart";

	@Test
	public void aBuiltProjectIsLeftForTheNextWorkbench() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		PtlockNature.add(project, new NullProgressMonitor());
		IFile broken = PtlockBuilderTest.create(project, "broken.ptl", PtlockBuilderTest.BROKEN);
		project.build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
		assertEquals(1, PtlockBuilderTest.problems(broken).length);
		IWorkspaceDescription d = ResourcesPlugin.getWorkspace().getDescription();
		d.setAutoBuilding(false);
		ResourcesPlugin.getWorkspace().setDescription(d);
		ResourcesPlugin.getWorkspace().save(true, new NullProgressMonitor());
	}
}
