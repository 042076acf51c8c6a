package ptlock.ui.prefs;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;

import ptlock.check.TlcDistribution;
import ptlock.ui.check.CheckSettings;
import ptlock.ui.check.DistributionMode;

/** The preference keys of Window > Preferences > ptlock, and the settings a check reads from them. */
public final class PtlockPreferences {
	public static final String NODE = "ptlock.ui";
	public static final String ENGINE = "engine";
	public static final String WORKERS = "tlcWorkers";
	public static final String HEAP_MB = "tlcHeapMb";
	public static final String TIME_LIMIT_S = "timeLimitSeconds";
	/** distributed TLC: a {@link DistributionMode} key */
	public static final String DISTRIBUTION = "tlcDistribution";
	public static final String LOCAL_WORKERS = "tlcLocalWorkers";
	public static final String PORT = "tlcPort";
	/** the host name the TLC server advertises to its workers; empty: automatic */
	public static final String HOSTNAME = "tlcHostname";
	public static final String WORKER_HEAP_MB = "tlcWorkerHeapMb";
	public static final String FPSET_SERVERS = "tlcFpsetServers";

	/** Two local workers: the least that makes distributing worth trying on one machine. */
	public static final int DEFAULT_LOCAL_WORKERS = 2;

	private PtlockPreferences() {
	}

	/**
	 * The settings a check launched now uses (defaults: the simulator, 1 TLC worker, 1024 MB, no limit, TLC not
	 * distributed).
	 */
	public static CheckSettings current() {
		IEclipsePreferences p = InstanceScope.INSTANCE.getNode(NODE);
		TlcDistribution d = DistributionMode.of(p.get(DISTRIBUTION, DistributionMode.OFF.key())).distribution(
				p.getInt(LOCAL_WORKERS, DEFAULT_LOCAL_WORKERS), p.getInt(PORT, TlcDistribution.DEFAULT_PORT),
				p.get(HOSTNAME, ""), p.getInt(WORKER_HEAP_MB, TlcDistribution.DEFAULT_WORKER_HEAP_MB),
				p.getInt(FPSET_SERVERS, 0));
		return new CheckSettings(p.get(ENGINE, CheckSettings.DEFAULT.engine()),
				p.getInt(WORKERS, CheckSettings.DEFAULT.workers()), p.getInt(HEAP_MB, CheckSettings.DEFAULT.heapMb()),
				p.getInt(TIME_LIMIT_S, CheckSettings.DEFAULT.timeLimitSeconds()), d);
	}

	/** The same defaults as {@link #current()}, for the preference page's Restore Defaults. */
	static void setDefaults(IPreferenceStore store) {
		store.setDefault(ENGINE, CheckSettings.DEFAULT.engine());
		store.setDefault(WORKERS, CheckSettings.DEFAULT.workers());
		store.setDefault(HEAP_MB, CheckSettings.DEFAULT.heapMb());
		store.setDefault(TIME_LIMIT_S, CheckSettings.DEFAULT.timeLimitSeconds());
		store.setDefault(DISTRIBUTION, DistributionMode.OFF.key());
		store.setDefault(LOCAL_WORKERS, DEFAULT_LOCAL_WORKERS);
		store.setDefault(PORT, TlcDistribution.DEFAULT_PORT);
		store.setDefault(HOSTNAME, "");
		store.setDefault(WORKER_HEAP_MB, TlcDistribution.DEFAULT_WORKER_HEAP_MB);
		store.setDefault(FPSET_SERVERS, 0);
	}
}
