package ptlock.ui.prefs;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import ptlock.ui.check.CheckSettings;

/** Window > Preferences > ptlock: the engine, TLC's workers and heap, and the time limit of a check. */
public final class PtlockPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
	public PtlockPreferencePage() {
		super(GRID);
		setDescription("Model checking from Eclipse (Run As > ptlock check). The same settings as the CLI's "
				+ "--engine, --workers, --heap and --timeout.");
	}

	@Override
	public void init(IWorkbench workbench) {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, PtlockPreferences.NODE);
		store.setDefault(PtlockPreferences.ENGINE, CheckSettings.DEFAULT.engine());
		store.setDefault(PtlockPreferences.WORKERS, CheckSettings.DEFAULT.workers());
		store.setDefault(PtlockPreferences.HEAP_MB, CheckSettings.DEFAULT.heapMb());
		store.setDefault(PtlockPreferences.TIME_LIMIT_S, CheckSettings.DEFAULT.timeLimitSeconds());
		setPreferenceStore(store);
	}

	@Override
	protected void createFieldEditors() {
		addField(new ComboFieldEditor(PtlockPreferences.ENGINE, "Default &engine:",
				new String[][] { { "Simulator (fast, the default)", "sim" }, { "TLC", "tlc" },
						{ "Both (each confirms the other)", "both" } },
				getFieldEditorParent()));
		IntegerFieldEditor workers = new IntegerFieldEditor(PtlockPreferences.WORKERS, "TLC &workers:",
				getFieldEditorParent());
		workers.setValidRange(1, 64);
		addField(workers);
		IntegerFieldEditor heap = new IntegerFieldEditor(PtlockPreferences.HEAP_MB, "TLC &heap (MB):",
				getFieldEditorParent());
		heap.setValidRange(64, 65536);
		addField(heap);
		IntegerFieldEditor limit = new IntegerFieldEditor(PtlockPreferences.TIME_LIMIT_S,
				"&Time limit per scenario (s, 0 = none):", getFieldEditorParent());
		limit.setValidRange(0, 864000);
		addField(limit);
	}
}
