package ptlock.ui.launch;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;

import ptlock.lang.load.LoadedSpec;
import ptlock.lang.ptlock.Scenario;
import ptlock.ui.PtlockUiPlugin;

/**
 * Spec file (typed, or chosen with Browse... among the workspace's .ptl files), scenario (one of the spec's, listed
 * once the spec is chosen; empty: all), matrix or not, the engine (empty: the preference), and distributed TLC
 * ({@link DistributionControls}).
 */
public final class CheckTab extends AbstractLaunchConfigurationTab {
	private static final String[] ENGINES = { "", "sim", "tlc", "both" };
	private Text file;
	private Combo scenario;
	private String listedFor;
	private Button matrix;
	private Combo engine;
	private DistributionControls distribution;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(3, false));
		file = field(c, "Spec (workspace path):");
		Button browse = new Button(c, SWT.PUSH);
		browse.setText("Browse...");
		browse.addListener(SWT.Selection, e -> browse());
		new Label(c, SWT.NONE).setText("Scenario (empty: all):");
		scenario = new Combo(c, SWT.DROP_DOWN);
		scenario.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		scenario.addModifyListener(e -> updateLaunchConfigurationDialog());
		file.addModifyListener(e -> listScenarios());
		new Label(c, SWT.NONE).setText("Engine:");
		engine = new Combo(c, SWT.READ_ONLY);
		engine.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		engine.setItems("(preference)", "simulator", "TLC", "both");
		engine.addModifyListener(e -> updateLaunchConfigurationDialog());
		distribution = new DistributionControls(c, this::updateLaunchConfigurationDialog);
		matrix = new Button(c, SWT.CHECK);
		matrix.setText("Check the series matrix (every prefix of the series x every architecture)");
		matrix.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		matrix.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
		setControl(c);
	}

	private Text field(Composite c, String label) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> updateLaunchConfigurationDialog());
		return t;
	}

	/** A workspace .ptl file, chosen in the Open Resource dialog (filtered to *.ptl). */
	private void browse() {
		FilteredResourcesSelectionDialog d = new FilteredResourcesSelectionDialog(getShell(), false,
				ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
		d.setTitle("Choose a ptlock spec");
		d.setInitialPattern("*.ptl");
		if (d.open() == Window.OK && d.getFirstResult() instanceof IFile f) {
			file.setText(f.getFullPath().toString());
		}
	}

	/** The chosen spec's scenarios in the scenario list (loaded once per spec path, when it names a .ptl file). */
	private void listScenarios() {
		String path = file.getText().strip();
		if (path.equals(listedFor)) {
			return;
		}
		listedFor = path;
		String keep = scenario.getText();
		IFile f = spec(path);
		scenario.setItems(f == null ? new String[0] : scenarioNames(f).toArray(String[]::new));
		scenario.setText(keep);
	}

	private static IFile spec(String workspacePath) {
		if (!workspacePath.endsWith(".ptl") || !org.eclipse.core.runtime.Path.ROOT.isValidPath(workspacePath)) {
			return null;
		}
		IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(workspacePath);
		return r instanceof IFile f && f.getLocation() != null ? f : null;
	}

	/** The names of the spec's scenarios, in order (none if it does not load). */
	public static List<String> scenarioNames(IFile spec) {
		LoadedSpec loaded = PtlockUiPlugin.services().loader().withoutStaticRules()
				.load(spec.getLocation().toFile().toPath());
		return loaded.scenarios().stream().map(Scenario::getName).distinct().toList();
	}

	/** For tests: the scenarios the list offers. */
	public List<String> listedScenarios() {
		return List.of(scenario.getItems());
	}

	/** For tests: the spec field. */
	public void setSpec(String workspacePath) {
		file.setText(workspacePath);
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(LaunchAttributes.FILE, "");
		config.setAttribute(LaunchAttributes.SCENARIO, "");
		config.setAttribute(LaunchAttributes.MATRIX, false);
		config.setAttribute(LaunchAttributes.ENGINE, "");
		DistributionControls.setDefaults(config);
	}

	@Override
	public void initializeFrom(ILaunchConfiguration config) {
		try {
			file.setText(config.getAttribute(LaunchAttributes.FILE, ""));
			scenario.setText(config.getAttribute(LaunchAttributes.SCENARIO, ""));
			matrix.setSelection(config.getAttribute(LaunchAttributes.MATRIX, false));
			engine.select(Math.max(0, java.util.Arrays.asList(ENGINES).indexOf(config.getAttribute(LaunchAttributes.ENGINE, ""))));
			distribution.initializeFrom(config);
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(LaunchAttributes.FILE, file.getText().strip());
		config.setAttribute(LaunchAttributes.SCENARIO, scenario.getText().strip());
		config.setAttribute(LaunchAttributes.MATRIX, matrix.getSelection());
		config.setAttribute(LaunchAttributes.ENGINE, ENGINES[Math.max(0, engine.getSelectionIndex())]);
		distribution.performApply(config);
	}

	@Override
	public boolean isValid(ILaunchConfiguration config) {
		setErrorMessage(file.getText().strip().endsWith(".ptl") ? null : "choose a .ptl spec");
		if (getErrorMessage() == null) {
			setErrorMessage(distribution.problem());
		}
		return getErrorMessage() == null;
	}

	@Override
	public String getName() {
		return "ptlock";
	}
}
