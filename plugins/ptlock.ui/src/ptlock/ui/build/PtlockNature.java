package ptlock.ui.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The ptlock nature: a project that has it runs the {@link PtlockBuilder}. Added when a .ptl file of the project is
 * first opened, or by Configure > Add ptlock Nature.
 */
public final class PtlockNature implements IProjectNature {
	/** The nature's id (plugin.xml). */
	public static final String ID = "ptlock.ui.ptlockNature";

	private IProject project;

	/** Whether the project is open and has the nature. */
	public static boolean has(IProject project) {
		try {
			return project.isAccessible() && project.hasNature(ID);
		} catch (CoreException e) {
			return false;
		}
	}

	/** Adds the nature (and so the builder) to the project; nothing if it has it. */
	public static void add(IProject project, IProgressMonitor monitor) throws CoreException {
		if (!project.isAccessible() || project.hasNature(ID)) {
			return;
		}
		IProjectDescription d = project.getDescription();
		List<String> natures = new ArrayList<>(Arrays.asList(d.getNatureIds()));
		natures.add(ID);
		d.setNatureIds(natures.toArray(String[]::new));
		project.setDescription(d, monitor);
	}

	@Override
	public void configure() throws CoreException {
		IProjectDescription d = project.getDescription();
		if (Arrays.stream(d.getBuildSpec()).anyMatch(c -> PtlockBuilder.ID.equals(c.getBuilderName()))) {
			return;
		}
		List<ICommand> spec = new ArrayList<>(Arrays.asList(d.getBuildSpec()));
		ICommand build = d.newCommand();
		build.setBuilderName(PtlockBuilder.ID);
		spec.add(build);
		d.setBuildSpec(spec.toArray(ICommand[]::new));
		project.setDescription(d, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription d = project.getDescription();
		d.setBuildSpec(Arrays.stream(d.getBuildSpec()).filter(c -> !PtlockBuilder.ID.equals(c.getBuilderName()))
				.toArray(ICommand[]::new));
		project.setDescription(d, null);
		SpecBuild.clean(project, null);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
