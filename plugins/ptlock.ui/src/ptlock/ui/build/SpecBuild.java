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
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.service.Scenarios;
import ptlock.tla.TlaGenerator;
import ptlock.tla.TlaModule;
import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.markers.ProblemMarkers;

/**
 * What the ptlock builder does for one .ptl file: validate it into persistent problem markers (so the Problems view
 * shows files no editor has open, also after a restart) and, if it has no errors, generate the TLA+ of each of its
 * scenarios into the derived folder tla-gen/SPEC/ of its project (what TLC would check). {@link PtlockBuilder}
 * decides which files; {@link #clean} undoes it.
 */
public final class SpecBuild {
	/** The derived folder, at the project root. */
	public static final String OUTPUT = "tla-gen";

	private SpecBuild() {
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
				specs(f.getProject()).stream().filter(g -> !all.contains(g)).forEach(all::add);
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

	/** Builds one file: its markers, and its TLA+ when it has no errors. Runs inside a build (the workspace rule). */
	static void build(IFile file, IProgressMonitor monitor) throws CoreException {
		if (!file.exists() || file.getLocation() == null) {
			return;
		}
		Path path = file.getLocation().toFile().toPath();
		String text;
		try (var in = file.getContents()) {
			text = new String(in.readAllBytes(), java.nio.charset.Charset.forName(file.getCharset()));
		} catch (java.io.IOException e) {
			return;
		}
		List<Issue> issues = PtlockUiPlugin.services().loader().validateText(path, text);
		ProblemMarkers.set(file, issues, text.length());
		String name = file.getName().replaceFirst("\\.ptl$", "");
		IFolder out = file.getProject().getFolder(OUTPUT).getFolder(name);
		if (issues.stream().anyMatch(i -> i.severity() == Issue.Severity.ERROR)) {
			return;
		}
		LoadedSpec spec = PtlockUiPlugin.services().loader().loadText(path, text);
		Scenarios.Lowered lowered = Scenarios.lower(spec, null);
		if (out.exists()) {
			out.delete(true, monitor);
		}
		if (!lowered.ok()) {
			return; // a spec of paths only (no scenario): nothing for TLC
		}
		create(out, monitor);
		for (Program p : lowered.programs()) {
			Set<String> all = new LinkedHashSet<>();
			p.properties().stream().map(Property::name).forEach(all::add);
			TlaModule m = new TlaGenerator().generate(p, all);
			write(out.getFile(m.name() + ".tla"), m.tla(), monitor);
			write(out.getFile(m.name() + ".cfg"), m.cfg(), monitor);
		}
	}

	/** Project > Clean: the problem markers of every .ptl file and the generated folder go. */
	static void clean(IProject project, IProgressMonitor monitor) throws CoreException {
		project.deleteMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_INFINITE);
		IFolder out = project.getFolder(OUTPUT);
		if (out.exists()) {
			out.delete(true, monitor);
		}
	}

	/** Every .ptl file of the project outside the generated folder. */
	static List<IFile> specs(IProject project) throws CoreException {
		List<IFile> all = new ArrayList<>();
		project.accept(r -> {
			if (r instanceof IFile g && "ptl".equals(g.getFileExtension()) && !g.isDerived()) {
				all.add(g);
			}
			return !(r instanceof IFolder folder && folder.getName().equals(OUTPUT));
		});
		return all;
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
