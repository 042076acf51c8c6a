package ptlock.ui.build;

import org.eclipse.ui.IStartup;

import ptlock.ui.PtlockUiPlugin;

/** Installs the ptlock build when the workbench starts, so saving any .ptl file builds it. */
public final class BuildStartup implements IStartup {
	@Override
	public void earlyStartup() {
		PtlockUiPlugin.services().builder().install();
	}
}
