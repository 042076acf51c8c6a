package ptlock.lang.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.Injector;
import com.google.inject.Provider;

import ptlock.lang.PtlockStandaloneSetup;
import ptlock.lang.ptlock.Model;

/** Loads a .ptl file standalone (CLI, tests): parse, resolve includes, validate every file. */
public final class SpecLoader {
	private final Provider<ResourceSet> resourceSets;
	private final IResourceValidator validator;

	public SpecLoader() {
		this(new PtlockStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	public SpecLoader(Injector injector) {
		this.resourceSets = injector.getProvider(ResourceSet.class);
		this.validator = injector.getInstance(IResourceValidator.class);
	}

	public LoadedSpec load(Path file) {
		Path abs = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(abs)) {
			Issue missing = new Issue(Issue.Severity.ERROR, "ptlock.file-not-found", file.toString(), 1, 1,
					"no such file");
			return new LoadedSpec(null, List.of(), List.of(missing));
		}
		ResourceSet rs = resourceSets.get();
		Resource r = rs.getResource(URI.createFileURI(abs.toString()), true);
		Model main = r.getContents().isEmpty() ? null : (Model) r.getContents().get(0);
		List<Model> models = main == null ? List.of() : Includes.closure(main);
		List<Issue> issues = new ArrayList<>();
		List<Resource> resources = new ArrayList<>();
		resources.add(r);
		for (Model m : models) {
			if (!resources.contains(m.eResource())) {
				resources.add(m.eResource());
			}
		}
		for (Resource res : resources) {
			String name = res.getURI().isFile() ? res.getURI().toFileString() : res.getURI().toString();
			for (org.eclipse.xtext.validation.Issue i : validator.validate(res, CheckMode.ALL, CancelIndicator.NullImpl)) {
				if (i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.INFO
						|| i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.IGNORE) {
					continue;
				}
				Issue.Severity sev = i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR
						? Issue.Severity.ERROR : Issue.Severity.WARNING;
				String code = i.getCode() == null ? "ptlock.syntax" : i.getCode();
				if (i.isSyntaxError()) {
					code = "ptlock.syntax";
				}
				issues.add(new Issue(sev, code, relative(name), i.getLineNumber() == null ? 0 : i.getLineNumber(),
						i.getColumn() == null ? 0 : i.getColumn(), i.getMessage()));
			}
		}
		return new LoadedSpec(main, models, issues);
	}

	/** Paths are shown relative to the working directory when they are below it (as a compiler does). */
	static String relative(String path) {
		Path cwd = Path.of("").toAbsolutePath();
		Path p = Path.of(path);
		return p.startsWith(cwd) ? cwd.relativize(p).toString() : path;
	}
}
