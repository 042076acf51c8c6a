package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Workbench tests on a fresh project holding a copy of specs/ (the seed specs, the prelude, the models). A test
 * fails when an error was logged while it ran.
 */
abstract class SeedWorkspaceTest {
	private final ErrorLogGuard errors = new ErrorLogGuard();
	protected IProject project;

	@BeforeEach
	public void setUpWorkspace() throws CoreException, IOException {
		errors.start();
		PlatformUI.getWorkbench().getIntroManager().closeIntro(PlatformUI.getWorkbench().getIntroManager().getIntro());
		project = Workspaces.withSpecs();
	}

	/** What a test class must stop before its project goes (running checks). */
	protected void stop() {
	}

	@AfterEach
	public void tearDownWorkspace() throws CoreException {
		stop();
		page().closeAllEditors(false);
		UiWait.settle(200);
		project.delete(true, true, new NullProgressMonitor());
		List<IStatus> logged = errors.stop();
		if (!logged.isEmpty()) {
			fail("errors were logged: " + logged);
		}
	}

	protected static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}
}
