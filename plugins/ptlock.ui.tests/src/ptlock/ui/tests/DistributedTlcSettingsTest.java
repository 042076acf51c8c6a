package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.BackingStoreException;

import ptlock.check.TlcDistribution;
import ptlock.ui.check.CheckSettings;
import ptlock.ui.launch.CheckLaunchDelegate;
import ptlock.ui.launch.CheckTab;
import ptlock.ui.launch.LaunchAttributes;
import ptlock.ui.prefs.PtlockPreferencePage;
import ptlock.ui.prefs.PtlockPreferences;

/**
 * Choosing distributed TLC from Eclipse, through the widgets a user works: the preference page's fields reach the
 * settings a check runs with (and are greyed where they mean nothing), and the launch tab's rows round-trip a launch
 * configuration's attributes, which the launch turns into the same settings. No error may be logged.
 */
public class DistributedTlcSettingsTest {
	private final ErrorLogGuard errors = new ErrorLogGuard();
	private Shell shell;

	@BeforeEach
	public void setUp() {
		errors.start();
		// a child of the workbench window, so that a screenshot of the window shows it
		shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), org.eclipse.swt.SWT.SHELL_TRIM);
	}

	/** Every preference back to its default, so that the other tests see the defaults. */
	@AfterEach
	public void tearDown() throws BackingStoreException {
		shell.dispose();
		InstanceScope.INSTANCE.getNode(PtlockPreferences.NODE).clear();
		InstanceScope.INSTANCE.getNode(PtlockPreferences.NODE).flush();
		List<IStatus> logged = errors.stop();
		if (!logged.isEmpty()) {
			fail("errors were logged: " + logged);
		}
	}

	private PtlockPreferencePage page(Composite parent) {
		PtlockPreferencePage page = new PtlockPreferencePage();
		page.init(PlatformUI.getWorkbench());
		page.createControl(parent);
		return page;
	}

	@Test
	public void thePreferencePageChoosesTheDistributionACheckRunsWith() {
		assertEquals(TlcDistribution.OFF, PtlockPreferences.current().distribution(), "local TLC by default");
		PtlockPreferencePage page = page(shell);
		try {
			Composite form = (Composite) page.getControl();
			// the defaults the page shows: two local workers, TLC's own port, the automatic host name
			assertEquals("2", Controls.after(form, "Local workers", Text.class).getText());
			assertEquals("10997", Controls.after(form, "RMI port", Text.class).getText());
			assertEquals("", Controls.after(form, "Host name to advertise", Text.class).getText());
			assertEquals("0", Controls.after(form, "Fingerprint-set servers", Text.class).getText());

			Controls.choose(Controls.after(form, "Default engine", Combo.class), "TLC");
			Controls.choose(Controls.after(form, "Mode", Combo.class), "Local workers");
			Controls.after(form, "Local workers", Text.class).setText("3");
			Controls.after(form, "RMI port", Text.class).setText("12997");
			Controls.after(form, "Host name to advertise", Text.class).setText("build-host.example");
			Controls.after(form, "Heap of each local worker", Text.class).setText("768");
			Controls.after(form, "Fingerprint-set servers", Text.class).setText("1");
			assertTrue(page.isValid(), page.getErrorMessage());
			assertTrue(page.performOk());
			CheckSettings settings = PtlockPreferences.current();
			assertEquals("tlc", settings.engine());
			assertEquals(new TlcDistribution(true, 3, 12997, "build-host.example", 1, 768, 1), settings.distribution());

			// waiting for remote workers: no local ones, the rest as chosen
			Controls.choose(Controls.after(form, "Mode", Combo.class), "Wait for remote workers");
			assertTrue(page.performOk());
			TlcDistribution remote = PtlockPreferences.current().distribution();
			assertTrue(remote.waitsForRemoteWorkers(), remote.toString());
			assertEquals(new TlcDistribution(true, 0, 12997, "build-host.example", 1, 768, 1), remote);

			// an empty host name is the automatic one (null), not a host called ""
			Controls.after(form, "Host name to advertise", Text.class).setText("");
			Controls.choose(Controls.after(form, "Mode", Combo.class), "Off");
			assertTrue(page.performOk());
			assertEquals(TlcDistribution.OFF, PtlockPreferences.current().distribution());
			Controls.choose(Controls.after(form, "Mode", Combo.class), "Wait for remote workers");
			assertTrue(page.performOk());
			assertNull(PtlockPreferences.current().distribution().hostname());
		} finally {
			page.dispose();
		}
	}

	@Test
	public void theDistributionFieldsAreGreyedWhereTheyMeanNothing() {
		PtlockPreferencePage page = page(shell);
		try {
			Composite form = (Composite) page.getControl();
			Combo mode = Controls.after(form, "Mode", Combo.class);
			Text workers = Controls.after(form, "Local workers", Text.class);
			Text port = Controls.after(form, "RMI port", Text.class);
			Text host = Controls.after(form, "Host name to advertise", Text.class);
			Text heap = Controls.after(form, "Heap of each local worker", Text.class);
			Group group = (Group) mode.getParent();
			assertTrue(group.getText().contains("TLC or both"), "the group says when it applies: " + group.getText());
			// the simulator (the default engine) has no use for any of it
			assertFalse(mode.isEnabled() || workers.isEnabled() || port.isEnabled() || host.isEnabled());
			Controls.choose(Controls.after(form, "Default engine", Combo.class), "Both");
			assertTrue(mode.isEnabled());
			assertFalse(workers.isEnabled() || port.isEnabled(), "distribution off: no workers, no port");
			Controls.choose(mode, "Local workers");
			assertTrue(workers.isEnabled() && heap.isEnabled() && port.isEnabled() && host.isEnabled());
			Controls.choose(mode, "Wait for remote workers");
			assertTrue(port.isEnabled() && host.isEnabled(), "remote workers need the port and the host name");
			assertFalse(workers.isEnabled() || heap.isEnabled(), "no local workers to count or size");
			Controls.choose(Controls.after(form, "Default engine", Combo.class), "Simulator");
			assertFalse(mode.isEnabled() || port.isEnabled());
			// Restore Defaults: back to the simulator, greyed again, with the default values shown
			Controls.choose(Controls.after(form, "Default engine", Combo.class), "TLC");
			Controls.press(form, "Restore Defaults");
			assertFalse(mode.isEnabled());
			assertEquals("10997", port.getText());
		} finally {
			page.dispose();
		}
	}

	@Test
	public void thePreferencesDialogShowsTheDistributedTlcFields() {
		Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window, "ptlock.ui.preferences",
				new String[] { "ptlock.ui.preferences" }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Shell d = dialog.getShell();
			d.setSize(900, 720);
			Controls.choose(Controls.after(d, "Default engine", Combo.class), "TLC");
			Controls.choose(Controls.after(d, "Mode", Combo.class), "Local workers");
			Text port = Controls.after(d, "RMI port", Text.class);
			assertTrue(port.isEnabled() && port.isVisible(), "the port field is shown and enabled");
			assertTrue(visibleInside(d, Controls.after(d, "Fingerprint-set servers", Text.class)),
					"the last field fits in the dialog");
			UiWait.settle(500);
			Screenshots.save("preferences-distributed-tlc");
		} finally {
			// Cancel: nothing the test chose is stored
			dialog.close();
		}
		assertEquals(TlcDistribution.OFF, PtlockPreferences.current().distribution());
	}

	private static boolean visibleInside(Shell shell, Control c) {
		org.eclipse.swt.graphics.Rectangle onDisplay = c.getDisplay().map(c.getParent(), null, c.getBounds());
		return c.isVisible() && shell.getBounds().contains(onDisplay.x + onDisplay.width - 1,
				onDisplay.y + onDisplay.height - 1);
	}

	// ---- the launch configuration tab

	private static ILaunchConfigurationWorkingCopy configuration(String name) throws CoreException {
		return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(LaunchAttributes.TYPE)
				.newInstance(null, name);
	}

	@Test
	public void theLaunchTabRoundTripsTheDistribution() throws CoreException {
		CheckTab tab = new CheckTab();
		tab.createControl(shell);
		Composite form = (Composite) tab.getControl();
		ILaunchConfigurationWorkingCopy saved = configuration("distributed");
		tab.setDefaults(saved);
		assertEquals("", saved.getAttribute(LaunchAttributes.DISTRIBUTION, "?"), "the preferences' by default");
		saved.setAttribute(LaunchAttributes.FILE, "/p/specs/seed/retract_vs_fault.ptl");
		saved.setAttribute(LaunchAttributes.DISTRIBUTION, "local");
		saved.setAttribute(LaunchAttributes.LOCAL_WORKERS, 3);
		saved.setAttribute(LaunchAttributes.PORT, 12997);
		saved.setAttribute(LaunchAttributes.HOSTNAME, "build-host.example");

		tab.initializeFrom(saved);
		Combo mode = Controls.after(form, "Distributed TLC", Combo.class);
		Spinner workers = Controls.after(form, "Local workers", Spinner.class);
		Spinner port = Controls.after(form, "RMI port", Spinner.class);
		Text host = Controls.after(form, "Host name to advertise", Text.class);
		assertEquals("Local workers", mode.getText());
		assertEquals(3, workers.getSelection());
		assertEquals(12997, port.getSelection());
		assertEquals("build-host.example", host.getText());
		assertTrue(workers.isEnabled());
		shell.setLayout(new org.eclipse.swt.layout.FillLayout());
		shell.setSize(760, 380);
		shell.open();
		UiWait.settle(400);
		Screenshots.save("launch-tab-distributed-tlc");
		ILaunchConfigurationWorkingCopy copy = configuration("copy");
		tab.performApply(copy);
		assertEquals(attributes(saved), attributes(copy), "what the tab shows is what it saves");

		// a user switches to remote workers on another port, with the automatic host name
		Controls.choose(mode, "Wait for remote workers");
		port.setSelection(13000);
		host.setText("");
		assertFalse(workers.isEnabled(), "no local workers to count");
		assertTrue(port.isEnabled() && host.isEnabled());
		tab.performApply(copy);
		assertEquals(List.of("remote", 3, 13000, ""), attributes(copy));
		// the launch runs with those, and the preferences' heap and fingerprint-set servers
		CheckSettings preferences = new CheckSettings("tlc", 1, 1024, 0,
				TlcDistribution.localWorkers(2).withWorkers(2, 768, 1).withFpsetServers(1));
		assertEquals(new TlcDistribution(true, 0, 13000, null, 1, 768, 1),
				CheckLaunchDelegate.settings(copy, preferences).distribution());

		// "(preference)": the launch leaves the preferences' distribution alone, and the rows are greyed
		Controls.choose(mode, "(preference)");
		assertFalse(port.isEnabled() || host.isEnabled() || workers.isEnabled());
		tab.performApply(copy);
		assertEquals("", copy.getAttribute(LaunchAttributes.DISTRIBUTION, "?"));
		assertEquals(preferences, CheckLaunchDelegate.settings(copy, preferences));

		// off overrides distributing preferences
		Controls.choose(mode, "Off");
		tab.performApply(copy);
		assertEquals(TlcDistribution.OFF, CheckLaunchDelegate.settings(copy, preferences).distribution());
	}

	@Test
	public void theLaunchTabRefusesAHostNameWithASpace() throws CoreException {
		CheckTab tab = new CheckTab();
		tab.createControl(shell);
		Composite form = (Composite) tab.getControl();
		ILaunchConfigurationWorkingCopy config = configuration("bad host");
		tab.setDefaults(config);
		config.setAttribute(LaunchAttributes.FILE, "/p/specs/seed/retract_vs_fault.ptl");
		config.setAttribute(LaunchAttributes.DISTRIBUTION, "remote");
		tab.initializeFrom(config);
		assertTrue(tab.isValid(config), tab.getErrorMessage());
		Controls.after(form, "Host name to advertise", Text.class).setText("build host");
		assertFalse(tab.isValid(config));
		assertTrue(tab.getErrorMessage().contains("host name"), tab.getErrorMessage());
	}

	private static List<Object> attributes(ILaunchConfigurationWorkingCopy c) throws CoreException {
		return Arrays.asList(c.getAttribute(LaunchAttributes.DISTRIBUTION, "?"),
				c.getAttribute(LaunchAttributes.LOCAL_WORKERS, -1), c.getAttribute(LaunchAttributes.PORT, -1),
				c.getAttribute(LaunchAttributes.HOSTNAME, "?"));
	}
}
