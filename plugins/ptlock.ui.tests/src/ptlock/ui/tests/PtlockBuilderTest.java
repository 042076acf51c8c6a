package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;

import ptlock.ui.build.PtlockNature;
import ptlock.ui.build.SpecBuild;
import ptlock.ui.markers.ProblemMarkers;

/** The ptlock nature and builder: markers for files no editor has open, full and clean builds, the nature on open. */
public class PtlockBuilderTest extends SeedWorkspaceTest {
	/** A spec that calls a path nobody declares: an unknown-name error on line 2, in a file never opened. */
	static final String BROKEN = "spec broken;\npath p() { no_such_path(); }\n";

	static IMarker[] problems(IResource r) {
		try {
			return r.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_INFINITE);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}

	static IFile create(IProject project, String name, String text) throws CoreException {
		IFile f = project.getFile(name);
		f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return f;
	}

	@Test
	public void aFullBuildMarksFilesNoEditorHasOpenAndCleanRemovesWhatItMade() throws Exception {
		assertTrue(PtlockNature.has(project));
		IFile broken = create(project, "specs/broken.ptl", BROKEN);
		project.build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
		IMarker[] markers = problems(broken);
		assertEquals(1, markers.length, "one error on the unopened file");
		IMarker m = markers[0];
		assertEquals(2, m.getAttribute(IMarker.LINE_NUMBER, -1));
		String code = m.getAttribute(ProblemMarkers.CODE, "");
		assertTrue(code.startsWith("ptlock."), code);
		assertTrue(m.getAttribute(IMarker.MESSAGE, "").endsWith(" [" + code + "]"),
				"the Problems view shows the code: " + m.getAttribute(IMarker.MESSAGE, ""));
		assertTrue(project.getFolder(SpecBuild.OUTPUT).getFolder("retract_vs_fault").exists(), "tla-gen/ is built");

		project.build(IncrementalProjectBuilder.CLEAN_BUILD, new NullProgressMonitor());
		assertEquals(0, problems(project).length, "clean removes the markers");
		assertFalse(project.getFolder(SpecBuild.OUTPUT).exists(), "and tla-gen/");

		project.build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
		assertEquals(1, problems(broken).length, "the next build puts them back");
	}

	@Test
	public void openingAPtlFileGivesItsProjectTheNatureAndItsBuild() throws Exception {
		IProject bare = ResourcesPlugin.getWorkspace().getRoot().getProject("bare-" + UUID.randomUUID());
		bare.create(null);
		bare.open(null);
		try {
			IFile good = create(bare, "good.ptl", "spec good;\n");
			IFile broken = create(bare, "broken.ptl", BROKEN);
			Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
			assertFalse(PtlockNature.has(bare), "no nature before a .ptl file is opened");
			assertEquals(0, problems(broken).length, "and no build");
			IDE.openEditor(page(), good);
			UiWait.until(() -> PtlockNature.has(bare), 30_000, "the ptlock nature on the project");
			UiWait.until(() -> problems(broken).length == 1, 60_000, "the build's marker on the unopened file");
		} finally {
			page().closeAllEditors(false);
			UiWait.settle(200);
			bare.delete(true, true, null);
		}
	}
}
