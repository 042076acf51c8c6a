package ptlock.ui.launch;

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

/** Spec file, scenario (empty: all), matrix or not, and the engine (empty: the preference). */
final class CheckTab extends AbstractLaunchConfigurationTab {
	private static final String[] ENGINES = { "", "sim", "tlc", "both" };
	private Text file;
	private Text scenario;
	private Button matrix;
	private Combo engine;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		file = field(c, "Spec (workspace path):");
		scenario = field(c, "Scenario (empty: all):");
		new Label(c, SWT.NONE).setText("Engine:");
		engine = new Combo(c, SWT.READ_ONLY);
		engine.setItems("(preference)", "simulator", "TLC", "both");
		engine.addModifyListener(e -> updateLaunchConfigurationDialog());
		matrix = new Button(c, SWT.CHECK);
		matrix.setText("Check the series matrix (every prefix of the series x every architecture)");
		matrix.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
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

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(LaunchAttributes.FILE, "");
		config.setAttribute(LaunchAttributes.SCENARIO, "");
		config.setAttribute(LaunchAttributes.MATRIX, false);
		config.setAttribute(LaunchAttributes.ENGINE, "");
	}

	@Override
	public void initializeFrom(ILaunchConfiguration config) {
		try {
			file.setText(config.getAttribute(LaunchAttributes.FILE, ""));
			scenario.setText(config.getAttribute(LaunchAttributes.SCENARIO, ""));
			matrix.setSelection(config.getAttribute(LaunchAttributes.MATRIX, false));
			engine.select(Math.max(0, java.util.Arrays.asList(ENGINES).indexOf(config.getAttribute(LaunchAttributes.ENGINE, ""))));
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
	}

	@Override
	public boolean isValid(ILaunchConfiguration config) {
		setErrorMessage(file.getText().strip().endsWith(".ptl") ? null : "choose a .ptl spec");
		return getErrorMessage() == null;
	}

	@Override
	public String getName() {
		return "ptlock";
	}
}
