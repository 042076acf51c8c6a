package ptlock.ui.check;

/**
 * How a check runs: the engine ("sim", "tlc" or "both"), TLC's workers and heap, and a time limit per scenario
 * (0: none). From the preferences, or a launch configuration.
 */
public record CheckSettings(String engine, int workers, int heapMb, int timeLimitSeconds) {
	public static final CheckSettings DEFAULT = new CheckSettings("sim", 1, 1024, 0);

	public CheckSettings withEngine(String e) {
		return new CheckSettings(e, workers, heapMb, timeLimitSeconds);
	}
}
