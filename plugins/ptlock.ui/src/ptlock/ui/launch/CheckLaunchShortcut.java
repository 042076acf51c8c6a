package ptlock.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.statushandlers.StatusManager;

/**
 * Run As > ptlock check (every scenario of the spec) and Run As > ptlock matrix (the series matrix), on a .ptl file
 * selected or open in the editor. Reuses the file's launch configuration, or creates one.
 */
public class CheckLaunchShortcut implements ILaunchShortcut {
	private final boolean matrix;

	public CheckLaunchShortcut() {
		this(false);
	}

	protected CheckLaunchShortcut(boolean matrix) {
		this.matrix = matrix;
	}

	/** The matrix shortcut. */
	public static final class Matrix extends CheckLaunchShortcut {
		public Matrix() {
			super(true);
		}
	}

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof IAdaptable a) {
			IFile f = a.getAdapter(IFile.class);
			if (f != null) {
				launch(f, mode);
			}
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IFile f = editor.getEditorInput().getAdapter(IFile.class);
		if (f != null) {
			launch(f, mode);
		}
	}

	private void launch(IFile file, String mode) {
		try {
			DebugUITools.launch(configuration(file, matrix), mode);
		} catch (CoreException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW);
		}
	}

	/** The file's configuration (all scenarios, or the matrix), found or created and saved. */
	public static ILaunchConfiguration configuration(IFile file, boolean matrix) throws CoreException {
		ILaunchManager lm = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = lm.getLaunchConfigurationType(LaunchAttributes.TYPE);
		String path = file.getFullPath().toString();
		for (ILaunchConfiguration c : lm.getLaunchConfigurations(type)) {
			if (path.equals(c.getAttribute(LaunchAttributes.FILE, "")) && c.getAttribute(LaunchAttributes.MATRIX, false) == matrix
					&& c.getAttribute(LaunchAttributes.SCENARIO, "").isEmpty()) {
				return c;
			}
		}
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null,
				lm.generateLaunchConfigurationName(file.getName().replace(".ptl", "") + (matrix ? " matrix" : "")));
		wc.setAttribute(LaunchAttributes.FILE, path);
		wc.setAttribute(LaunchAttributes.MATRIX, matrix);
		wc.setAttribute(LaunchAttributes.SCENARIO, "");
		wc.setAttribute(LaunchAttributes.ENGINE, "");
		wc.setMappedResources(new org.eclipse.core.resources.IResource[] { file });
		return wc.doSave();
	}
}
