package ptlock.lang.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import ptlock.lang.load.Includes;
import ptlock.lang.lower.Diagnostic;
import ptlock.lang.lower.Lowering;
import ptlock.lang.lower.Sources;
import ptlock.lang.ptlock.Element;
import ptlock.lang.ptlock.Include;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.PtlockPackage;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.ptlock.Tag;
import ptlock.lang.rules.LockingRules;

/**
 * Validation of .ptl files. Every scenario is lowered to the IR, which resolves every name and type on the paths it
 * runs; code not reached by any scenario (a prelude on its own) gets a name check. Problems carry IssueCodes.
 */
public class PtlockValidator extends AbstractPtlockValidator {

	@Check(CheckType.FAST)
	public void checkIncludes(Include inc) {
		if (Includes.isModelFile(inc)) {
			String problem = Includes.modelProblem(inc);
			if (problem != null) {
				error(problem, inc, PtlockPackage.Literals.INCLUDE__IMPORT_URI,
						problem.startsWith("cannot find") ? IssueCodes.INCLUDE_NOT_FOUND : IssueCodes.BAD_MODEL);
			}
		} else if (Includes.resolve(inc) == null) {
			error("cannot find included file '" + inc.getImportURI() + "'", inc, PtlockPackage.Literals.INCLUDE__IMPORT_URI,
					IssueCodes.INCLUDE_NOT_FOUND);
		}
	}

	/** A path with no statement at all runs no step: a thread on it would be done before it starts. */
	@Check(CheckType.FAST)
	public void checkPathNotEmpty(ptlock.lang.ptlock.Path path) {
		if (path.getBody() != null && path.getBody().getStmts().isEmpty()) {
			error("path '" + path.getName() + "' has no statement, so a thread on it runs no step", path,
					PtlockPackage.Literals.PATH__NAME, IssueCodes.EMPTY_PATH);
		}
	}

	@Check(CheckType.NORMAL)
	public void checkModel(Model model) {
		List<Model> models = Includes.closure(model);
		Set<String> reported = new HashSet<>();
		boolean anyScenario = false;
		for (Element e : model.getElements()) {
			if (e instanceof Scenario s) {
				anyScenario = true;
				for (Lowering.Result r : ptlock.lang.load.BatchCache.lower(models, s)) {
					report(r.diagnostics(), s, reported);
				}
			}
		}
		if (!anyScenario) {
			report(new NameCheck().check(model, models), model, reported);
		}
	}

	/**
	 * The static locking rules: the scenarios' threads, and the paths of this file that no scenario here runs and
	 * no path calls, alone, at every patch level, their parameters unknown. Expensive (seconds on the seed specs):
	 * the editor runs them on save, the CLI's check on every run; a verdict matrix leaves them out.
	 */
	@Check(CheckType.EXPENSIVE)
	public void checkLockingRules(Model model) {
		List<Model> models = Includes.closure(model);
		LockingRules rules = new LockingRules(ptlock.lang.rules.StableGlobals.of(models),
				ptlock.lang.load.BatchCache.rules(model));
		for (Element e : model.getElements()) {
			if (e instanceof Scenario s) {
				for (Lowering.Result r : ptlock.lang.load.BatchCache.lower(models, s)) {
					if (r.ok()) {
						rules.check(r.program());
					}
				}
			}
		}
		Set<String> covered = new HashSet<>(Coverage.reachedByScenarios(model, models));
		covered.addAll(Coverage.calledByPaths(models));
		List<Set<String>> levels = LockingRules.patchLevels(models);
		for (Element e : model.getElements()) {
			if (e instanceof ptlock.lang.ptlock.Path p && !covered.contains(p.getName())) {
				for (Set<String> level : levels) {
					rules.check(new Lowering().lowerPath(models, p, level).thread());
				}
			}
		}
		new FindingMarkers(model, getMessageAcceptor()).report(rules.findings());
	}

	private static final java.util.Set<String> TAGS = ptlock.lang.lower.Marks.EFFECTS;

	/** A constant takes only '@names' (what each id of the space it sizes is, for races). */
	@Check(CheckType.FAST)
	public void checkTags(ptlock.lang.ptlock.Const c) {
		for (Tag t : c.getTags()) {
			if (!"names".equals(t.getName())) {
				error("unknown tag '@" + t.getName() + "' on a constant (known: @names)", t, null, IssueCodes.BAD_TAG);
			}
		}
	}

	@Check(CheckType.FAST)
	public void checkTags(Prim prim) {
		for (Tag t : prim.getTags()) {
			if (!TAGS.contains(t.getName())) {
				error("unknown tag '@" + t.getName() + "' (known: " + String.join(", ", new java.util.TreeSet<>(TAGS))
						+ ")", t, null, IssueCodes.BAD_TAG);
				continue;
			}
			if (!prim.isAtomic()) {
				warning("tags of a primitive of several steps have no effect: the static rules follow its body (tag"
						+ " the atomic primitives it calls)", t, null, IssueCodes.BAD_TAG);
				continue;
			}
			for (int i = 0; i < t.getArgs().size(); i++) {
				String a = t.getArgs().get(i).split("\\.")[0];
				boolean className = "lockclass".equals(t.getName()) && i == 0;
				if (a.startsWith("\"") || className || "result".equals(a)) {
					continue;
				}
				if (prim.getParams().stream().noneMatch(p -> p.getName().equals(a))) {
					error("'@" + t.getName() + "' names '" + a + "', which is not a parameter of '" + prim.getName()
							+ "' (use a parameter, 'result', or a quoted lock name)", t, null, IssueCodes.BAD_TAG);
				}
			}
		}
	}

	private void report(List<Diagnostic> diagnostics, EObject fallback, Set<String> reported) {
		for (Diagnostic d : diagnostics) {
			EObject at = d.node();
			String message = d.message();
			if (at == null || at.eResource() != fallback.eResource()) {
				message = message + " (at " + Sources.of(at).position() + ")";
				at = fallback;
			}
			if (!reported.add(d.code() + "|" + System.identityHashCode(at) + "|" + message)) {
				continue;
			}
			if (d.severity() == Diagnostic.Severity.ERROR) {
				error(message, at, null, d.code());
			} else {
				warning(message, at, null, d.code());
			}
		}
	}
}
