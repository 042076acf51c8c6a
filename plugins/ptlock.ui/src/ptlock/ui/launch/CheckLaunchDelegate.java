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

import ptlock.check.TlcDistribution;
import ptlock.ui.check.CheckJob;
import ptlock.ui.check.CheckSettings;
import ptlock.ui.check.DistributionMode;
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
		CheckSettings settings = settings(config, PtlockPreferences.current());
		boolean matrix = config.getAttribute(LaunchAttributes.MATRIX, false);
		CheckJob job = new CheckJob(new CheckJob.Request(file.getLocation().toFile().toPath(),
				scenario.isEmpty() ? null : scenario, matrix, settings));
		job.addJobChangeListener(new ShowResults(matrix));
		job.schedule();
	}

	/**
	 * The settings a configuration runs with: the preferences, overridden by the engine and the distribution the
	 * configuration chooses. The tab has no heap or fingerprint-set servers for the workers: those stay the
	 * preferences'.
	 */
	public static CheckSettings settings(ILaunchConfiguration config, CheckSettings preferences)
			throws CoreException {
		CheckSettings settings = preferences;
		String engine = config.getAttribute(LaunchAttributes.ENGINE, "");
		if (!engine.isEmpty()) {
			settings = settings.withEngine(engine);
		}
		String mode = config.getAttribute(LaunchAttributes.DISTRIBUTION, "");
		if (!mode.isEmpty()) {
			TlcDistribution pref = preferences.distribution();
			try {
				settings = settings.withDistribution(DistributionMode.of(mode).distribution(
						config.getAttribute(LaunchAttributes.LOCAL_WORKERS, PtlockPreferences.DEFAULT_LOCAL_WORKERS),
						config.getAttribute(LaunchAttributes.PORT, TlcDistribution.DEFAULT_PORT),
						config.getAttribute(LaunchAttributes.HOSTNAME, ""), pref.workerHeapMb(),
						pref.fpsetServers()));
			} catch (IllegalArgumentException e) {
				// a .launch file edited by hand (the tab's spinners keep the port in range)
				throw new CoreException(Status.error("ptlock: " + config.getName() + ": " + e.getMessage(), e));
			}
		}
		return settings;
	}
}
