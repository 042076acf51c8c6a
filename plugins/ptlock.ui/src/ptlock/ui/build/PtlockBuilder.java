package ptlock.ui.build;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The ptlock project builder (projects with the ptlock nature): a full build validates every .ptl file of the
 * project into markers and generates its TLA+; an incremental one does that for the changed .ptl files and,
 * transitively, the files that include them (renaming a path in paths.ptl breaks the specs built on it); a clean
 * removes the markers and tla-gen/.
 */
public final class PtlockBuilder extends IncrementalProjectBuilder {
	/** The builder's id (plugin.xml). */
	public static final String ID = "ptlock.ui.ptlockBuilder";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		List<IFile> files = delta == null ? SpecBuild.specs(getProject()) : SpecBuild.withDependents(changed(delta));
		SubMonitor sub = SubMonitor.convert(monitor, "ptlock build", files.size());
		for (IFile f : files) {
			if (sub.isCanceled()) {
				break;
			}
			sub.subTask(f.getName());
			SpecBuild.build(f, sub.split(1));
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		SpecBuild.clean(getProject(), monitor);
	}

	private static Set<IFile> changed(IResourceDelta delta) throws CoreException {
		Set<IFile> changed = new LinkedHashSet<>();
		delta.accept(d -> {
			if (d.getResource() instanceof IFile f && "ptl".equals(f.getFileExtension()) && !f.isDerived()
					&& (d.getKind() == IResourceDelta.ADDED
							|| (d.getKind() == IResourceDelta.CHANGED && (d.getFlags() & IResourceDelta.CONTENT) != 0))) {
				changed.add(f);
			}
			return !(d.getResource() instanceof IFolder folder && folder.getName().equals(SpecBuild.OUTPUT));
		});
		return changed;
	}
}
