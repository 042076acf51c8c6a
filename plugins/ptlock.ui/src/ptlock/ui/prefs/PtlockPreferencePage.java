package ptlock.ui.prefs;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import ptlock.ui.check.DistributionMode;

/**
 * Window > Preferences > ptlock: the engine, TLC's workers and heap, the time limit of a check, and distributed TLC.
 * The distribution's fields are enabled only where they mean something: with the engine tlc or both, and (the
 * count and heap of local workers) in the mode that uses them.
 */
public final class PtlockPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
	private ComboFieldEditor engine;
	private ComboFieldEditor mode;
	private Group distributed;
	private List<FieldEditor> whenDistributed;
	private List<FieldEditor> whenLocalWorkers;
	/** the values the two combos show now (their editors do not tell, but report each change) */
	private String engineShown;
	private String modeShown;

	public PtlockPreferencePage() {
		super(GRID);
		setDescription("Model checking from Eclipse (Run As > ptlock check). The same settings as the CLI's "
				+ "--engine, --workers, --heap and --timeout.");
	}

	@Override
	public void init(IWorkbench workbench) {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, PtlockPreferences.NODE);
		PtlockPreferences.setDefaults(store);
		setPreferenceStore(store);
	}

	@Override
	protected void createFieldEditors() {
		engine = new ComboFieldEditor(PtlockPreferences.ENGINE, "Default &engine:",
				new String[][] { { "Simulator (fast, the default)", "sim" }, { "TLC", "tlc" },
						{ "Both (each confirms the other)", "both" } },
				getFieldEditorParent());
		addField(engine);
		addField(integer(PtlockPreferences.WORKERS, "TLC &workers:", 1, 64, getFieldEditorParent()));
		addField(integer(PtlockPreferences.HEAP_MB, "TLC &heap (MB):", 64, 65536, getFieldEditorParent()));
		addField(integer(PtlockPreferences.TIME_LIMIT_S, "&Time limit per scenario (s, 0 = none):", 0, 864000,
				getFieldEditorParent()));
		createDistributionFields();
	}

	private void createDistributionFields() {
		distributed = new Group(getFieldEditorParent(), SWT.NONE);
		distributed.setText("Distributed TLC (engine TLC or both only)");
		distributed.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		String[][] modes = Arrays.stream(DistributionMode.values())
				.map(m -> new String[] { m.label(), m.key() }).toArray(String[][]::new);
		mode = new ComboFieldEditor(PtlockPreferences.DISTRIBUTION, "M&ode:", modes, distributed);
		IntegerFieldEditor localWorkers = integer(PtlockPreferences.LOCAL_WORKERS, "&Local workers:", 1, 64,
				distributed);
		IntegerFieldEditor heap = integer(PtlockPreferences.WORKER_HEAP_MB, "Heap of each local worker (&MB):", 64,
				65536, distributed);
		IntegerFieldEditor port = integer(PtlockPreferences.PORT, "RMI &port:", 1, 65535, distributed);
		StringFieldEditor host = new StringFieldEditor(PtlockPreferences.HOSTNAME,
				"Host &name to advertise (empty = automatic):", distributed);
		IntegerFieldEditor fpset = integer(PtlockPreferences.FPSET_SERVERS, "&Fingerprint-set servers:", 0, 64,
				distributed);
		Label how = new Label(distributed, SWT.WRAP);
		how.setText("Waiting for remote workers: each remote host runs ptlock tlc-worker HOST:PORT "
				+ "(the command is printed on the ptlock console when the check starts).");
		GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		wide.widthHint = 400;
		how.setLayoutData(wide);
		whenLocalWorkers = List.of(localWorkers, heap);
		whenDistributed = List.of(port, host, fpset);
		List.of(mode, localWorkers, heap, port, host, fpset).forEach(this::addField);
		// each field editor set the group's layout to its own, margins none: one layout, with a group's margins
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 5;
		layout.marginHeight = 5;
		distributed.setLayout(layout);
	}

	private static IntegerFieldEditor integer(String key, String label, int min, int max,
			org.eclipse.swt.widgets.Composite parent) {
		IntegerFieldEditor e = new IntegerFieldEditor(key, label, parent);
		e.setValidRange(min, max);
		return e;
	}

	@Override
	protected void initialize() {
		super.initialize();
		engineShown = getPreferenceStore().getString(PtlockPreferences.ENGINE);
		modeShown = getPreferenceStore().getString(PtlockPreferences.DISTRIBUTION);
		updateEnablement();
	}

	@Override
	protected void performDefaults() {
		super.performDefaults();
		engineShown = getPreferenceStore().getDefaultString(PtlockPreferences.ENGINE);
		modeShown = getPreferenceStore().getDefaultString(PtlockPreferences.DISTRIBUTION);
		updateEnablement();
	}

	@Override
	public void propertyChange(PropertyChangeEvent event) {
		super.propertyChange(event);
		if (FieldEditor.VALUE.equals(event.getProperty()) && event.getSource() == engine) {
			engineShown = String.valueOf(event.getNewValue());
			updateEnablement();
		} else if (FieldEditor.VALUE.equals(event.getProperty()) && event.getSource() == mode) {
			modeShown = String.valueOf(event.getNewValue());
			updateEnablement();
		}
	}

	/** The simulator ignores the distribution: its fields are greyed unless TLC runs, and then per mode. */
	private void updateEnablement() {
		boolean tlc = "tlc".equals(engineShown) || "both".equals(engineShown);
		DistributionMode m = DistributionMode.of(modeShown);
		mode.setEnabled(tlc, distributed);
		whenLocalWorkers.forEach(e -> e.setEnabled(tlc && m == DistributionMode.LOCAL, distributed));
		whenDistributed.forEach(e -> e.setEnabled(tlc && m != DistributionMode.OFF, distributed));
	}
}
