package ptlock.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;

/** Test projects holding a copy of the repository's specs/ (the seed specs, the prelude, the models). */
final class Workspaces {
	private Workspaces() {
	}

	static Path repositoryRoot() {
		Path p = Path.of("").toAbsolutePath();
		while (p != null && !Files.isDirectory(p.resolve("specs/seed"))) {
			p = p.getParent();
		}
		if (p == null) {
			throw new IllegalStateException("no specs/ folder above " + Path.of("").toAbsolutePath());
		}
		return p;
	}

	/**
	 * The specs the workbench tests open, and what those include: the library, the models, the seed paths, the
	 * prelude. The other seed cases, the examples and the corpora are left out: validating them (tens of seconds of
	 * static rules each) would keep the project's first build busy for minutes.
	 */
	private static boolean needed(Path rel) {
		String r = rel.toString().replace('\\', '/');
		if (r.startsWith("examples") || r.startsWith("rules") || r.equals("arch/effects.ptl")) {
			return false;
		}
		return !(r.startsWith("seed/") && r.endsWith(".ptl") && java.util.List.of("fragments.ptl",
				"pae_torn_pmd.ptl", "arm_adjust_pte.ptl", "jann_reuse.ptl", "nonempty_detach.ptl", "split_ptlocks.ptl")
				.contains(rel.getFileName().toString()));
	}

	/** A new project with specs/ copied in (what the tests need of it: {@link #needed}). */
	static IProject withSpecs() throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("ptlock-" + UUID.randomUUID());
		project.create(new NullProgressMonitor());
		project.open(new NullProgressMonitor());
		Path from = repositoryRoot().resolve("specs");
		Path to = project.getLocation().toFile().toPath().resolve("specs");
		try (Stream<Path> files = Files.walk(from)) {
			for (Path f : files.toList()) {
				if (!needed(from.relativize(f))) {
					continue;
				}
				Path target = to.resolve(from.relativize(f).toString());
				if (Files.isDirectory(f)) {
					Files.createDirectories(target);
				} else {
					Files.copy(f, target);
				}
			}
		}
		project.refreshLocal(IResource.DEPTH_INFINITE, new NullProgressMonitor());
		// as Configure > Add ptlock Nature does: the builder keeps every file's markers and tla-gen/
		ptlock.ui.build.PtlockNature.add(project, new NullProgressMonitor());
		return project;
	}
}
