package ptlock.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

import ptlock.ui.check.CheckJob;
import ptlock.ui.check.CheckSettings;
import ptlock.ui.prefs.PtlockPreferences;

/** Runs a ptlock launch configuration: saves nothing, schedules a {@link CheckJob} (progress, cancel) and returns. */
public final class CheckLaunchDelegate implements ILaunchConfigurationDelegate {
	@Override
	public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		String path = config.getAttribute(LaunchAttributes.FILE, "");
		IFile file = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(path));
		if (file == null || !file.exists()) {
			throw new CoreException(Status.error("ptlock: no spec file '" + path + "' in the workspace"));
		}
		String scenario = config.getAttribute(LaunchAttributes.SCENARIO, "");
		String engine = config.getAttribute(LaunchAttributes.ENGINE, "");
		CheckSettings settings = PtlockPreferences.current();
		if (!engine.isEmpty()) {
			settings = settings.withEngine(engine);
		}
		boolean matrix = config.getAttribute(LaunchAttributes.MATRIX, false);
		CheckJob job = new CheckJob(new CheckJob.Request(file.getLocation().toFile().toPath(),
				scenario.isEmpty() ? null : scenario, matrix, settings));
		job.addJobChangeListener(new ShowResults(matrix));
		job.schedule();
	}
}
