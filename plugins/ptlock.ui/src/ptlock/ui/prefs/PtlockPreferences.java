package ptlock.ui.prefs;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import ptlock.ui.check.CheckSettings;

/** The preference keys of Window > Preferences > ptlock, and the settings a check reads from them. */
public final class PtlockPreferences {
	public static final String NODE = "ptlock.ui";
	public static final String ENGINE = "engine";
	public static final String WORKERS = "tlcWorkers";
	public static final String HEAP_MB = "tlcHeapMb";
	public static final String TIME_LIMIT_S = "timeLimitSeconds";

	private PtlockPreferences() {
	}

	/** The settings a check launched now uses (defaults: the simulator, 1 TLC worker, 1024 MB, no limit). */
	public static CheckSettings current() {
		IEclipsePreferences p = InstanceScope.INSTANCE.getNode(NODE);
		return new CheckSettings(p.get(ENGINE, CheckSettings.DEFAULT.engine()),
				p.getInt(WORKERS, CheckSettings.DEFAULT.workers()), p.getInt(HEAP_MB, CheckSettings.DEFAULT.heapMb()),
				p.getInt(TIME_LIMIT_S, CheckSettings.DEFAULT.timeLimitSeconds()));
	}
}
