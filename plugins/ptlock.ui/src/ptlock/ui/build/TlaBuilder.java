package ptlock.ui.build;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Scenario;
import ptlock.tla.TlaGenerator;
import ptlock.tla.TlaModule;
import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.markers.ProblemMarkers;

/**
 * The ptlock build: whenever a .ptl file is saved (or changes on disk and is refreshed), its problems are validated
 * into markers (so they stay in sync with files no editor has open), and, if it has no errors, the TLA+ of each of
 * its scenarios is generated into the derived folder tla-gen/SPEC/ of its project (what TLC would check).
 */
public final class TlaBuilder implements IResourceChangeListener {
	/** The derived folder, at the project root. */
	public static final String OUTPUT = "tla-gen";

	public void install() {
		ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
	}

	public void uninstall() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		Set<IFile> changed = new LinkedHashSet<>();
		try {
			event.getDelta().accept(d -> {
				if (d.getResource() instanceof IFile f && "ptl".equals(f.getFileExtension()) && !f.isDerived()
						&& (d.getKind() == IResourceDelta.ADDED
								|| (d.getKind() == IResourceDelta.CHANGED && (d.getFlags() & IResourceDelta.CONTENT) != 0))) {
					changed.add(f);
				}
				return !(d.getResource() instanceof IFolder folder && folder.getName().equals(OUTPUT));
			});
		} catch (CoreException e) {
			return;
		}
		if (!changed.isEmpty()) {
			new Build(withDependents(changed)).schedule();
		}
	}

	/**
	 * The changed files and, transitively, the .ptl files of their projects that include one of them: a change to
	 * mm.ptl can break or mend the specs built on it, and their markers must follow.
	 */
	static List<IFile> withDependents(Set<IFile> changed) {
		Set<IFile> out = new LinkedHashSet<>(changed);
		List<IFile> all = new ArrayList<>();
		for (IFile f : changed) {
			try {
				f.getProject().accept(r -> {
					if (r instanceof IFile g && "ptl".equals(g.getFileExtension()) && !g.isDerived() && !all.contains(g)) {
						all.add(g);
					}
					return !(r instanceof IFolder folder && folder.getName().equals(OUTPUT));
				});
			} catch (CoreException e) {
				// a closed or deleted project: only the changed files
			}
		}
		boolean grew = true;
		while (grew) {
			grew = false;
			for (IFile g : all) {
				if (!out.contains(g) && includesAny(g, out)) {
					out.add(g);
					grew = true;
				}
			}
		}
		return new ArrayList<>(out);
	}

	/** Whether a file has an include line naming one of the files (by name: a cheap first filter). */
	private static boolean includesAny(IFile g, Set<IFile> files) {
		String text;
		try (var in = g.getContents()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (CoreException | java.io.IOException e) {
			return false;
		}
		for (IFile f : files) {
			if (text.matches("(?s).*include\\s+\"[^\"]*\\b" + java.util.regex.Pattern.quote(f.getName()) + "\".*")) {
				return true;
			}
		}
		return false;
	}

	/** Builds the given files (a workspace job, one project at a time is enough: the rule is the workspace root). */
	static final class Build extends WorkspaceJob {
		private final List<IFile> files;

		Build(List<IFile> files) {
			super("ptlock build");
			this.files = files;
			setRule(ResourcesPlugin.getWorkspace().getRoot());
			setSystem(true);
		}

		@Override
		public boolean belongsTo(Object family) {
			return family == TlaBuilder.class;
		}

		@Override
		public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
			for (IFile f : files) {
				if (f.exists() && f.getLocation() != null) {
					build(f, monitor);
				}
			}
			return Status.OK_STATUS;
		}

		private void build(IFile file, IProgressMonitor monitor) throws CoreException {
			Path path = file.getLocation().toFile().toPath();
			String text;
			try {
				text = new String(file.getContents().readAllBytes(), java.nio.charset.Charset.forName(file.getCharset()));
			} catch (java.io.IOException e) {
				return;
			}
			List<Issue> issues = PtlockUiPlugin.services().loader().validateText(path, text);
			ProblemMarkers.replace(file, issues, text.length());
			String name = file.getName().replaceFirst("\\.ptl$", "");
			IFolder out = file.getProject().getFolder(OUTPUT).getFolder(name);
			if (issues.stream().anyMatch(i -> i.severity() == Issue.Severity.ERROR)) {
				return;
			}
			LoadedSpec spec = PtlockUiPlugin.services().loader().loadText(path, text);
			List<Program> programs = new ArrayList<>();
			for (Scenario s : spec.scenarios()) {
				for (Lowering.Result r : new Lowering().lower(spec.models(), s)) {
					if (!r.ok()) {
						return;
					}
					programs.add(r.program());
				}
			}
			if (out.exists()) {
				out.delete(true, monitor);
			}
			if (programs.isEmpty()) {
				return;
			}
			create(out, monitor);
			for (Program p : programs) {
				Set<String> all = new LinkedHashSet<>();
				p.properties().stream().map(Property::name).forEach(all::add);
				TlaModule m = new TlaGenerator().generate(p, all);
				write(out.getFile(m.name() + ".tla"), m.tla(), monitor);
				write(out.getFile(m.name() + ".cfg"), m.cfg(), monitor);
			}
		}

		private static void create(IFolder folder, IProgressMonitor monitor) throws CoreException {
			if (folder.getParent() instanceof IFolder parent && !parent.exists()) {
				create(parent, monitor);
				parent.setDerived(true, monitor);
			}
			if (!folder.exists()) {
				folder.create(IResource.FORCE | IResource.DERIVED, true, monitor);
			}
		}

		private static void write(IFile f, String content, IProgressMonitor monitor) throws CoreException {
			f.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE | IResource.DERIVED,
					monitor);
		}
	}
}
