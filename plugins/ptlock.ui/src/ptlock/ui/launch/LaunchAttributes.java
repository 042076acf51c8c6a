package ptlock.ui.launch;

/** The attributes of a ptlock launch configuration (stable keys: saved in .launch files). */
public final class LaunchAttributes {
	public static final String TYPE = "ptlock.ui.checkLaunch";
	/** the spec, as a workspace path (/project/folder/spec.ptl) */
	public static final String FILE = "ptlock.file";
	/** one scenario, or "" for all */
	public static final String SCENARIO = "ptlock.scenario";
	/** check the series matrix instead of the scenarios */
	public static final String MATRIX = "ptlock.matrix";
	/** "sim", "tlc", "both", or "" for the preference */
	public static final String ENGINE = "ptlock.engine";
	/** distributed TLC: a DistributionMode key ("off", "local", "remote"), or "" for the preferences */
	public static final String DISTRIBUTION = "ptlock.tlc.distribution";
	/** with "local": how many workers ptlock starts on this machine */
	public static final String LOCAL_WORKERS = "ptlock.tlc.localWorkers";
	/** the RMI port of the TLC server */
	public static final String PORT = "ptlock.tlc.port";
	/** the host name the TLC server advertises to its workers; "": automatic */
	public static final String HOSTNAME = "ptlock.tlc.hostname";

	private LaunchAttributes() {
	}
}
