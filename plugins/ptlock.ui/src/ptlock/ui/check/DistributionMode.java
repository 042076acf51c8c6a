package ptlock.ui.check;

import ptlock.check.TlcDistribution;

/**
 * The three ways Eclipse offers to run TLC: one local JVM, distributed over workers ptlock starts here, or
 * distributed over workers other hosts start (ptlock tlc-worker). The key is what the preferences and launch
 * configurations store, so it must not change.
 */
public enum DistributionMode {
	OFF("off", "Off (one TLC JVM)"),
	LOCAL("local", "Local workers"),
	REMOTE("remote", "Wait for remote workers");

	private final String key;
	private final String label;

	DistributionMode(String key, String label) {
		this.key = key;
		this.label = label;
	}

	public String key() {
		return key;
	}

	public String label() {
		return label;
	}

	/** The mode stored under a key; OFF for an unknown one (a setting from a later version, or edited by hand). */
	public static DistributionMode of(String key) {
		for (DistributionMode m : values()) {
			if (m.key.equals(key)) {
				return m;
			}
		}
		return OFF;
	}

	/** The mode a distribution was made in. */
	public static DistributionMode of(TlcDistribution d) {
		return !d.enabled() ? OFF : d.waitsForRemoteWorkers() ? REMOTE : LOCAL;
	}

	/**
	 * The distribution of this mode with these settings (OFF ignores them). An empty host name means the automatic
	 * one; local workers are at least one, since none would mean waiting for remote ones.
	 */
	public TlcDistribution distribution(int localWorkers, int port, String hostname, int workerHeapMb,
			int fpsetServers) {
		if (this == OFF) {
			return TlcDistribution.OFF;
		}
		String host = hostname == null || hostname.isBlank() ? null : hostname.strip();
		int workers = this == LOCAL ? Math.max(1, localWorkers) : 0;
		return new TlcDistribution(true, workers, port, host, fpsetServers, workerHeapMb,
				TlcDistribution.OFF.workerThreads());
	}
}
