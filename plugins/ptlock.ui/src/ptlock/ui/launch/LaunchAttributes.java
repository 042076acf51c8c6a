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

	private LaunchAttributes() {
	}
}
