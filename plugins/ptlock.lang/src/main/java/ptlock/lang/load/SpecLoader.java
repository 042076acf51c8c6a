package ptlock.lang.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.Injector;
import com.google.inject.Provider;

import ptlock.lang.PtlockStandaloneSetup;
import ptlock.lang.ptlock.Model;

/** Loads .ptl files standalone (CLI, tests, editors): parse, resolve includes, validate. */
public final class SpecLoader {
	public static final String FILE_NOT_FOUND = "ptlock.file-not-found";
	public static final String SYNTAX = "ptlock.syntax";
	/** The file holds no spec (empty, or only comments). */
	public static final String EMPTY_SPEC = "ptlock.empty-spec";
	/** The parser or validator ran out of stack: the spec nests too deeply. */
	public static final String TOO_DEEP = "ptlock.too-deep";

	private final Provider<ResourceSet> resourceSets;
	private final IResourceValidator validator;

	public SpecLoader() {
		this(new PtlockStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	private final CheckMode mode;

	public SpecLoader(Injector injector) {
		this(injector.getProvider(ResourceSet.class), injector.getInstance(IResourceValidator.class), CheckMode.ALL);
	}

	private SpecLoader(Provider<ResourceSet> resourceSets, IResourceValidator validator,
			CheckMode mode) {
		this.resourceSets = resourceSets;
		this.validator = validator;
		this.mode = mode;
	}

	/**
	 * A loader that leaves out the expensive checks (the static locking rules, seconds on the seed specs): for
	 * commands that want verdicts, such as the matrix. Errors are all still found.
	 */
	public SpecLoader withoutStaticRules() {
		return new SpecLoader(resourceSets, validator, CheckMode.NORMAL_AND_FAST);
	}

	/** Loads a file and everything it includes, validating all of them. */
	public LoadedSpec load(Path file) {
		Path abs = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(abs)) {
			Issue missing = new Issue(Issue.Severity.ERROR, FILE_NOT_FOUND, file.toString(), 1, 1, 0, 0,
					"no such file");
			return new LoadedSpec(null, List.of(), List.of(missing));
		}
		ResourceSet rs = resourceSets.get();
		// read once, never edited: what the validator and the check both compute is computed once
		BatchCache.attach(rs);
		try {
			Resource r = rs.getResource(URI.createFileURI(abs.toString()), true);
			Model main = r.getContents().isEmpty() ? null : (Model) r.getContents().get(0);
			List<Model> models = main == null ? List.of() : Includes.closure(main);
			List<Issue> issues = new ArrayList<>(validate(r, mode));
			for (Model m : models) {
				if (m.eResource() != r) {
					// an included file's errors stop the load; its static-rule warnings are about its own paths
					// checked alone, which are that file's business (shown when it is loaded itself): the expensive
					// rules run on the loaded file only (what its scenarios run of the library, they cover)
					issues.addAll(validate(m.eResource(), mode == CheckMode.ALL ? CheckMode.NORMAL_AND_FAST : mode));
				}
			}
			if (main == null && issues.stream().noneMatch(i -> i.severity() == Issue.Severity.ERROR)) {
				issues.add(new Issue(Issue.Severity.ERROR, EMPTY_SPEC, relative(abs.toString()), 1, 1, 0, 0,
						"the file holds no spec: it must start with 'spec NAME;'"));
			}
			return new LoadedSpec(main, models, issues);
		} catch (StackOverflowError | RuntimeException e) {
			if (!stackOverflow(e)) {
				throw e;
			}
			// Xtext's parser recurses per nesting level (parentheses, blocks, 'if' and '!' chains)
			Issue deep = new Issue(Issue.Severity.ERROR, TOO_DEEP, relative(abs.toString()), 1, 1, 0, 0,
					"the spec nests too deeply to read (the parser ran out of stack, at some hundreds of nested"
							+ " parentheses, blocks or conditions): flatten it, or raise the stack (JAVA_TOOL_OPTIONS=-Xss64m)");
			return new LoadedSpec(null, List.of(), List.of(deep));
		}
	}

	/** Whether a throwable is, or was caused by, a stack overflow (Xtext wraps the parser's twice). */
	private static boolean stackOverflow(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
			if (c instanceof StackOverflowError) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Validates unsaved editor text as if it were the content of the given file (includes resolve relative to
	 * it). Only the problems located in this text are returned.
	 */
	public List<Issue> validateText(Path file, String text) {
		ResourceSet rs = resourceSets.get();
		Resource r = rs.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
		try {
			r.load(new StringInputStream(text), null);
		} catch (IOException e) {
			return List.of(new Issue(Issue.Severity.ERROR, SYNTAX, file.toString(), 1, 1, 0, 0, e.getMessage()));
		}
		return validate(r);
	}

	/** Parses unsaved editor text as the content of the given file, with everything it includes (no validation). */
	public LoadedSpec loadText(Path file, String text) {
		ResourceSet rs = resourceSets.get();
		Resource r = rs.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
		try {
			r.load(new StringInputStream(text), null);
		} catch (IOException e) {
			return new LoadedSpec(null, List.of(), List.of());
		}
		Model main = r.getContents().isEmpty() ? null : (Model) r.getContents().get(0);
		return new LoadedSpec(main, main == null ? List.of() : Includes.closure(main), List.of());
	}

	private List<Issue> validate(Resource res) {
		return validate(res, mode);
	}

	private List<Issue> validate(Resource res, CheckMode mode) {
		String name = res.getURI().isFile() ? relative(res.getURI().toFileString()) : res.getURI().toString();
		List<Issue> issues = new ArrayList<>();
		for (org.eclipse.xtext.validation.Issue i : validator.validate(res, mode, CancelIndicator.NullImpl)) {
			if (i.getSeverity() != Severity.ERROR && i.getSeverity() != Severity.WARNING) {
				continue;
			}
			Issue.Severity sev = i.getSeverity() == Severity.ERROR ? Issue.Severity.ERROR : Issue.Severity.WARNING;
			String code = i.isSyntaxError() || i.getCode() == null ? SYNTAX : i.getCode();
			issues.add(new Issue(sev, code, name, orZero(i.getLineNumber()), orZero(i.getColumn()),
					orZero(i.getOffset()), orZero(i.getLength()), i.getMessage()));
		}
		return issues;
	}

	private static int orZero(Integer i) {
		return i == null ? 0 : i;
	}

	/** Paths are shown relative to the working directory when they are below it (as a compiler does). */
	static String relative(String path) {
		Path cwd = Path.of("").toAbsolutePath();
		Path p = Path.of(path);
		return p.startsWith(cwd) ? cwd.relativize(p).toString() : path;
	}
}
