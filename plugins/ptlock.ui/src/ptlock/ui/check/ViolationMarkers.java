package ptlock.ui.check;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

import ptlock.check.CheckResult;
import ptlock.check.PropertyResult;
import ptlock.check.TraceStep;
import ptlock.ir.SourceLoc;
import ptlock.ir.Step;
import ptlock.ir.Verdict;

/**
 * Violated properties as markers on the statement where they failed (the last step of the counterexample): an
 * error when the spec did not expect the violation, a warning when it did (the spec demonstrates a race).
 */
public final class ViolationMarkers {
	public static final String TYPE = "ptlock.ui.violation";
	/** marker attributes: the property, and the scenario (with its architecture) */
	public static final String PROPERTY = "property";
	public static final String SCENARIO = "scenario";

	private ViolationMarkers() {
	}

	/**
	 * Replaces the violation markers of the workspace's .ptl files with those of these results: one per scenario and
	 * property, however many engines found it (with --engine both the simulator's, which comes first).
	 */
	public static void update(List<CheckResult> results) throws CoreException {
		ResourcesPlugin.getWorkspace().getRoot().deleteMarkers(TYPE, true, IResource.DEPTH_INFINITE);
		java.util.Set<String> marked = new java.util.HashSet<>();
		for (CheckResult r : results) {
			for (PropertyResult p : r.properties()) {
				boolean modelError = p.verdict() == Verdict.MODEL_ERROR;
				if (!(p.verdict() == Verdict.VIOLATED || modelError) || p.trace() == null
						|| p.trace().steps().isEmpty()) {
					continue;
				}
				TraceStep last = p.trace().steps().get(p.trace().steps().size() - 1);
				if (last.thread() == null) {
					continue;
				}
				if (!marked.add(r.program().title() + "\u0000" + p.property())) {
					continue;
				}
				Step step = r.program().thread(last.thread()).step(last.step());
				IFile file = file(step.loc());
				if (file == null) {
					continue;
				}
				IMarker m = file.createMarker(TYPE);
				m.setAttribute(IMarker.LINE_NUMBER, step.loc().line());
				m.setAttribute(IMarker.SEVERITY, p.asExpected() ? IMarker.SEVERITY_WARNING : IMarker.SEVERITY_ERROR);
				// a model error's note says which expression has no value, at which statement
				m.setAttribute(IMarker.MESSAGE, modelError ? "model error in " + r.program().title() + ": " + p.note()
						: p.property() + " violated" + (p.asExpected() ? " (as expected)" : " (UNEXPECTED)") + " in "
								+ r.program().title() + ": " + last.thread() + " at " + step.label());
				m.setAttribute(PROPERTY, p.property());
				m.setAttribute(SCENARIO, r.program().title());
			}
		}
	}

	/** The workspace file of a source location (locations are relative to the working directory, or absolute). */
	public static IFile file(SourceLoc loc) {
		Path p = Path.of("").toAbsolutePath().resolve(loc.file()).normalize();
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(p.toUri());
		return files.length == 0 ? null : files[0];
	}
}
