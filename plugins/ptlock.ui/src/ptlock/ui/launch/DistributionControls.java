package ptlock.ui.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import ptlock.check.TlcDistribution;
import ptlock.ui.check.DistributionMode;
import ptlock.ui.prefs.PtlockPreferences;

/**
 * The launch tab's distributed TLC rows: the mode (or the preferences'), the number of local workers, the RMI port
 * and the host name to advertise. Each row is enabled only when the chosen mode uses it.
 */
final class DistributionControls {
	/** the combo's entries: "" (the preferences) then the modes, as stored in {@link LaunchAttributes#DISTRIBUTION} */
	private static final String[] KEYS = { "", DistributionMode.OFF.key(), DistributionMode.LOCAL.key(),
			DistributionMode.REMOTE.key() };
	private final Combo mode;
	private final Spinner localWorkers;
	private final Spinner port;
	private final Text hostname;

	/** The rows, in a composite of three columns (label, then a control across two), calling onChange on edits. */
	DistributionControls(Composite c, Runnable onChange) {
		label(c, "Distributed TLC (engines TLC, both):");
		mode = new Combo(c, SWT.READ_ONLY);
		mode.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		mode.add("(preference)");
		for (int i = 1; i < KEYS.length; i++) {
			mode.add(DistributionMode.of(KEYS[i]).label());
		}
		mode.addModifyListener(e -> {
			updateEnablement();
			onChange.run();
		});
		label(c, "Local workers:");
		localWorkers = spinner(c, 1, 64, onChange);
		label(c, "RMI port:");
		port = spinner(c, 1, 65535, onChange);
		label(c, "Host name to advertise (empty: automatic):");
		hostname = new Text(c, SWT.BORDER);
		hostname.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		hostname.addModifyListener(e -> onChange.run());
	}

	private static void label(Composite c, String text) {
		new Label(c, SWT.NONE).setText(text);
	}

	private static Spinner spinner(Composite c, int min, int max, Runnable onChange) {
		Spinner s = new Spinner(c, SWT.BORDER);
		s.setValues(min, min, max, 0, 1, 10);
		s.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		s.addModifyListener(e -> onChange.run());
		return s;
	}

	private DistributionMode chosen() {
		int i = mode.getSelectionIndex();
		return i <= 0 ? null : DistributionMode.of(KEYS[i]);
	}

	/** With the preferences' mode or OFF nothing else applies; port and host name apply to both distributed modes. */
	private void updateEnablement() {
		DistributionMode m = chosen();
		boolean distributed = m == DistributionMode.LOCAL || m == DistributionMode.REMOTE;
		localWorkers.setEnabled(m == DistributionMode.LOCAL);
		port.setEnabled(distributed);
		hostname.setEnabled(distributed);
	}

	static void setDefaults(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(LaunchAttributes.DISTRIBUTION, "");
		config.setAttribute(LaunchAttributes.LOCAL_WORKERS, PtlockPreferences.DEFAULT_LOCAL_WORKERS);
		config.setAttribute(LaunchAttributes.PORT, TlcDistribution.DEFAULT_PORT);
		config.setAttribute(LaunchAttributes.HOSTNAME, "");
	}

	void initializeFrom(ILaunchConfiguration config) throws CoreException {
		mode.select(Math.max(0, java.util.Arrays.asList(KEYS).indexOf(config.getAttribute(LaunchAttributes.DISTRIBUTION, ""))));
		localWorkers.setSelection(config.getAttribute(LaunchAttributes.LOCAL_WORKERS, PtlockPreferences.DEFAULT_LOCAL_WORKERS));
		port.setSelection(config.getAttribute(LaunchAttributes.PORT, TlcDistribution.DEFAULT_PORT));
		hostname.setText(config.getAttribute(LaunchAttributes.HOSTNAME, ""));
		updateEnablement();
	}

	void performApply(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(LaunchAttributes.DISTRIBUTION, KEYS[Math.max(0, mode.getSelectionIndex())]);
		config.setAttribute(LaunchAttributes.LOCAL_WORKERS, localWorkers.getSelection());
		config.setAttribute(LaunchAttributes.PORT, port.getSelection());
		config.setAttribute(LaunchAttributes.HOSTNAME, hostname.getText().strip());
	}

	/** Why the rows cannot run, or null. */
	String problem() {
		return hostname.isEnabled() && hostname.getText().strip().chars().anyMatch(Character::isWhitespace)
				? "the host name to advertise has a space in it"
				: null;
	}
}
