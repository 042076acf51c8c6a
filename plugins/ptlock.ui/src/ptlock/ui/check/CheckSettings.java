package ptlock.ui.check;

import ptlock.check.TlcDistribution;

/**
 * How a check runs: the engine ("sim", "tlc" or "both"), TLC's workers and heap, a time limit per scenario (0:
 * none), and whether TLC runs distributed (the engines tlc and both only). From the preferences, or a launch
 * configuration.
 */
public record CheckSettings(String engine, int workers, int heapMb, int timeLimitSeconds,
		TlcDistribution distribution) {
	public static final CheckSettings DEFAULT = new CheckSettings("sim", 1, 1024, 0);

	/** Local TLC (not distributed). */
	public CheckSettings(String engine, int workers, int heapMb, int timeLimitSeconds) {
		this(engine, workers, heapMb, timeLimitSeconds, TlcDistribution.OFF);
	}

	public CheckSettings withEngine(String e) {
		return new CheckSettings(e, workers, heapMb, timeLimitSeconds, distribution);
	}

	public CheckSettings withDistribution(TlcDistribution d) {
		return new CheckSettings(engine, workers, heapMb, timeLimitSeconds, d);
	}
}
